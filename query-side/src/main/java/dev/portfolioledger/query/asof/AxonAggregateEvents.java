package dev.portfolioledger.query.asof;

import dev.portfolioledger.axon.audit.AuditMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link AggregateEvents} from Axon's event store. It reads the stream from sequence 0 rather than
 * through {@code readEvents(id)}, which would start at a snapshot: a snapshot holds the aggregate's
 * state, not the events the views are folded from, and may be newer than the instant asked for.
 *
 * <p>Events never change once stored, so the events read (deserialized) for an aggregate are
 * kept, for the most recently asked aggregates: a later question about the same aggregate reads
 * only what was appended since, and nothing at all when the instant lies inside what is kept.
 * That keeps an as-of query on a long history from deserializing the whole history each time.
 */
@Component
public class AxonAggregateEvents implements AggregateEvents {

    private static final int CACHED_AGGREGATES = 256;

    private final EventStore eventStore;
    private final Map<String, List<RecordedEvent>> known = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<RecordedEvent>> eldest) {
                    return size() > CACHED_AGGREGATES;
                }
            });


    public AxonAggregateEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public List<RecordedEvent> upTo(String aggregateId, Instant asOf) {
        List<RecordedEvent> events = known.getOrDefault(aggregateId, List.of());
        // Events after the last known one carry a timestamp at or after it: only an instant past
        // the last known event can reach events not read yet.
        if (events.isEmpty() || !asOf.isBefore(events.get(events.size() - 1).at())) {
            events = withNewerEvents(aggregateId, events);
        }
        return cutAt(events, asOf);
    }

    private List<RecordedEvent> withNewerEvents(String aggregateId, List<RecordedEvent> events) {
        long next = events.isEmpty() ? 0 : events.get(events.size() - 1).sequence() + 1;
        List<RecordedEvent> newer = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(aggregateId, next);
        RecordedEvent previous = events.isEmpty() ? null : events.get(events.size() - 1);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object causation = message.getMetaData().get(AuditMetadata.CAUSATION_ID);
            String causationId = causation == null ? null : causation.toString();
            Instant decidedAt = previous != null && causationId != null && causationId.equals(previous.causationId())
                    ? previous.decidedAt() : message.getTimestamp();
            previous = new RecordedEvent(message.getPayload(), message.getTimestamp(), message.getSequenceNumber(),
                                         decidedAt, causationId);
            newer.add(previous);
        }
        if (newer.isEmpty()) {
            return events;
        }
        List<RecordedEvent> all = new ArrayList<>(events.size() + newer.size());
        all.addAll(events);
        all.addAll(newer);
        List<RecordedEvent> kept = List.copyOf(all);
        known.put(aggregateId, kept);
        return kept;
    }

    /**
     * The events of the decisions recorded at or before the instant: a prefix, since an aggregate's
     * decisions are in time order.
     */
    private static List<RecordedEvent> cutAt(List<RecordedEvent> events, Instant asOf) {
        int end = 0;
        while (end < events.size() && !events.get(end).decidedAt().isAfter(asOf)) {
            end++;
        }
        return events.subList(0, end);
    }
}
