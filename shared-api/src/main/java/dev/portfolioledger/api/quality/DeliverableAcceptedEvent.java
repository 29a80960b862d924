package dev.portfolioledger.api.quality;

import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.ProjectEvent;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

/**
 * A deliverable was accepted, after a passed review of the kind the project requires.
 *
 * @param acceptedBy    the user who accepted
 * @param capacity      as sponsor or as a stakeholder with the right to accept
 * @param stakeholderId the stakeholder they accepted as; null for the sponsor
 * @param review        the kind of the passed review the acceptance rests on
 * @param note          null if none
 */
@Revision("1")
public record DeliverableAcceptedEvent(
        ProjectId projectId,
        DeliverableId deliverableId,
        String acceptedBy,
        AcceptanceCapacity capacity,
        StakeholderId stakeholderId,
        ReviewKind review,
        String note) implements ProjectEvent {
}
