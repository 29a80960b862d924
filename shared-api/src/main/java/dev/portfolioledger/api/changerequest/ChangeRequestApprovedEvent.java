package dev.portfolioledger.api.changerequest;

import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

/** A change request was approved; the {@link BaselineRevisedEvent} that follows applies it. */
@Revision("1")
public record ChangeRequestApprovedEvent(
        ProjectId projectId,
        ChangeRequestId changeRequestId,
        String approvedBy) implements ChangeRequestEvent {
}
