package dev.portfolioledger.api.quality;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a stakeholder of an open project, with a new id (server-chosen from the Idempotency-Key). */
public record RegisterStakeholderCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        StakeholderId stakeholderId,
        StakeholderDetails details) {

    public RegisterStakeholderCommand {
        Checks.required(projectId, "projectId");
        Checks.required(stakeholderId, "stakeholderId");
        Checks.required(details, "details");
    }
}
