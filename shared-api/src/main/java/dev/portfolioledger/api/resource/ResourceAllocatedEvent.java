package dev.portfolioledger.api.resource;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The resource was allocated to a project. overallocationReason is null unless the allocation was
 * recorded beyond capacity on purpose; overallocatedDays then lists the days over capacity, as
 * ranges.
 */
@Revision("1")
public record ResourceAllocatedEvent(
        ResourceId resourceId,
        Allocation allocation,
        String overallocationReason,
        List<Period> overallocatedDays) implements ResourceEvent {
}
