package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.resource.Period;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Utilisation and over-allocation of one resource over a range of days: pure arithmetic over its
 * view, the same for the live view and a view as of an instant. Days are calendar days, as the
 * capacity rule counts them: an allocation of 50 % holds on every day of its period.
 * <p>
 * Cost: one pass over the range's days, each looking at the resource's allocations and leave
 * (a few dozen); a year of 500 resources is about a million small steps.
 */
public final class ResourceUtilisation {

    /** The longest range asked in one request: about three years. */
    public static final int MAX_DAYS = 1100;

    private ResourceUtilisation() {
    }

    /** The range as a request gives it: both days in range, the end not before the start, at most {@link #MAX_DAYS}. */
    public static Period range(LocalDate from, LocalDate to) {
        Checks.date(from, "from");
        Checks.date(to, "to");
        if (to.isBefore(from)) {
            throw Checks.invalid("to must not be before from");
        }
        Period range = new Period(from, to);
        if (range.days() > MAX_DAYS) {
            throw Checks.invalid("from..to may span at most " + MAX_DAYS + " days");
        }
        return range;
    }

    /** The most periods a range has: weeks of {@link #MAX_DAYS} days, the first and last ones partial. */
    public static final int MAX_PERIODS = MAX_DAYS / 7 + 2;

    /** The weeks or months the range touches, clipped to the range, in order. */
    public static List<UtilisationBucket> buckets(Period range, Granularity granularity) {
        List<UtilisationBucket> buckets = new ArrayList<>();
        LocalDate start = range.start();
        while (!start.isAfter(range.end())) {
            LocalDate last = granularity.lastDayOfBucket(start);
            LocalDate end = last.isAfter(range.end()) ? range.end() : last;
            buckets.add(new UtilisationBucket(start, end));
            start = end.plusDays(1);
        }
        return buckets;
    }

    /** One period per week or month that the range touches, clipped to the range, in order. */
    public static List<UtilisationPeriod> periods(ResourceView resource, Period range, Granularity granularity) {
        return periods(resource, buckets(range, granularity));
    }

    /** The resource's load over each of the buckets. */
    public static List<UtilisationPeriod> periods(ResourceView resource, List<UtilisationBucket> buckets) {
        return buckets.stream().map(bucket -> period(resource, bucket.start(), bucket.end())).toList();
    }

    /** The runs of over-allocated days inside the range, in order. */
    public static List<Overallocation> overallocations(ResourceView resource, Period range) {
        List<Overallocation> runs = new ArrayList<>();
        Overallocation open = null;
        for (LocalDate day = range.start(); !day.isAfter(range.end()); day = day.plusDays(1)) {
            Day load = dayOf(resource, day);
            if (!load.overallocated()) {
                open = null;
                continue;
            }
            if (open != null && open.end().plusDays(1).equals(day) && open.loadPercent() == load.loadPercent()
                    && open.capacityPercent() == load.capacity() && open.onLeave() == load.onLeave()
                    && open.allocations().equals(load.allocations())) {
                open = new Overallocation(resource, open.start(), day, open.loadPercent(),
                        open.capacityPercent(), open.onLeave(), open.allocations(), open.recorded());
                runs.set(runs.size() - 1, open);
            } else {
                open = new Overallocation(resource, day, day, load.loadPercent(), load.capacity(),
                        load.onLeave(), load.allocations(), load.recorded());
                runs.add(open);
            }
        }
        return runs;
    }

    private static UtilisationPeriod period(ResourceView resource, LocalDate start, LocalDate end) {
        long allocated = 0;
        long capacity = 0;
        long load = 0;
        int leaveDays = 0;
        int overallocatedDays = 0;
        int days = 0;
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            Day d = dayOf(resource, day);
            days++;
            allocated += d.allocated();
            capacity += d.capacity();
            load += d.loadPercent();
            leaveDays += d.onLeave() ? 1 : 0;
            overallocatedDays += d.overallocated() ? 1 : 0;
        }
        Double utilisation = capacity == 0 ? null : percent(load * 100, capacity);
        return new UtilisationPeriod(start, end, percent(allocated, days), percent(capacity, days), leaveDays,
                utilisation, overallocatedDays);
    }

    /** A mean, to two decimals. */
    private static double percent(long total, long count) {
        return BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** One day: capacity (0 from retirement on), allocations holding it, and leave counted as the whole capacity. */
    private record Day(int capacity, int allocated, boolean onLeave, List<ResourceAllocationView> allocations,
                       boolean recorded) {

        int loadPercent() {
            return allocated + (onLeave ? capacity : 0);
        }

        boolean overallocated() {
            return loadPercent() > capacity;
        }
    }

    private static Day dayOf(ResourceView resource, LocalDate day) {
        boolean retired = resource.retiredFrom() != null && !day.isBefore(resource.retiredFrom());
        int capacity = retired ? 0 : resource.capacityOn(day);
        boolean onLeave = resource.leave().stream().anyMatch(leave -> leave.period().contains(day));
        int allocated = 0;
        boolean recorded = false;
        List<ResourceAllocationView> holding = new ArrayList<>(2);
        for (ResourceAllocationView allocation : resource.allocations()) {
            if (!day.isBefore(allocation.start()) && !day.isAfter(allocation.end())) {
                allocated += allocation.percent();
                holding.add(allocation);
                recorded |= allocation.overallocationReason() != null;
            }
        }
        return new Day(capacity, allocated, onLeave, List.copyOf(holding), recorded);
    }
}
