package dev.portfolioledger.query.asof;

import dev.portfolioledger.query.instant.AsOfReads;
import dev.portfolioledger.query.resource.TimeEntries;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Starts a {@link PointInTime} for a query's {@code asOf} argument: the view packages open it as
 * their {@link AsOfReads} and hand it to the nested fields through the GraphQL local context
 * ({@link AsOfReads#result}, {@link AsOfReads#of}).
 */
@Component
public class PointsInTime implements AsOfReads<PointInTime> {

    private final AggregateEvents events;
    private final Membership membership;
    private final ViewHistory history;
    private final HistoryReadiness readiness;
    private final TimeEntries timeEntries;

    public PointsInTime(AggregateEvents events, Membership membership, ViewHistory history,
                        HistoryReadiness readiness, TimeEntries timeEntries) {
        this.timeEntries = timeEntries;
        this.events = events;
        this.membership = membership;
        this.history = history;
        this.readiness = readiness;
    }

    @Override
    public PointInTime at(OffsetDateTime asOf) {
        return at(asOf.toInstant());
    }

    /** The stored history at the instant; the fold of the event store while the history is not ready. */
    public PointInTime at(Instant asOf) {
        return readiness.ready() ? new StoredPointInTime(asOf, history, timeEntries) : folded(asOf);
    }

    /** The reference: the fold of the stored events. */
    public PointInTime folded(Instant asOf) {
        return new FoldedPointInTime(asOf, events, membership);
    }

    /** The stored history only, ready or not (tests compare it with the fold). */
    public PointInTime stored(Instant asOf) {
        return new StoredPointInTime(asOf, history, timeEntries);
    }
}
