package dev.portfolioledger.app.rebuild;

import java.time.Instant;

/**
 * Where a rebuild of one processing group stands: how many of the events stored when it started
 * have been handled again, and at what rate.
 *
 * @param eventsTotal the events in the store when the rebuild started (what it must get through)
 * @param eventsDone  of those, the ones the group has handled again
 * @param finishedAt  when every segment first reached the store's head as of the start; null before
 */
public record ProjectionRebuild(
        String processingGroup,
        String startedBy,
        Instant startedAt,
        Instant finishedAt,
        long eventsTotal,
        long eventsDone,
        Double eventsPerSecond) {

    public boolean caughtUp() {
        return finishedAt != null;
    }
}
