package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.resource.Period;

import java.time.LocalDate;
import java.util.TreeSet;

/**
 * How much of a resource's full time is free: on a day, the capacity in effect that day minus the
 * allocations that hold that day; a day of leave, and every day from the retirement date on, has
 * nothing free. Free can be negative on an over-allocated day.
 */
public final class ResourceAvailability {

    private ResourceAvailability() {
    }

    /** Percent of full time free on the day. */
    public static int freePercentOn(ResourceView resource, LocalDate day) {
        if (resource.retiredFrom() != null && !day.isBefore(resource.retiredFrom())) {
            return 0;
        }
        if (resource.leave().stream().anyMatch(l -> l.period().contains(day))) {
            return 0;
        }
        int allocated = resource.allocations().stream().filter(a -> a.period().contains(day))
                .mapToInt(ResourceAllocationView::percent).sum();
        return resource.capacityOn(day) - allocated;
    }

    /**
     * The least free percent over the period, first and last day included. Free only changes where
     * a capacity change, an allocation, a leave or the retirement starts or ends, so only the
     * period's first day and those days inside it are looked at, however long the period is.
     */
    public static int leastFreePercent(ResourceView resource, Period period) {
        TreeSet<LocalDate> changes = new TreeSet<>();
        changes.add(period.start());
        resource.capacityHistory().forEach(c -> changes.add(c.effectiveFrom()));
        resource.allocations().forEach(a -> {
            changes.add(a.start());
            changes.add(a.end().plusDays(1));
        });
        resource.leave().forEach(l -> {
            changes.add(l.start());
            changes.add(l.end().plusDays(1));
        });
        if (resource.retiredFrom() != null) {
            changes.add(resource.retiredFrom());
        }
        int least = Integer.MAX_VALUE;
        for (LocalDate day : changes.subSet(period.start(), true, period.end(), true)) {
            least = Math.min(least, freePercentOn(resource, day));
        }
        return least;
    }

    /** Whether at least {@code minFreePercent} is free on every day of the period. */
    public static boolean isFree(ResourceView resource, int minFreePercent, Period period) {
        return leastFreePercent(resource, period) >= minFreePercent;
    }
}
