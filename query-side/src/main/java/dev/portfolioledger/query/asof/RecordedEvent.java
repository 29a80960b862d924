package dev.portfolioledger.query.asof;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored event of an aggregate, as the projections see it: the (upcasted) payload, when it
 * was recorded and its position in the aggregate's stream.
 */
public record RecordedEvent(Object payload, Instant at, long sequence) {

    public RecordedEvent {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(at, "at");
    }
}
