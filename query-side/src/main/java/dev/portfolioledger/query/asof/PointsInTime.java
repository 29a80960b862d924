package dev.portfolioledger.query.asof;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Starts a {@link PointInTime} for a query's {@code asOf} argument and hands it to the nested
 * fields: a root query returns its view through {@link #result}, which puts the point in time in
 * the GraphQL local context, and every nested resolver asks {@link #of(DataFetchingEnvironment)}.
 */
@Component
public class PointsInTime {

    private final AggregateEvents events;
    private final Membership membership;
    private final ViewHistory history;
    private final HistoryReadiness readiness;

    public PointsInTime(AggregateEvents events, Membership membership, ViewHistory history,
                        HistoryReadiness readiness) {
        this.events = events;
        this.membership = membership;
        this.history = history;
        this.readiness = readiness;
    }

    public PointInTime at(OffsetDateTime asOf) {
        return at(asOf.toInstant());
    }

    /** The stored history at the instant; the fold of the event store while the history is not ready. */
    public PointInTime at(Instant asOf) {
        return readiness.ready() ? new StoredPointInTime(asOf, history) : folded(asOf);
    }

    /** The reference: the fold of the stored events. */
    public PointInTime folded(Instant asOf) {
        return new FoldedPointInTime(asOf, events, membership);
    }

    /** The stored history only, ready or not (tests compare it with the fold). */
    public PointInTime stored(Instant asOf) {
        return new StoredPointInTime(asOf, history);
    }

    /** The view for the query's result; nested fields see {@code pointInTime} when it is not null (live otherwise). */
    public static <T> DataFetcherResult<T> result(T view, PointInTime pointInTime) {
        DataFetcherResult.Builder<T> result = DataFetcherResult.<T>newResult().data(view);
        if (pointInTime != null) {
            result.localContext(pointInTime);
        }
        return result.build();
    }

    /** The point in time the field is resolved at, or null for the live views. */
    public static PointInTime of(DataFetchingEnvironment environment) {
        return environment.getLocalContext() instanceof PointInTime pointInTime ? pointInTime : null;
    }
}
