package dev.portfolioledger.api.operations;

import org.axonframework.serialization.Revision;

/**
 * An operator skipped a dead-lettered event: the processing group's views never apply it. Who and
 * why are in the audit metadata.
 */
@Revision("1")
public record DeadLetterSkippedEvent(
        DeadLetterSkipId skipId,
        String processingGroup,
        String sequenceIdentifier,
        String eventIdentifier,
        String eventType) {
}
