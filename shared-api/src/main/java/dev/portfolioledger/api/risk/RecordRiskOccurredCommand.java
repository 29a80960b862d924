package dev.portfolioledger.api.risk;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that an OPEN or MITIGATING risk happened: it became an issue. The impact it had is noted;
 * a change request of the same project that answers it may be linked.
 *
 * @param changeRequestId a change request of the project; null when none is linked
 */
public record RecordRiskOccurredCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        RiskId riskId,
        String impactNote,
        ChangeRequestId changeRequestId) implements RiskCommand {

    public RecordRiskOccurredCommand {
        Checks.required(projectId, "projectId");
        Checks.required(riskId, "riskId");
        impactNote = Checks.text(impactNote, "impactNote", Checks.TEXT_MAX);
    }
}
