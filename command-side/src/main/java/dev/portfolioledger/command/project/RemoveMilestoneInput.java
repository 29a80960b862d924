package dev.portfolioledger.command.project;

/** GraphQL {@code RemoveMilestoneInput}. */
public record RemoveMilestoneInput(String projectId, String milestoneId, String reason) {
}
