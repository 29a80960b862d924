package dev.portfolioledger.api.risk;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close an OPEN or MITIGATING risk that no longer threatens the project; the reason is required. */
public record CloseRiskCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        RiskId riskId,
        String reason) implements RiskCommand {

    public CloseRiskCommand {
        Checks.required(projectId, "projectId");
        Checks.required(riskId, "riskId");
        reason = Checks.text(reason, "reason", Checks.REASON_MAX);
    }
}
