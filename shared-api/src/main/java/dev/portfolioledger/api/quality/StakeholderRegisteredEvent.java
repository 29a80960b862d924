package dev.portfolioledger.api.quality;

import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

/** A stakeholder of the project was registered. */
@Revision("1")
public record StakeholderRegisteredEvent(
        ProjectId projectId,
        StakeholderId stakeholderId,
        StakeholderDetails details) implements StakeholderEvent {
}
