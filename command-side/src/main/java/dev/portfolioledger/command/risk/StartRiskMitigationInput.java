package dev.portfolioledger.command.risk;

/** GraphQL {@code StartRiskMitigationInput}. */
public record StartRiskMitigationInput(String projectId, String riskId, String reason) {
}
