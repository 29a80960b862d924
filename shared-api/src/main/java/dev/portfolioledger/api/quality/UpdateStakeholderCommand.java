package dev.portfolioledger.api.quality;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace what the project knows of a registered stakeholder with new details (all of them). */
public record UpdateStakeholderCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        StakeholderId stakeholderId,
        StakeholderDetails details) {

    public UpdateStakeholderCommand {
        Checks.required(projectId, "projectId");
        Checks.required(stakeholderId, "stakeholderId");
        Checks.required(details, "details");
    }
}
