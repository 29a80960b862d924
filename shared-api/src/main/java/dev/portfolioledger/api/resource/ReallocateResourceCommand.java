package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Move a share of a resource from one project to another over a period, all at once; allocationId
 * names the new allocation to the target project.
 */
public record ReallocateResourceCommand(
        @TargetAggregateIdentifier ResourceId resourceId,
        AllocationId allocationId,
        ProjectId fromProjectId,
        ProjectId toProjectId,
        int percent,
        Period period,
        String reason) {

    public ReallocateResourceCommand {
        Checks.required(resourceId, "resourceId");
        Checks.required(allocationId, "allocationId");
        Checks.required(fromProjectId, "fromProjectId");
        Checks.required(toProjectId, "toProjectId");
        if (fromProjectId.equals(toProjectId)) {
            throw Checks.invalid("toProjectId must differ from fromProjectId");
        }
        ResourceChecks.percent(percent, "percent", 1);
        Period.checked(period, "period");
        reason = Checks.text(reason, "reason", Checks.REASON_MAX);
    }
}
