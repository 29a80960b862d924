package dev.portfolioledger.command.project;

/** GraphQL {@code CancelProjectInput}; the reason is required and becomes part of the event. */
public record CancelProjectInput(String projectId, String reason) {
}
