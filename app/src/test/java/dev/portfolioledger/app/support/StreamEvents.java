package dev.portfolioledger.app.support;

import dev.portfolioledger.axon.audit.AuditMetadata;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Appends events of one decision straight to an aggregate's stream in the event store, as the
 * aggregate would store them: the stream's next sequence numbers (read from the store, so the
 * stream may have been started by real commands), and the audit metadata of one stamped command
 * (actor, command name, one causation and correlation id for all of the decision's events). For
 * messages whose command side is not there yet, such as the cost ledger's and a project's
 * execution events.
 */
public final class StreamEvents {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    public StreamEvents(EventStore eventStore, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /** Stores the decision's events; returns the stored record time of its first event. */
    public Instant append(String aggregateType, String aggregateId, String actor, Object... decision) {
        Long last = jdbc.queryForObject("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
                                        Long.class, aggregateId);
        long sequence = last == null ? 0 : last + 1;
        String command = UUID.randomUUID().toString();
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (Object event : decision) {
            messages.add(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence++, event, MetaData.from(Map.of(
                    AuditMetadata.ACTOR, actor,
                    AuditMetadata.COMMAND_NAME, decision[0].getClass().getSimpleName().replace("Event", "Command"),
                    AuditMetadata.CAUSATION_ID, command,
                    AuditMetadata.CORRELATION_ID, command,
                    AuditMetadata.REQUEST_ID, UUID.randomUUID().toString()))));
        }
        eventStore.publish(messages);
        Instant stored = Instant.parse(jdbc.queryForObject(
                "SELECT timestamp FROM domainevententry WHERE eventidentifier = ?", String.class,
                messages.get(0).getIdentifier()));
        // the next decision gets a later stored time, so that every decision is one an as-of read can tell apart
        while (!Instant.now().isAfter(stored.plusMillis(1))) {
            Thread.onSpinWait();
        }
        return stored;
    }
}
