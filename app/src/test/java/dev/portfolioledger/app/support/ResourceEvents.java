package dev.portfolioledger.app.support;

import dev.portfolioledger.api.resource.ResourceEvent;
import dev.portfolioledger.api.resource.ResourceRegisteredEvent;
import dev.portfolioledger.axon.audit.AuditMetadata;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Appends Resource events straight to the event store, as the Resource aggregate would store
 * them: the next sequence number of the resource's stream, and the audit metadata a stamped
 * command leaves (actor, command name, a fresh causation and correlation id: one decision per
 * event), and, for a registration, the command side's resource directory row that the
 * registration command writes before its event (the directory's lookups of later events need it).
 * The query side's tests use it to build resource histories event by event, with exact instants.
 */
public final class ResourceEvents {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Map<String, Long> sequences = new HashMap<>();

    public ResourceEvents(EventStore eventStore, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /** Stores the event; returns its record time as stored (which is coarser than the message's own). */
    public Instant append(ResourceEvent event) {
        String id = event.resourceId().toString();
        if (event instanceof ResourceRegisteredEvent registered) {
            jdbc.update("INSERT INTO resource_directory (resource_id, portfolio_id) VALUES (?::uuid, ?::uuid)"
                    + " ON CONFLICT DO NOTHING", id, registered.portfolioId().toString());
        }
        long sequence = sequences.merge(id, 1L, Long::sum) - 1;
        String command = UUID.randomUUID().toString();
        GenericDomainEventMessage<ResourceEvent> message = new GenericDomainEventMessage<>(
                "Resource", id, sequence, event, MetaData.from(Map.of(
                        AuditMetadata.ACTOR, "resources",
                        AuditMetadata.COMMAND_NAME, event.getClass().getSimpleName().replace("Event", "Command"),
                        AuditMetadata.CAUSATION_ID, command,
                        AuditMetadata.CORRELATION_ID, command,
                        AuditMetadata.REQUEST_ID, UUID.randomUUID().toString())));
        eventStore.publish(message);
        Instant stored = Instant.parse(jdbc.queryForObject(
                "SELECT timestamp FROM domainevententry WHERE eventidentifier = ?", String.class,
                message.getIdentifier()));
        // the next event gets a later stored time, so that every event is a decision an as-of read can tell apart
        while (!Instant.now().isAfter(stored.plusMillis(1))) {
            Thread.onSpinWait();
        }
        return stored;
    }
}
