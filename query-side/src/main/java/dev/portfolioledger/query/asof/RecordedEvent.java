package dev.portfolioledger.query.asof;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored event of an aggregate, as the projections see it: the (upcasted) payload, when it
 * was recorded, its position in the aggregate's stream, and when the decision it belongs to was
 * recorded: the record time of the first event its command stored. All events of one command
 * become visible to as-of at that one instant, so an as-of view never shows half a decision.
 *
 * @param causationId the identifier of the command that stored the event; null when unknown
 */
public record RecordedEvent(Object payload, Instant at, long sequence, Instant decidedAt, String causationId) {

    public RecordedEvent {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    /** An event that is the first (or only) event of its decision. */
    public RecordedEvent(Object payload, Instant at, long sequence) {
        this(payload, at, sequence, at, null);
    }
}
