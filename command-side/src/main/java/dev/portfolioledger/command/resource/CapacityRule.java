package dev.portfolioledger.command.resource;

import dev.portfolioledger.api.resource.Allocation;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The capacity rule of one resource, as plain arithmetic the {@link Resource} aggregate asks: on
 * no day may the load (the sum of the allocations' percents, plus the whole capacity on a day of
 * leave) exceed the capacity in effect that day.
 * <p>
 * A change is judged by what it does: it breaks the rule on the days where the load ends above
 * capacity and the excess grew. So a reallocation, which keeps every day's total, never fails on a
 * day that was already over capacity (by a reasoned over-allocation), while a new allocation,
 * leave over allocated days or a capacity cut below the allocations do.
 * <p>
 * Days are never walked one by one: the loads only change where an allocation, a leave or a
 * capacity starts or ends, so the window is cut there and each piece is judged once.
 */
final class CapacityRule {

    /** A run of days over capacity, with the same load and capacity on each of its days. */
    record Overload(Period days, int allocatedPercent, int capacityPercent, boolean onLeave) {

        Map<String, Object> toDetails() {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("start", days.start().toString());
            day.put("end", days.end().toString());
            day.put("allocatedPercent", allocatedPercent);
            day.put("capacityPercent", capacityPercent);
            day.put("onLeave", onLeave);
            return day;
        }

        @Override
        public String toString() {
            return days + " (" + allocatedPercent + "% of " + capacityPercent + "%" + (onLeave ? ", on leave" : "") + ")";
        }
    }

    /** What loads a resource: its capacity history (first key: the beginning of time), allocations and leave. */
    record Load(NavigableMap<LocalDate, Integer> capacity, Collection<Allocation> allocations,
                Collection<Period> leave) {

        int capacityOn(LocalDate day) {
            Map.Entry<LocalDate, Integer> entry = capacity.floorEntry(day);
            return entry == null ? 0 : entry.getValue();
        }

        int allocatedOn(LocalDate day) {
            return allocations.stream().filter(allocation -> allocation.period().contains(day))
                    .mapToInt(Allocation::percent).sum();
        }

        boolean onLeave(LocalDate day) {
            return leave.stream().anyMatch(period -> period.contains(day));
        }

        /** A day of leave counts as the whole capacity used. */
        int loadOn(LocalDate day) {
            return allocatedOn(day) + (onLeave(day) ? capacityOn(day) : 0);
        }

        int excessOn(LocalDate day) {
            return loadOn(day) - capacityOn(day);
        }

        void addBoundaries(NavigableSet<LocalDate> boundaries) {
            capacity.keySet().forEach(boundaries::add);
            allocations.forEach(allocation -> CapacityRule.addBoundaries(boundaries, allocation.period()));
            leave.forEach(period -> CapacityRule.addBoundaries(boundaries, period));
        }
    }

    private CapacityRule() {
    }

    /**
     * The days of the window on which {@code after} is over capacity by more than {@code before}
     * was, as runs of days; empty when the change keeps the rule.
     */
    static List<Overload> raisedAboveCapacity(Load before, Load after, Period window) {
        NavigableSet<LocalDate> boundaries = new TreeSet<>();
        before.addBoundaries(boundaries);
        after.addBoundaries(boundaries);
        List<Overload> overloads = new ArrayList<>();
        for (Period piece : pieces(window, boundaries)) {
            LocalDate day = piece.start();
            int load = after.loadOn(day);
            int capacity = after.capacityOn(day);
            if (load > capacity && load - capacity > before.excessOn(day)) {
                add(overloads, new Overload(piece, load, capacity, after.onLeave(day)));
            }
        }
        return List.copyOf(overloads);
    }

    /** The window cut at every boundary inside it (a boundary is the first day of a new piece). */
    static List<Period> pieces(Period window, NavigableSet<LocalDate> boundaries) {
        List<Period> pieces = new ArrayList<>();
        LocalDate start = window.start();
        for (LocalDate boundary : boundaries.subSet(window.start(), false, window.end(), true)) {
            pieces.add(Period.of(start, boundary.minusDays(1)));
            start = boundary;
        }
        pieces.add(Period.of(start, window.end()));
        return pieces;
    }

    /** Where a period changes the load: its first day, and the day after its last. */
    static void addBoundaries(NavigableSet<LocalDate> boundaries, Period period) {
        boundaries.add(period.start());
        if (period.end().isBefore(LocalDate.MAX)) {
            boundaries.add(period.end().plusDays(1));
        }
    }

    /** The runs of days alone, as the over-allocation event records them. */
    static List<Period> days(List<Overload> overloads) {
        return overloads.stream().map(Overload::days).toList();
    }

    /** The allocations of the load on any of the overloaded days, by first day then id. */
    static List<AllocationId> involved(Collection<Allocation> allocations, List<Overload> overloads) {
        return allocations.stream()
                .filter(allocation -> overloads.stream().anyMatch(o -> o.days().overlaps(allocation.period())))
                .sorted(java.util.Comparator.comparing((Allocation a) -> a.period().start())
                        .thenComparing(a -> a.allocationId().toString()))
                .map(Allocation::allocationId)
                .toList();
    }

    /** The refusal's details: the days (ranges) and the allocations involved. */
    static Map<String, Object> details(List<Overload> overloads, List<AllocationId> allocations) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("days", overloads.stream().map(Overload::toDetails).toList());
        details.put("allocations", allocations.stream().map(AllocationId::toString).toList());
        return details;
    }

    static String describe(List<Overload> overloads) {
        return overloads.stream().map(Overload::toString).collect(Collectors.joining(", "));
    }

    /** Adjacent runs with the same figures are one run. */
    private static void add(List<Overload> overloads, Overload next) {
        if (!overloads.isEmpty()) {
            Overload last = overloads.get(overloads.size() - 1);
            if (last.days().end().plusDays(1).equals(next.days().start())
                    && last.allocatedPercent() == next.allocatedPercent()
                    && last.capacityPercent() == next.capacityPercent() && last.onLeave() == next.onLeave()) {
                overloads.set(overloads.size() - 1, new Overload(Period.of(last.days().start(), next.days().end()),
                        next.allocatedPercent(), next.capacityPercent(), next.onLeave()));
                return;
            }
        }
        overloads.add(next);
    }
}
