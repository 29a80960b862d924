package dev.portfolioledger.query.quality;

import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.quality.AcceptanceReviewRequiredEvent;
import dev.portfolioledger.api.quality.DeliverableAcceptedEvent;
import dev.portfolioledger.api.quality.QualityReviewRecordedEvent;
import dev.portfolioledger.api.quality.StakeholderDetailsRevisedEvent;
import dev.portfolioledger.api.quality.StakeholderRegisteredEvent;

import java.time.Instant;

/**
 * A project's stakeholders and the quality of its deliverables as a left fold over the project's
 * events: used by the live projection one event at a time, by the history projection, and over a
 * stored stream to answer as of any instant.
 */
public final class ProjectQualityEvolution {

    private ProjectQualityEvolution() {
    }

    /**
     * The view after {@code event}, recorded at {@code at}. Other events leave {@code before} as it
     * is, so a whole project stream can be folded.
     *
     * @param before the view before the event, null before the project was proposed
     * @throws IllegalStateException when a quality event arrives for a project that has no view yet
     *                               (a lost proposal event), or does not fit the view
     */
    public static ProjectQualityView apply(ProjectQualityView before, Object event, Instant at) {
        if (event instanceof ProjectProposedEvent e) {
            return ProjectQualityView.empty(e.projectId());
        }
        if (event instanceof AcceptanceReviewRequiredEvent e) {
            return existing(before, event).on(e);
        }
        if (event instanceof StakeholderRegisteredEvent e) {
            return existing(before, event).on(e, at);
        }
        if (event instanceof StakeholderDetailsRevisedEvent e) {
            return existing(before, event).on(e, at);
        }
        if (event instanceof QualityReviewRecordedEvent e) {
            return existing(before, event).on(e, at);
        }
        if (event instanceof DeliverableAcceptedEvent e) {
            return existing(before, event).on(e, at);
        }
        return before;
    }

    private static ProjectQualityView existing(ProjectQualityView before, Object event) {
        if (before == null) {
            throw new IllegalStateException(
                    "No quality view of a project to apply " + event.getClass().getSimpleName() + " to");
        }
        return before;
    }
}
