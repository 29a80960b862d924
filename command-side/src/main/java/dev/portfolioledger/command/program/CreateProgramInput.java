package dev.portfolioledger.command.program;

import java.util.List;

/** GraphQL {@code CreateProgramInput}; shape rules are checked by the command it becomes. */
public record CreateProgramInput(String programId, String portfolioId, String name, String manager,
                                 List<String> objectives, String reason) {
}
