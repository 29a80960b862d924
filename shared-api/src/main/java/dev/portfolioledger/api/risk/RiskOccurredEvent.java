package dev.portfolioledger.api.risk;

import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

/**
 * An open risk happened and became an issue: OCCURRED, with the impact it had.
 *
 * @param previousStatus  OPEN or MITIGATING
 * @param changeRequestId the change request of the project that answers it; null when none is linked
 */
@Revision("1")
public record RiskOccurredEvent(
        ProjectId projectId,
        RiskId riskId,
        RiskStatus previousStatus,
        String impactNote,
        ChangeRequestId changeRequestId) implements RiskEvent {
}
