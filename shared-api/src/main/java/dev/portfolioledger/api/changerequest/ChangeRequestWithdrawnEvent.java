package dev.portfolioledger.api.changerequest;

import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

/** The submitter withdrew a change request before it was decided. */
@Revision("1")
public record ChangeRequestWithdrawnEvent(
        ProjectId projectId,
        ChangeRequestId changeRequestId) implements ChangeRequestEvent {
}
