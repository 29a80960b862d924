package dev.portfolioledger.command.audit;

import dev.portfolioledger.api.audit.AccessDenialId;
import dev.portfolioledger.api.audit.AccessDeniedEvent;
import dev.portfolioledger.api.audit.RecordAccessDenialCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One refusal on record. It exists so that a denial is an event like every other change: stored for
 * good in the event store, in its own transaction (the refused command's rolled back), with actor and
 * request id in its metadata, shown in the audit trail and made a leaf of the tamper-evident audit log.
 * A stream of one event per denial: no denial waits on another, and no sequence number can go missing.
 */
@Aggregate
public class AccessDenial {

    @AggregateIdentifier
    private AccessDenialId denialId;

    /** For Axon, which rebuilds a denial from its event. */
    protected AccessDenial() {
    }

    @CommandHandler
    AccessDenial(RecordAccessDenialCommand command) {
        apply(new AccessDeniedEvent(command.denialId(), command.operation(), command.target(), command.code().name()));
    }

    @EventSourcingHandler
    void on(AccessDeniedEvent event) {
        denialId = event.denialId();
    }
}
