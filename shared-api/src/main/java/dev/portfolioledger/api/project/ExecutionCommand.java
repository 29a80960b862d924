package dev.portfolioledger.api.project;

/**
 * A command that reports how a running project is doing against its plan (progress of a
 * deliverable, a milestone reached, a new forecast). Only an ACTIVE project takes one; the
 * Project aggregate checks that once for every such command.
 */
public interface ExecutionCommand {

    ProjectId projectId();
}
