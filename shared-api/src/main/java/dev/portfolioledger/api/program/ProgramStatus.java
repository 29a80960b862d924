package dev.portfolioledger.api.program;

/** Lifecycle of a program: a closed program takes no new projects. */
public enum ProgramStatus {
    OPEN,
    CLOSED
}
