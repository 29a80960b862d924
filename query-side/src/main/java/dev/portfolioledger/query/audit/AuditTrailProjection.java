package dev.portfolioledger.query.audit;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.axon.audit.AuditMetadata;
import dev.portfolioledger.axon.deadletter.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Writes every event to the audit trail, with its audit metadata read back unchanged.
 *
 * <p>Missing audit metadata fails the event rather than being filled in: every event in this
 * system is caused by a stamped command, so a gap is a defect that the dead-letter queue must
 * surface, and an audit trail must never show an invented actor.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT)
public class AuditTrailProjection {

    /** The global index of an entry not yet written: {@link AuditEntries#recordAll} looks it up. */
    static final long UNKNOWN_INDEX = -1;

    private final AuditEntries auditEntries;
    private final Serializer eventSerializer;
    private final BatchedWrites<AuditEntry> writes;

    public AuditTrailProjection(AuditEntries auditEntries, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.auditEntries = auditEntries;
        this.eventSerializer = eventSerializer;
        this.writes = new BatchedWrites<>(AuditTrailProjection.class.getName(), auditEntries::recordAll);
    }

    /**
     * Checks the event's audit metadata at once (a defective event is dead-lettered on its own)
     * and keeps the entry until the processor's batch commits, when all of the batch's entries
     * are written together; while the batch runs isolated after a failure, the entry is written
     * at once, so an entry the database refuses fails its own event only.
     *
     * <p>The global index comes from the event store when the entry is written, not from the
     * tracking token: an event that fills a gap (committed after events with higher indexes)
     * carries a token positioned at the highest index seen, not at its own.
     */
    @EventHandler
    void on(EventMessage<?> event, UnitOfWork<?> unitOfWork) {
        writes.add(entry(event, UNKNOWN_INDEX), unitOfWork);
    }

    @ResetHandler
    void reset() {
        auditEntries.deleteAll();
    }

    AuditEntry entry(EventMessage<?> event, long globalIndex) {
        if (!(event instanceof DomainEventMessage<?> domainEvent)) {
            throw new IllegalStateException("Event " + event.getIdentifier() + " (" + event.getPayloadType().getName()
                    + ") was not applied by an aggregate; the audit trail records aggregate events only");
        }
        MetaData metaData = event.getMetaData();
        return new AuditEntry(
                event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                domainEvent.getAggregateIdentifier(),
                domainEvent.getType(),
                domainEvent.getSequenceNumber(),
                globalIndex,
                event.getTimestamp(),
                required(event, AuditMetadata.ACTOR),
                optional(metaData, AuditMetadata.REASON),
                required(event, AuditMetadata.CORRELATION_ID),
                required(event, AuditMetadata.CAUSATION_ID),
                optional(metaData, AuditMetadata.REQUEST_ID),
                optional(metaData, AuditMetadata.COMMAND_NAME),
                payloadJson(event));
    }


    /*
     * An event read from the store still holds its stored JSON: serializing with the serializer
     * that wrote it hands those bytes back without deserializing the payload at all.
     */
    private RawValue payloadJson(EventMessage<?> event) {
        return new RawValue(event.serializePayload(eventSerializer, String.class).getData());
    }

    static String required(EventMessage<?> event, String key) {
        String value = optional(event.getMetaData(), key);
        if (value == null) {
            throw new IllegalStateException("Event " + event.getIdentifier() + " lacks audit metadata '" + key + "'");
        }
        return value;
    }

    static String optional(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
