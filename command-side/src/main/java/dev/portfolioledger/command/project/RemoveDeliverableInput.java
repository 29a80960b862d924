package dev.portfolioledger.command.project;

/** GraphQL {@code RemoveDeliverableInput}. */
public record RemoveDeliverableInput(String projectId, String deliverableId, String reason) {
}
