package dev.portfolioledger.command.risk;

import dev.portfolioledger.api.risk.RiskResponse;

import java.time.LocalDate;

/** GraphQL {@code IdentifyRiskInput}; shape rules are checked by the command it becomes. */
public record IdentifyRiskInput(String projectId, String title, String description, String category,
                                int probability, int impact, String owner, RiskResponse response,
                                String responsePlan, LocalDate reviewDate, String reason) {
}
