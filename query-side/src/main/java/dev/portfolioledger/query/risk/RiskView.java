package dev.portfolioledger.query.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A risk of a project's register as the views show it (GraphQL {@code Risk}): one version of
 * {@code risk_version}. Made by {@link RiskViewEvolution}.
 *
 * @param portfolioId     the project's portfolio (what the portfolio's heatmap and lists select by)
 * @param status          OPEN, MITIGATING, CLOSED or OCCURRED
 * @param identifiedBy    who identified it (the event's actor)
 * @param statusChangedAt the record time of the decision that gave it its status
 * @param closureReason   why it was closed; null unless CLOSED
 * @param impactNote      the impact it had; null unless OCCURRED
 * @param changeRequestId the change request linked to its occurrence; null when none
 */
public record RiskView(
        UUID riskId,
        UUID projectId,
        UUID portfolioId,
        String title,
        String description,
        String category,
        int probability,
        int impact,
        String owner,
        String response,
        String responsePlan,
        LocalDate reviewDate,
        String status,
        Instant identifiedAt,
        String identifiedBy,
        Instant statusChangedAt,
        String closureReason,
        String impactNote,
        UUID changeRequestId) {

    public static final String OPEN = "OPEN";
    public static final String MITIGATING = "MITIGATING";
    public static final String CLOSED = "CLOSED";
    public static final String OCCURRED = "OCCURRED";

    /** GraphQL {@code Risk.id}. */
    public UUID id() {
        return riskId;
    }

    /** Probability × impact, 1 to 25. */
    public int exposure() {
        return probability * impact;
    }

    /** OPEN or MITIGATING: counted by the heatmap, top risks and reviews. */
    public boolean isOpen() {
        return OPEN.equals(status) || MITIGATING.equals(status);
    }

    RiskView reassessed(int newProbability, int newImpact, LocalDate newReviewDate) {
        return new RiskView(riskId, projectId, portfolioId, title, description, category, newProbability, newImpact,
                owner, response, responsePlan, newReviewDate, status, identifiedAt, identifiedBy, statusChangedAt,
                closureReason, impactNote, changeRequestId);
    }

    RiskView moved(String newStatus, Instant at, String newClosureReason, String newImpactNote,
                   UUID newChangeRequestId) {
        return new RiskView(riskId, projectId, portfolioId, title, description, category, probability, impact, owner,
                response, responsePlan, reviewDate, newStatus, identifiedAt, identifiedBy, at, newClosureReason,
                newImpactNote, newChangeRequestId);
    }
}
