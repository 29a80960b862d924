package dev.portfolioledger.command.project;

import java.time.LocalDate;

/** GraphQL {@code CompleteMilestoneInput}. */
public record CompleteMilestoneInput(String projectId, String milestoneId, LocalDate actualDate, String reason) {
}
