package dev.portfolioledger.command.changerequest;

/** GraphQL {@code RejectChangeRequestInput}; the reason is required by the command it becomes. */
public record RejectChangeRequestInput(String projectId, String changeRequestId, String reason) {
}
