package dev.portfolioledger.query.finance;

import java.time.Instant;

/**
 * The instant a request reads earned value at; the as-of history implements it
 * ({@code asof.PointInTime}). The finance rows answer every instant themselves, so this is all
 * they need of it.
 */
public interface FinanceAsOf {

    /** The instant: its date (UTC) is the default status date. */
    Instant instant();

    /** The instant as the finance rows keep record times (nanoseconds since the epoch). */
    long recordTimeNanos();
}
