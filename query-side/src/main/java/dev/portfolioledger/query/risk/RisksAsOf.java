package dev.portfolioledger.query.risk;

import java.time.Instant;

/**
 * The instant a request reads the risk register at; the as-of history implements it
 * ({@code asof.PointInTime}). The risk rows answer every instant themselves, so this is all they
 * need of it.
 */
public interface RisksAsOf {

    /** The instant: its date (UTC) is the default status date of reviews. */
    Instant instant();

    /** The instant as the risk rows keep record times (nanoseconds since the epoch). */
    long recordTimeNanos();
}
