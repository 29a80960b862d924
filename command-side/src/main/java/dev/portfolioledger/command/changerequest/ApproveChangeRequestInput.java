package dev.portfolioledger.command.changerequest;

/** GraphQL {@code ApproveChangeRequestInput}. */
public record ApproveChangeRequestInput(String projectId, String changeRequestId, String reason) {
}
