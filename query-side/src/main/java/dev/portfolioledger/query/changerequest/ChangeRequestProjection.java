package dev.portfolioledger.query.changerequest;

import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestApprovedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestAssessedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ChangeRequestRejectedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestSubmittedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestWithdrawnEvent;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.axon.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps change_request_view and baseline_version_view current. The state change itself lives in
 * {@link ChangeRequestEvolution} and {@link BaselineVersion}; each handler only loads, applies and
 * saves. Rows carry the sequence of the last event applied, so replays and redeliveries are safe.
 */
@Component
@ProcessingGroup(ProcessingGroups.VIEWS)
public class ChangeRequestProjection {

    private final ChangeRequests changeRequests;

    public ChangeRequestProjection(ChangeRequests changeRequests) {
        this.changeRequests = changeRequests;
    }

    @EventHandler
    void on(ChangeRequestSubmittedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.projectId(), event.changeRequestId(), event, at, sequence);
    }

    @EventHandler
    void on(ChangeRequestAssessedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.projectId(), event.changeRequestId(), event, at, sequence);
    }

    @EventHandler
    void on(ChangeRequestApprovedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.projectId(), event.changeRequestId(), event, at, sequence);
    }

    @EventHandler
    void on(ChangeRequestRejectedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.projectId(), event.changeRequestId(), event, at, sequence);
    }

    @EventHandler
    void on(ChangeRequestWithdrawnEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.projectId(), event.changeRequestId(), event, at, sequence);
    }

    @EventHandler
    void on(BaselineRevisedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        changeRequests.save(BaselineVersion.of(event, at));
        evolve(event.projectId(), event.changeRequestId(), event, at, sequence);
    }

    @EventHandler
    void on(BaselineEstablishedEvent event, @Timestamp Instant at) {
        changeRequests.save(BaselineVersion.of(event, at));
    }

    @ResetHandler
    void reset() {
        changeRequests.deleteAll();
    }

    private void evolve(ProjectId projectId, ChangeRequestId id, Object event, Instant at, long sequence) {
        if (changeRequests.reflects(projectId, id, sequence)) {
            return;
        }
        ChangeRequestView before = changeRequests.find(projectId, id).orElse(null);
        changeRequests.save(ChangeRequestEvolution.apply(before, event, at, sequence), sequence);
    }
}
