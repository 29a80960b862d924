package dev.portfolioledger.api.changerequest;

import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

/**
 * An open change request was closed without a decision because its project was cancelled; stored
 * with the cancellation, by the same command, so it carries the cancellation's causation.
 *
 * @param closedBy who cancelled the project
 * @param reason   why: the project's cancellation and its reason
 */
@Revision("1")
public record ChangeRequestClosedEvent(
        ProjectId projectId,
        ChangeRequestId changeRequestId,
        String closedBy,
        String reason) implements ChangeRequestEvent {
}
