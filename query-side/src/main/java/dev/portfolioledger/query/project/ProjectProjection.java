package dev.portfolioledger.query.project;

import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectDetailsRevisedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectPutOnHoldEvent;
import dev.portfolioledger.api.project.ProjectResumedEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.axon.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps project_view current. The state change itself lives in {@link ProjectViewEvolution};
 * each handler only loads the row, applies the event and saves the result.
 */
@Component
@ProcessingGroup(ProcessingGroups.VIEWS)
public class ProjectProjection {

    private final Projects projects;

    public ProjectProjection(Projects projects) {
        this.projects = projects;
    }

    @EventHandler
    void on(ProjectProposedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.projectId(), event, at, sequence);
    }

    @EventHandler
    void on(ProjectDetailsRevisedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.projectId(), event, at, sequence);
    }

    @EventHandler
    void on(ProjectApprovedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.projectId(), event, at, sequence);
    }

    @EventHandler
    void on(ProjectStartedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.projectId(), event, at, sequence);
    }

    @EventHandler
    void on(ProjectPutOnHoldEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.projectId(), event, at, sequence);
    }

    @EventHandler
    void on(ProjectResumedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.projectId(), event, at, sequence);
    }

    @EventHandler
    void on(ProjectCancelledEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.projectId(), event, at, sequence);
    }

    @ResetHandler
    void reset() {
        projects.deleteAll();
    }

    private void evolve(ProjectId id, Object event, Instant at, long sequence) {
        // an aggregate's first event has nothing before it; skip the read (a replay's upsert guard
        // keeps an existing row consistent)
        ProjectView before = sequence == 0 ? null : projects.find(id).orElse(null);
        projects.save(ProjectViewEvolution.apply(before, event, at), sequence);
    }
}
