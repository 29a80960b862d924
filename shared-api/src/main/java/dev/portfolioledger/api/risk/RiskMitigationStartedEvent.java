package dev.portfolioledger.api.risk;

import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

/** The response to an OPEN risk is being carried out: the risk is MITIGATING. */
@Revision("1")
public record RiskMitigationStartedEvent(ProjectId projectId, RiskId riskId) implements RiskEvent {
}
