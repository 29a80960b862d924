package dev.portfolioledger.api.quality;

import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.ProjectEvent;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

/**
 * A quality review of a deliverable was recorded. A FAILED review of an accepted deliverable leaves
 * the acceptance standing: the views flag it.
 *
 * @param findings   null if nothing was noted
 * @param recordedBy the user who recorded it
 */
@Revision("1")
public record QualityReviewRecordedEvent(
        ProjectId projectId,
        DeliverableId deliverableId,
        ReviewKind kind,
        ReviewOutcome outcome,
        String findings,
        String reviewer,
        String recordedBy) implements ProjectEvent {
}
