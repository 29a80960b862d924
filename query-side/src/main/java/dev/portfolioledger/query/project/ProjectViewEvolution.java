package dev.portfolioledger.query.project;

import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectClosedEvent;
import dev.portfolioledger.api.project.ProjectDetailsRevisedEvent;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectPutOnHoldEvent;
import dev.portfolioledger.api.project.ProjectResumedEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;

import java.time.Instant;

/**
 * The project view as a left fold over its events: used by the live projection one event at a
 * time, and usable over a stored event stream to rebuild the view as of any instant.
 */
public final class ProjectViewEvolution {

    private ProjectViewEvolution() {
    }

    /**
     * The view after {@code event}, recorded at {@code at}. Events that do not change a project
     * view leave {@code before} as it is, so a whole aggregate stream can be folded.
     *
     * @param before the view before the event, null before the project was proposed
     * @throws IllegalStateException when a change arrives for a project that has no view yet:
     *                               applying it to nothing would hide a lost proposal event
     */
    public static ProjectView apply(ProjectView before, Object event, Instant at) {
        if (event instanceof ProjectProposedEvent e) {
            return ProjectView.proposed(e, at);
        }
        if (event instanceof ProjectDetailsRevisedEvent e) {
            return existing(before, event).on(e, at);
        }
        if (event instanceof ProjectApprovedEvent e) {
            return existing(before, event).on(e, at);
        }
        if (event instanceof ProjectStartedEvent e) {
            return existing(before, event).on(e, at);
        }
        if (event instanceof ProjectPutOnHoldEvent e) {
            return existing(before, event).on(e, at);
        }
        if (event instanceof ProjectResumedEvent e) {
            return existing(before, event).on(e, at);
        }
        if (event instanceof ProjectCancelledEvent e) {
            return existing(before, event).on(e, at);
        }
        if (event instanceof ProjectClosedEvent e) {
            return existing(before, event).on(e, at);
        }
        return before;
    }

    private static ProjectView existing(ProjectView before, Object event) {
        if (before == null) {
            throw new IllegalStateException(
                    "No project view to apply " + event.getClass().getSimpleName() + " to");
        }
        return before;
    }
}
