package dev.portfolioledger.api.quality;

import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

/** What the project knows of a stakeholder was revised: these details replace the earlier ones. */
@Revision("1")
public record StakeholderDetailsRevisedEvent(
        ProjectId projectId,
        StakeholderId stakeholderId,
        StakeholderDetails details) implements StakeholderEvent {
}
