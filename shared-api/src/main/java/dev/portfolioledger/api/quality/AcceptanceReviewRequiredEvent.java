package dev.portfolioledger.api.quality;

import dev.portfolioledger.api.project.ProjectEvent;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

/** The project's deliverables need a passed review of this kind before acceptance (instead of UAT). */
@Revision("1")
public record AcceptanceReviewRequiredEvent(ProjectId projectId, ReviewKind kind) implements ProjectEvent {
}
