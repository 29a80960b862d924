package dev.portfolioledger.command.risk;

import java.time.LocalDate;

/** GraphQL {@code ReassessRiskInput}; the reason is required (the command checks it). */
public record ReassessRiskInput(String projectId, String riskId, int probability, int impact,
                                LocalDate nextReviewDate, String reason) {
}
