package dev.portfolioledger.query.asof;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link AggregateEvents} from Axon's event store. It reads the stream from sequence 0 rather than
 * through {@code readEvents(id)}, which would start at a snapshot: a snapshot holds the aggregate's
 * state, not the events the views are folded from, and may be newer than the instant asked for.
 */
@Component
public class AxonAggregateEvents implements AggregateEvents {

    private final EventStore eventStore;

    public AxonAggregateEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public List<RecordedEvent> upTo(String aggregateId, Instant asOf) {
        List<RecordedEvent> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getTimestamp().isAfter(asOf)) {
                break; // later events were recorded after this one: the rest of the stream is too late
            }
            events.add(new RecordedEvent(message.getPayload(), message.getTimestamp(), message.getSequenceNumber()));
        }
        return events;
    }
}
