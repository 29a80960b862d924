package dev.portfolioledger.command.quality;

/** GraphQL {@code AcceptDeliverableInput}; who accepts is the authenticated user, never an argument. */
public record AcceptDeliverableInput(String projectId, String deliverableId, String note, String reason) {
}
