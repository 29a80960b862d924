package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Allocate a share of a resource to an APPROVED or ACTIVE project over a period. Beyond capacity
 * only with allowOverallocation and a reason.
 */
public record AllocateResourceCommand(
        @TargetAggregateIdentifier ResourceId resourceId,
        AllocationId allocationId,
        ProjectId projectId,
        int percent,
        Period period,
        boolean allowOverallocation,
        String overallocationReason) {

    public AllocateResourceCommand {
        Checks.required(resourceId, "resourceId");
        Checks.required(allocationId, "allocationId");
        Checks.required(projectId, "projectId");
        ResourceChecks.percent(percent, "percent", 1);
        Period.checked(period, "period");
        overallocationReason = Checks.optionalText(overallocationReason, "overallocationReason", Checks.REASON_MAX);
        if (allowOverallocation && overallocationReason == null) {
            throw Checks.invalid("overallocationReason is required with allowOverallocation");
        }
        if (!allowOverallocation && overallocationReason != null) {
            throw Checks.invalid("overallocationReason is only for allowOverallocation: true");
        }
    }
}
