package dev.portfolioledger.query.instant;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Opens the read model as it was at a query's {@code asOf} instant, for one GraphQL request. Each
 * view package says what it reads at an instant ({@code PortfoliosAsOf}, {@code ProgramsAsOf},
 * {@code ProjectsAsOf}, {@code ChangeRequestsAsOf}); the as-of history opens one object with all of
 * them ({@code asof.PointsInTime}), so the views need not know the history that answers them.
 *
 * <p>A root query returns its view through {@link #result}, which puts what it opened in the
 * GraphQL local context, and every nested resolver asks {@link #of} for the reads it needs.
 *
 * @param <R> what {@link #at} opens
 */
public interface AsOfReads<R> {

    /** The read model at the instant. */
    R at(OffsetDateTime asOf);

    /** The view for the query's result; nested fields see {@code reads} when it is not null (live otherwise). */
    static <T> DataFetcherResult<T> result(T view, Object reads) {
        DataFetcherResult.Builder<T> result = DataFetcherResult.<T>newResult().data(view);
        if (reads != null) {
            result.localContext(reads);
        }
        return result.build();
    }

    /** What the field is resolved from when the request is as of a past instant, or null for the live views. */
    static <R> R of(DataFetchingEnvironment environment, Class<R> reads) {
        Object context = environment.getLocalContext();
        return reads.isInstance(context) ? reads.cast(context) : null;
    }

    /**
     * The instant of the request's {@code asOf}, or the wall clock for a live read. The clock is read for
     * nothing but a live read's defaults (today's status date, "known at" in an answer): no row is stamped
     * with it; rows carry their events' record times.
     */
    static Instant instant(DataFetchingEnvironment environment) {
        RecordInstant past = of(environment, RecordInstant.class);
        return past == null ? Instant.now() : past.instant();
    }

    /** The UTC date of {@link #instant}: the default status date of a read. */
    static LocalDate today(DataFetchingEnvironment environment) {
        return LocalDate.ofInstant(instant(environment), ZoneOffset.UTC);
    }

    /** The record time rows are read at: the {@code asOf} instant's, or {@link RecordInstant#LIVE}. */
    static long recordTime(DataFetchingEnvironment environment) {
        RecordInstant past = of(environment, RecordInstant.class);
        return past == null ? RecordInstant.LIVE : past.recordTimeNanos();
    }
}
