package dev.portfolioledger.query.status;

import dev.portfolioledger.api.status.Rag;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The RAG the numbers suggest (GraphQL {@code SuggestedRag}): schedule from SPI, cost from CPI,
 * scope from the pending change requests, overall the worst of the three; a dimension whose ratio
 * is undefined (null) has no suggestion, and does not count for the overall one. Pure arithmetic
 * ({@link #of}), so the report view, the portfolio's health and the tests use the same.
 *
 * @param at                    the status date of the earned value figures
 * @param knownAt               the record time the numbers are as known at
 * @param schedulePerformanceIndex SPI; null when undefined
 * @param costPerformanceIndex  CPI; null when undefined
 * @param pendingChangeRequests SUBMITTED or ASSESSED change requests of the project then
 * @param ratings               the suggested ratings, each null when there is nothing to suggest it from
 */
public record SuggestedRag(LocalDate at, Instant knownAt, BigDecimal schedulePerformanceIndex,
                           BigDecimal costPerformanceIndex, int pendingChangeRequests, RagRatings ratings) {

    public SuggestedRag {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(knownAt, "knownAt");
        Objects.requireNonNull(ratings, "ratings");
    }

    /** The suggestion of these numbers under these thresholds. */
    public static SuggestedRag of(SuggestedRagThresholds thresholds, LocalDate at, Instant knownAt, BigDecimal spi,
                                  BigDecimal cpi, int pendingChangeRequests) {
        Rag schedule = ofRatio(spi, thresholds.schedule());
        Rag cost = ofRatio(cpi, thresholds.cost());
        Rag scope = ofPending(pendingChangeRequests, thresholds.scope());
        return new SuggestedRag(at, knownAt, spi, cpi, pendingChangeRequests,
                                new RagRatings(worst(scope, schedule, cost), scope, schedule, cost));
    }

    /** GREEN at or above green-from, AMBER at or above amber-from, RED below; null for an undefined ratio. */
    public static Rag ofRatio(BigDecimal ratio, SuggestedRagThresholds.Ratio thresholds) {
        if (ratio == null) {
            return null;
        }
        if (ratio.compareTo(thresholds.greenFrom()) >= 0) {
            return Rag.GREEN;
        }
        return ratio.compareTo(thresholds.amberFrom()) >= 0 ? Rag.AMBER : Rag.RED;
    }

    /** GREEN for none, AMBER up to amber-up-to, RED above. */
    public static Rag ofPending(int pending, SuggestedRagThresholds.Scope thresholds) {
        if (pending <= 0) {
            return Rag.GREEN;
        }
        return pending <= thresholds.amberUpTo() ? Rag.AMBER : Rag.RED;
    }

    /** The worst of the ratings given (RED over AMBER over GREEN), nulls left out; null when all are. */
    public static Rag worst(Rag... ratings) {
        return Arrays.stream(ratings).filter(Objects::nonNull).max(Enum::compareTo).orElse(null);
    }

    public Rag overall() {
        return ratings.overall();
    }

    public Rag scope() {
        return ratings.scope();
    }

    public Rag schedule() {
        return ratings.schedule();
    }

    public Rag cost() {
        return ratings.cost();
    }

    /**
     * The dimensions that the manager rated GREEN where the numbers say RED, in the order
     * OVERALL, SCOPE, SCHEDULE, COST; empty when there are none (or nothing was reported).
     */
    public List<RagDimension> greenWhereRed(RagRatings reported) {
        if (reported == null) {
            return List.of();
        }
        return Arrays.stream(RagDimension.values())
                .filter(d -> reported.of(d) == Rag.GREEN && ratings.of(d) == Rag.RED).toList();
    }
}
