package dev.portfolioledger.query.closure;

/**
 * The instant a request reads closures at; the as-of history implements it
 * ({@code asof.PointInTime}). Closure rows carry their record time and answer every instant
 * themselves, so this is all they need of it.
 */
public interface ClosureAsOf {

    /** The instant as the closure rows keep record times (nanoseconds since the epoch). */
    long recordTimeNanos();
}
