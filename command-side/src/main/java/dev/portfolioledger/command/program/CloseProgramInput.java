package dev.portfolioledger.command.program;

/** GraphQL {@code CloseProgramInput}. */
public record CloseProgramInput(String programId, String reason) {
}
