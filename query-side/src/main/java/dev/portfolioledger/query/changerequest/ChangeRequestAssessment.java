package dev.portfolioledger.query.changerequest;

import dev.portfolioledger.api.Money;

import java.time.Instant;
import java.util.Objects;

/** The assessed impact of a change request on cost, schedule and risk. */
public record ChangeRequestAssessment(
        Money costImpact,
        int scheduleImpactDays,
        String riskNotes,
        String assessedBy,
        Instant assessedAt) {

    public ChangeRequestAssessment {
        Objects.requireNonNull(costImpact, "costImpact");
        Objects.requireNonNull(assessedAt, "assessedAt");
    }
}
