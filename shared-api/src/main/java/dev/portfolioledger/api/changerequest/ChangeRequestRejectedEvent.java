package dev.portfolioledger.api.changerequest;

import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

/** A change request was rejected, with the reason; the baseline is unchanged. */
@Revision("1")
public record ChangeRequestRejectedEvent(
        ProjectId projectId,
        ChangeRequestId changeRequestId,
        String reason,
        String rejectedBy) implements ChangeRequestEvent {
}
