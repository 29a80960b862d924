package dev.portfolioledger.query.audit;

import java.time.Instant;

/**
 * One stored event as the audit trail shows it: where it sits in the store, who caused it and
 * why (the audit metadata, read back unchanged), and its payload.
 *
 * @param eventType simple class name of the payload, e.g. {@code ProjectApprovedEvent}
 * @param payload   the payload: JSON values (maps, lists, ...) when read, its stored JSON text (a Jackson {@code RawValue}) when recorded
 */
public record AuditEntry(
        String eventId,
        String eventType,
        String aggregateId,
        String aggregateType,
        long sequenceNumber,
        long globalIndex,
        Instant recordedAt,
        String actor,
        String reason,
        String correlationId,
        String causationId,
        String requestId,
        String commandName,
        Object payload) {
}
