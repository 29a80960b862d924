package dev.portfolioledger.command.operations;

import dev.portfolioledger.api.operations.DeadLetterSkipId;
import dev.portfolioledger.api.operations.DeadLetterSkippedEvent;
import dev.portfolioledger.api.operations.SkipDeadLetterCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One operator decision to skip a dead-lettered event. It exists so that the decision is an event
 * like every other change: stored for good, with actor, reason and correlation in its metadata,
 * and shown in the audit trail. The app evicts the letter once the decision is recorded.
 */
@Aggregate
public class DeadLetterSkip {

    @AggregateIdentifier
    private DeadLetterSkipId skipId;

    /** For Axon, which rebuilds a decision from its event. */
    protected DeadLetterSkip() {
    }

    @CommandHandler
    DeadLetterSkip(SkipDeadLetterCommand command) {
        apply(new DeadLetterSkippedEvent(command.skipId(), command.processingGroup(), command.sequenceIdentifier(),
                command.eventIdentifier(), command.eventType()));
    }

    @EventSourcingHandler
    void on(DeadLetterSkippedEvent event) {
        skipId = event.skipId();
    }
}
