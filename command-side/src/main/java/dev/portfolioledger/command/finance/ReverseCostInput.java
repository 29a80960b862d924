package dev.portfolioledger.command.finance;

/** GraphQL {@code ReverseCostInput}. */
public record ReverseCostInput(String projectId, String entryId, String reason) {
}
