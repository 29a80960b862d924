package dev.portfolioledger.command.risk;

/** GraphQL {@code CloseRiskInput}; the reason is required (the command checks it). */
public record CloseRiskInput(String projectId, String riskId, String reason) {
}
