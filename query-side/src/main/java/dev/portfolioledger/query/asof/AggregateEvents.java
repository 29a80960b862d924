package dev.portfolioledger.query.asof;

import java.time.Instant;
import java.util.List;

/** Reads an aggregate's stored events, the source of every as-of view. */
public interface AggregateEvents {

    /**
     * The aggregate's events in stream order, from its first event up to the last one recorded at
     * or before {@code asOf}; empty when the aggregate had no event by then (or does not exist).
     * The result is always a prefix of the stream, so a fold over it is a state the aggregate was
     * really in.
     */
    List<RecordedEvent> upTo(String aggregateId, Instant asOf);
}
