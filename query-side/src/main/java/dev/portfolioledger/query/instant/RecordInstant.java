package dev.portfolioledger.query.instant;

import java.time.Instant;

/**
 * The instant a read is as of, in the two forms the read models use: the instant itself (its UTC date is
 * the default status date) and the record time the rows are stamped with. Every view package that reads
 * rows stamped with record times asks for it through its {@code ...AsOf} interface; {@link AsOfReads}
 * answers it for live reads too.
 */
public interface RecordInstant {

    /**
     * The record time of a live read: after every recorded event, and before the end of every version that
     * still holds ({@code to_ns = Long.MAX_VALUE}), so live and as-of reads are the same statements.
     */
    long LIVE = Long.MAX_VALUE - 1;

    /** The instant. */
    Instant instant();

    /** The instant as rows keep record times (nanoseconds since the epoch). */
    long recordTimeNanos();
}
