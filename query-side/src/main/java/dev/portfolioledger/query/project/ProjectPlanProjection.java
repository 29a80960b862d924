package dev.portfolioledger.query.project;

import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.BudgetLinePlannedEvent;
import dev.portfolioledger.api.project.DeliverableAddedEvent;
import dev.portfolioledger.api.project.DeliverableRemovedEvent;
import dev.portfolioledger.api.project.DeliverableRevisedEvent;
import dev.portfolioledger.api.project.MilestoneRemovedEvent;
import dev.portfolioledger.api.project.MilestoneRevisedEvent;
import dev.portfolioledger.api.project.MilestoneScheduledEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectObjectivesDefinedEvent;
import dev.portfolioledger.axon.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Keeps the project plans current. The state change itself lives in {@link ProjectPlanEvolution};
 * each handler only loads the plan, applies the event and saves the result. The plan starts with
 * the project_view row that {@link ProjectProjection} writes for the proposal, in the same group.
 */
@Component
@ProcessingGroup(ProcessingGroups.VIEWS)
public class ProjectPlanProjection {

    private final ProjectPlans plans;

    public ProjectPlanProjection(ProjectPlans plans) {
        this.plans = plans;
    }

    @EventHandler
    void on(DeliverableAddedEvent event, @SequenceNumber long sequence) {
        evolve(event.projectId(), event, sequence);
    }

    @EventHandler
    void on(DeliverableRevisedEvent event, @SequenceNumber long sequence) {
        evolve(event.projectId(), event, sequence);
    }

    @EventHandler
    void on(DeliverableRemovedEvent event, @SequenceNumber long sequence) {
        evolve(event.projectId(), event, sequence);
    }

    @EventHandler
    void on(MilestoneScheduledEvent event, @SequenceNumber long sequence) {
        evolve(event.projectId(), event, sequence);
    }

    @EventHandler
    void on(MilestoneRevisedEvent event, @SequenceNumber long sequence) {
        evolve(event.projectId(), event, sequence);
    }

    @EventHandler
    void on(MilestoneRemovedEvent event, @SequenceNumber long sequence) {
        evolve(event.projectId(), event, sequence);
    }

    @EventHandler
    void on(BudgetLinePlannedEvent event, @SequenceNumber long sequence) {
        evolve(event.projectId(), event, sequence);
    }

    @EventHandler
    void on(ProjectObjectivesDefinedEvent event, @SequenceNumber long sequence) {
        evolve(event.projectId(), event, sequence);
    }

    @EventHandler
    void on(BaselineEstablishedEvent event, @SequenceNumber long sequence) {
        evolve(event.projectId(), event, sequence);
    }

    @EventHandler
    void on(BaselineRevisedEvent event, @SequenceNumber long sequence) {
        evolve(event.projectId(), event, sequence);
    }

    @ResetHandler
    void reset() {
        plans.deleteAll();
    }

    private void evolve(ProjectId id, Object event, long sequence) {
        // A redelivered event is already in the stored plan; applying it again to the newer plan
        // would be refused (the deliverable it adds is there already), so it is skipped up front.
        if (plans.reflects(id, sequence)) {
            return;
        }
        ProjectPlan before = plans.find(id).orElse(null);
        plans.save(ProjectPlanEvolution.apply(before, event), sequence);
    }
}
