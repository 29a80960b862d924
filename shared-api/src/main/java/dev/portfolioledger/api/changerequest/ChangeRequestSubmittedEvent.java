package dev.portfolioledger.api.changerequest;

import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A change request was submitted: the changes it proposes to the baseline, and why. */
@Revision("1")
public record ChangeRequestSubmittedEvent(
        ProjectId projectId,
        ChangeRequestId changeRequestId,
        String title,
        String justification,
        List<ProposedChange> changes,
        String submittedBy) implements ChangeRequestEvent {

    public ChangeRequestSubmittedEvent {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
