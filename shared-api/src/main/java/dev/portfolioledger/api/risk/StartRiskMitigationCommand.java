package dev.portfolioledger.api.risk;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start carrying out the response to an OPEN risk: it becomes MITIGATING. */
public record StartRiskMitigationCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        RiskId riskId) implements RiskCommand {

    public StartRiskMitigationCommand {
        Checks.required(projectId, "projectId");
        Checks.required(riskId, "riskId");
    }
}
