package dev.portfolioledger.api.risk;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Rate an open risk again: its probability and impact now (they may be unchanged: a review that
 * confirms them), with the reason (required), and optionally its next review date.
 *
 * @param nextReviewDate the new review date; null keeps the one the risk has
 */
public record ReassessRiskCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        RiskId riskId,
        int probability,
        int impact,
        String reason,
        LocalDate nextReviewDate) implements RiskCommand {

    public ReassessRiskCommand {
        Checks.required(projectId, "projectId");
        Checks.required(riskId, "riskId");
        RiskScale.rating(probability, "probability");
        RiskScale.rating(impact, "impact");
        reason = Checks.text(reason, "reason", Checks.REASON_MAX);
        if (nextReviewDate != null) {
            Checks.date(nextReviewDate, "nextReviewDate");
        }
    }
}
