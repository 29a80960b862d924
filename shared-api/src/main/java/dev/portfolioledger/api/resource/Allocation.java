package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.project.ProjectId;

/** A share of a resource's full time given to a project over a period, first and last day included. */
public record Allocation(AllocationId allocationId, ProjectId projectId, int percent, Period period) {

    public Allocation withPeriod(Period newPeriod) {
        return new Allocation(allocationId, projectId, percent, newPeriod);
    }
}
