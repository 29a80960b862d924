package dev.portfolioledger.api.changerequest;

import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * An approved change request revised the baseline to {@code version} (the previous version + 1)
 * by applying exactly {@code changes}, in order.
 */
@Revision("1")
public record BaselineRevisedEvent(
        ProjectId projectId,
        int version,
        ChangeRequestId changeRequestId,
        List<ProposedChange> changes) implements ChangeRequestEvent {

    public BaselineRevisedEvent {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
