package dev.portfolioledger.command.project;

import dev.portfolioledger.api.project.Methodology;

import java.time.LocalDate;

/** GraphQL {@code ProposeProjectInput}; shape rules are checked by the command it becomes. */
public record ProposeProjectInput(String projectId, String portfolioId, String programId, String name,
                                  String description, String manager, String sponsor, Methodology methodology,
                                  LocalDate plannedStart, LocalDate plannedFinish, String reason) {
}
