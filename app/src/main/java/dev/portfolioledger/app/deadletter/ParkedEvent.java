package dev.portfolioledger.app.deadletter;

import java.time.Instant;

/**
 * One dead letter as an operator sees it: which event of which sequence is parked in which
 * processing group, and why.
 *
 * @param globalIndex null when the event is not (or no longer) in the event store
 * @param causeType   null for an event parked only because an earlier one of its sequence is
 * @param retries     failed retries so far (0 when first parked)
 */
public record ParkedEvent(
        String processingGroup,
        String sequenceIdentifier,
        long sequenceIndex,
        String eventIdentifier,
        String eventType,
        String aggregateIdentifier,
        Long sequenceNumber,
        Long globalIndex,
        String causeType,
        String causeMessage,
        Instant enqueuedAt,
        Instant lastTouched,
        int retries) {
}
