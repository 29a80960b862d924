package dev.portfolioledger.command.changerequest;

/** GraphQL {@code WithdrawChangeRequestInput}. */
public record WithdrawChangeRequestInput(String projectId, String changeRequestId, String reason) {
}
