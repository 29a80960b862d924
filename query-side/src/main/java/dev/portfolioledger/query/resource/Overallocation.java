package dev.portfolioledger.query.resource;

import java.time.LocalDate;
import java.util.List;

/**
 * A run of days on which a resource's allocations, with leave counted as fully allocated, exceed
 * its capacity, with the same load and the same allocations every day.
 *
 * @param resource    the resource as it was read (live, or as of an instant)
 * @param loadPercent allocations, plus the capacity on a leave day
 * @param allocations the allocations holding those days
 * @param recorded    whether one of them was recorded beyond capacity on purpose, with a reason;
 *                    false means the load came about otherwise (a later capacity cut or leave)
 */
public record Overallocation(ResourceView resource, LocalDate start, LocalDate end, int loadPercent,
                             int capacityPercent, boolean onLeave, List<ResourceAllocationView> allocations,
                             boolean recorded) {
}
