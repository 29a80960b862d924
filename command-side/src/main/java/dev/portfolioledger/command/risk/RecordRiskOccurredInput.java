package dev.portfolioledger.command.risk;

/** GraphQL {@code RecordRiskOccurredInput}. */
public record RecordRiskOccurredInput(String projectId, String riskId, String impactNote, String changeRequestId,
                                      String reason) {
}
