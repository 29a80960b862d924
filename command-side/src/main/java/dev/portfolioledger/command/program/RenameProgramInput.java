package dev.portfolioledger.command.program;

/** GraphQL {@code RenameProgramInput}. */
public record RenameProgramInput(String programId, String name, String reason) {
}
