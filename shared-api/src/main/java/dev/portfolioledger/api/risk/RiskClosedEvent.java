package dev.portfolioledger.api.risk;

import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

/**
 * An open risk was closed: by {@code closeRisk}, or with its project when the project was
 * cancelled (stored by the cancelling command, the reason naming the cancellation).
 *
 * @param previousStatus OPEN or MITIGATING
 */
@Revision("1")
public record RiskClosedEvent(
        ProjectId projectId,
        RiskId riskId,
        RiskStatus previousStatus,
        String reason) implements RiskEvent {
}
