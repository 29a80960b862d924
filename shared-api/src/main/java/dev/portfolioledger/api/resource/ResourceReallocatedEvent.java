package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A share of the resource moved from one project to another over a period, all at once: the source
 * allocations overlapping the period (replacedAllocationIds) are replaced by replacements (the
 * same allocations outside the period, and reduced by the percent inside it, when anything is
 * left), and moved is the new allocation to the target project.
 */
@Revision("1")
public record ResourceReallocatedEvent(
        ResourceId resourceId,
        ProjectId fromProjectId,
        ProjectId toProjectId,
        int percent,
        Period period,
        String reason,
        List<AllocationId> replacedAllocationIds,
        List<Allocation> replacements,
        Allocation moved) implements ResourceEvent {
}
