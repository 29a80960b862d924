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
import dev.portfolioledger.api.project.ProjectObjectivesDefinedEvent;
import dev.portfolioledger.api.project.ProjectProposedEvent;

/**
 * The project plan as a left fold over the project's events: used by the live projection one event
 * at a time, and usable over a stored event stream to rebuild the plan as of any instant.
 */
public final class ProjectPlanEvolution {

    private ProjectPlanEvolution() {
    }

    /**
     * The plan after {@code event}. Events that do not change a plan (lifecycle events, for one)
     * leave {@code before} as it is, so a whole project stream can be folded.
     *
     * @param before the plan before the event, null before the project was proposed
     * @throws IllegalStateException when a plan event arrives for a project that has no plan yet
     *                               (applying it to nothing would hide a lost proposal event), or
     *                               does not fit the plan (see {@link ProjectPlan})
     */
    public static ProjectPlan apply(ProjectPlan before, Object event) {
        if (event instanceof ProjectProposedEvent e) {
            return ProjectPlan.empty(e.projectId());
        }
        if (event instanceof DeliverableAddedEvent e) {
            return existing(before, event).on(e);
        }
        if (event instanceof DeliverableRevisedEvent e) {
            return existing(before, event).on(e);
        }
        if (event instanceof DeliverableRemovedEvent e) {
            return existing(before, event).on(e);
        }
        if (event instanceof MilestoneScheduledEvent e) {
            return existing(before, event).on(e);
        }
        if (event instanceof MilestoneRevisedEvent e) {
            return existing(before, event).on(e);
        }
        if (event instanceof MilestoneRemovedEvent e) {
            return existing(before, event).on(e);
        }
        if (event instanceof BudgetLinePlannedEvent e) {
            return existing(before, event).on(e);
        }
        if (event instanceof ProjectObjectivesDefinedEvent e) {
            return existing(before, event).on(e);
        }
        if (event instanceof BaselineEstablishedEvent e) {
            return existing(before, event).on(e);
        }
        if (event instanceof BaselineRevisedEvent e) {
            return existing(before, event).on(e);
        }
        return before;
    }

    private static ProjectPlan existing(ProjectPlan before, Object event) {
        if (before == null) {
            throw new IllegalStateException(
                    "No project plan to apply " + event.getClass().getSimpleName() + " to");
        }
        return before;
    }
}
