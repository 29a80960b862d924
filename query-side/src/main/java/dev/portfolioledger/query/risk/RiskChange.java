package dev.portfolioledger.query.risk;

import java.time.Instant;

/**
 * One entry of a risk's history (GraphQL {@code RiskChange}): an event of the risk with the record
 * time of its decision and its actor.
 *
 * @param kind                IDENTIFIED, REASSESSED, MITIGATION_STARTED, CLOSED or OCCURRED
 * @param status              the risk's status after the change
 * @param previousProbability the probability before a reassessment; null for other kinds
 * @param previousImpact      the impact before a reassessment; null for other kinds
 * @param probability         the probability after the change
 * @param impact              the impact after the change
 * @param reason              a reassessment's or closure's reason, an occurrence's impact note
 */
public record RiskChange(String kind, Instant at, String actor, String status, Integer previousProbability,
                         Integer previousImpact, int probability, int impact, String reason) {

    public int exposure() {
        return probability * impact;
    }

    /** The exposure before a reassessment; null for other kinds. */
    public Integer previousExposure() {
        return previousProbability == null || previousImpact == null ? null : previousProbability * previousImpact;
    }
}
