package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.Allocation;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.Period;
import dev.portfolioledger.api.resource.ResourceId;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A share of a resource's full time given to a project over a period, as the resource's view and
 * the project's team show it.
 *
 * @param overallocationReason why it was allowed beyond capacity; null unless it was recorded so
 */
public record ResourceAllocationView(
        AllocationId allocationId,
        ResourceId resourceId,
        ProjectId projectId,
        int percent,
        LocalDate start,
        LocalDate end,
        String overallocationReason) {

    /** The order of a resource's allocations and of a project's team: first day, then id. */
    public static final Comparator<ResourceAllocationView> ORDER =
            Comparator.comparing(ResourceAllocationView::start).thenComparing(a -> a.allocationId().toString());

    /** The allocations of these resources to the project, in {@link #ORDER}. */
    public static List<ResourceAllocationView> teamOf(ProjectId projectId, List<ResourceView> resources) {
        return resources.stream().flatMap(r -> r.allocations().stream())
                .filter(a -> a.projectId().equals(projectId)).sorted(ORDER).toList();
    }

    static ResourceAllocationView of(ResourceId resourceId, Allocation allocation, String overallocationReason) {
        return new ResourceAllocationView(allocation.allocationId(), resourceId, allocation.projectId(),
                                          allocation.percent(), allocation.period().start(),
                                          allocation.period().end(), overallocationReason);
    }

    /** Whether it was recorded beyond the resource's capacity on purpose. */
    public boolean overallocated() {
        return overallocationReason != null;
    }

    public Period period() {
        return new Period(start, end);
    }

    ResourceAllocationView withPeriod(Period period) {
        return new ResourceAllocationView(allocationId, resourceId, projectId, percent, period.start(), period.end(),
                                          overallocationReason);
    }
}
