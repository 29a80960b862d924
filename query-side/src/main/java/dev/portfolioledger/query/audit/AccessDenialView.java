package dev.portfolioledger.query.audit;

import java.time.Instant;

/**
 * One refusal on record, as {@code accessDenials} shows it.
 *
 * @param eventId       the {@code AccessDeniedEvent} that records it (a leaf of the audit log)
 * @param globalIndex   the event's position in the event store; pages are in its order, newest first
 * @param deniedAt      when the refusal was stored (the event's timestamp)
 * @param actor         the authenticated user who was refused
 * @param operation     the GraphQL field that was refused
 * @param target        the id the operation aimed at; null when it named none
 * @param code          the error code the client was answered
 * @param requestId     the HTTP request (the {@code X-Request-Id} header, or the id the service gave it)
 * @param correlationId the correlation of the recording, which leads to the event in {@code auditTrail}
 */
public record AccessDenialView(
        String eventId,
        long globalIndex,
        Instant deniedAt,
        String actor,
        String operation,
        String target,
        String code,
        String requestId,
        String correlationId) {
}
