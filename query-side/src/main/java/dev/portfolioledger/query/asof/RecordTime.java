package dev.portfolioledger.query.asof;

import java.time.Instant;

/**
 * Record times as the history stores them: nanoseconds since the epoch, the precision Axon gives
 * event timestamps (a PostgreSQL timestamp keeps microseconds only, and an as-of read at an event's
 * exact timestamp must see it). Instants beyond what a long holds (before 1677, after 2262) are
 * clamped; no event is recorded there.
 */
public final class RecordTime {

    /** The end of a version that still holds. */
    public static final long OPEN = Long.MAX_VALUE;

    private static final Instant MIN = Instant.ofEpochSecond(0, Long.MIN_VALUE + 1);
    private static final Instant MAX = Instant.ofEpochSecond(0, Long.MAX_VALUE - 1);

    private RecordTime() {
    }

    public static long nanos(Instant instant) {
        if (instant.isBefore(MIN)) {
            return Long.MIN_VALUE + 1;
        }
        if (instant.isAfter(MAX)) {
            return Long.MAX_VALUE - 1;
        }
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    public static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
