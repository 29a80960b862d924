package dev.portfolioledger.query.audit;

import dev.portfolioledger.api.Checks;

import java.time.OffsetDateTime;

/**
 * Which audit entries a page holds; every criterion is optional and they combine with AND.
 *
 * @param correlationId entries of this correlation (a request and everything it caused)
 * @param requestId     entries stored while serving this HTTP request
 * @param from          entries recorded at or after this instant
 * @param to            entries recorded before this instant
 */
public record AuditTrailFilter(
        String aggregateId,
        String actor,
        String eventType,
        String correlationId,
        String requestId,
        OffsetDateTime from,
        OffsetDateTime to) {

    public static final AuditTrailFilter ALL = new AuditTrailFilter(null, null, null, null, null, null, null);

    /**
     * Refuses an interval that ends before it starts, and texts no stored entry can hold
     * ({@link Checks#filterText}). Not a constructor check: Spring's argument binder would wrap
     * the refusal, and clients must see it as VALIDATION_FAILED.
     */
    public AuditTrailFilter checked() {
        Checks.filterText(aggregateId, "filter.aggregateId");
        Checks.filterText(actor, "filter.actor");
        Checks.filterText(eventType, "filter.eventType");
        Checks.filterText(correlationId, "filter.correlationId");
        Checks.filterText(requestId, "filter.requestId");
        if (from != null && to != null && to.isBefore(from)) {
            throw Checks.invalid("to must not be before from");
        }
        return this;
    }
}
