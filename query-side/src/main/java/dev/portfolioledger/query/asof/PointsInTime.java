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

    public PointsInTime(AggregateEvents events, Membership membership) {
        this.events = events;
        this.membership = membership;
    }

    public PointInTime at(OffsetDateTime asOf) {
        return at(asOf.toInstant());
    }

    public PointInTime at(Instant asOf) {
        return new PointInTime(asOf, events, membership);
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
