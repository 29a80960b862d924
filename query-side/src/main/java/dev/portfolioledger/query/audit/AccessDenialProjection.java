package dev.portfolioledger.query.audit;

import dev.portfolioledger.api.audit.AccessDeniedEvent;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.axon.audit.AuditMetadata;
import dev.portfolioledger.axon.deadletter.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Writes every {@link AccessDeniedEvent} to {@code access_denial}, the list {@code accessDenials}
 * reads. In the processing group {@code audit} with the audit trail: denials are part of the audit
 * record, share its dead-letter queue, and are rebuilt with it ({@code rebuildProjection(audit)}).
 *
 * <p>The actor and request id are the event's audit metadata, as the dispatch interceptor stamped them
 * from the refused request; a denial without an actor fails (and is dead-lettered) rather than being
 * shown with an invented one.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT)
public class AccessDenialProjection {

    private final AccessDenials denials;
    private final BatchedWrites<AccessDenialView> writes;

    public AccessDenialProjection(AccessDenials denials) {
        this.denials = denials;
        this.writes = new BatchedWrites<>(AccessDenialProjection.class.getName(), denials::recordAll);
    }

    @EventHandler
    void on(AccessDeniedEvent denied, EventMessage<?> event, UnitOfWork<?> unitOfWork) {
        writes.add(view(denied, event), unitOfWork);
    }

    @ResetHandler
    void reset() {
        denials.deleteAll();
    }

    static AccessDenialView view(AccessDeniedEvent denied, EventMessage<?> event) {
        return new AccessDenialView(event.getIdentifier(), AuditTrailProjection.UNKNOWN_INDEX, event.getTimestamp(),
                AuditTrailProjection.required(event, AuditMetadata.ACTOR), denied.operation(), denied.target(),
                denied.code(), AuditTrailProjection.optional(event.getMetaData(), AuditMetadata.REQUEST_ID),
                AuditTrailProjection.required(event, AuditMetadata.CORRELATION_ID));
    }
}
