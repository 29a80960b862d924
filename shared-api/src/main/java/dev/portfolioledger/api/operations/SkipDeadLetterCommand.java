package dev.portfolioledger.api.operations;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record an operator's decision to skip the event that is parked at the head of a dead-lettered
 * sequence, so that the sequence moves on without it. The reason travels in the audit metadata
 * and is required.
 *
 * @param skipId             the decision's own id, chosen by the server
 * @param processingGroup    the processing group whose dead-letter queue holds the letter
 * @param sequenceIdentifier the parked sequence (the aggregate id)
 * @param eventIdentifier    the skipped event
 * @param eventType          the skipped event's payload type
 */
public record SkipDeadLetterCommand(
        @TargetAggregateIdentifier DeadLetterSkipId skipId,
        String processingGroup,
        String sequenceIdentifier,
        String eventIdentifier,
        String eventType) {

    public SkipDeadLetterCommand {
        Checks.required(skipId, "skipId");
        processingGroup = Checks.name(processingGroup, "processingGroup");
        sequenceIdentifier = Checks.name(sequenceIdentifier, "sequenceIdentifier");
        eventIdentifier = Checks.name(eventIdentifier, "eventIdentifier");
        eventType = Checks.name(eventType, "eventType");
    }
}
