package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.resource.Allocation;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.Period;
import dev.portfolioledger.api.resource.ResourceAllocatedEvent;
import dev.portfolioledger.api.resource.ResourceCapacityChangedEvent;
import dev.portfolioledger.api.resource.ResourceCostRateChangedEvent;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.api.resource.ResourceLeaveRecordedEvent;
import dev.portfolioledger.api.resource.ResourceReallocatedEvent;
import dev.portfolioledger.api.resource.ResourceRegisteredEvent;
import dev.portfolioledger.api.resource.ResourceReleasedEvent;
import dev.portfolioledger.api.resource.ResourceRetiredEvent;
import dev.portfolioledger.api.resource.ResourceSkillsRevisedEvent;
import dev.portfolioledger.api.resource.Skill;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A resource as its events make it: who, in which pool, skills, status, the dated histories of
 * capacity and cost rate, leave and allocations. The factory and the {@code on} methods are pure,
 * so a past state is the same fold over fewer events. Time log entries are not part of it: they
 * grow without bound and are kept in their own table ({@link TimeEntries}).
 *
 * @param capacityHistory by date; the first holds from {@link Checks#FIRST_DATE} (registration
 *                        gives the capacity from the start)
 * @param rateHistory     by date; the first from the date given at registration
 * @param leave           by first day, then id
 * @param allocations     by first day, then id
 */
public record ResourceView(
        ResourceId id,
        PortfolioId portfolioId,
        String name,
        String role,
        List<Skill> skills,
        ResourceStatus status,
        LocalDate retiredFrom,
        List<CapacityChange> capacityHistory,
        List<CostRateChange> rateHistory,
        List<ResourceLeave> leave,
        List<ResourceAllocationView> allocations) {

    private static final Comparator<ResourceLeave> LEAVE_ORDER = Comparator.comparing(ResourceLeave::start)
            .thenComparing(l -> l.leaveId().toString());
    private static final Comparator<ResourceAllocationView> ALLOCATION_ORDER = ResourceAllocationView.ORDER;

    public ResourceView {
        skills = List.copyOf(skills);
        capacityHistory = List.copyOf(capacityHistory);
        rateHistory = List.copyOf(rateHistory);
        leave = List.copyOf(leave);
        allocations = List.copyOf(allocations);
    }

    public static ResourceView registered(ResourceRegisteredEvent e) {
        return new ResourceView(e.resourceId(), e.portfolioId(), e.name(), e.role(),
                                e.skills() == null ? List.of() : e.skills(), ResourceStatus.ACTIVE, null,
                                List.of(new CapacityChange(Checks.FIRST_DATE, e.capacityPercent())),
                                List.of(new CostRateChange(e.rateEffectiveFrom(), e.costRate())), List.of(), List.of());
    }

    public ResourceView on(ResourceSkillsRevisedEvent e) {
        return new ResourceView(id, portfolioId, name, role, e.skills() == null ? List.of() : e.skills(), status,
                                retiredFrom, capacityHistory, rateHistory, leave, allocations);
    }

    /** A change on a date that already has one replaces it; the history stays in date order. */
    public ResourceView on(ResourceCapacityChangedEvent e) {
        return new ResourceView(id, portfolioId, name, role, skills, status, retiredFrom,
                                dated(capacityHistory, new CapacityChange(e.effectiveFrom(), e.capacityPercent()),
                                      CapacityChange::effectiveFrom),
                                rateHistory, leave, allocations);
    }

    public ResourceView on(ResourceCostRateChangedEvent e) {
        return new ResourceView(id, portfolioId, name, role, skills, status, retiredFrom, capacityHistory,
                                dated(rateHistory, new CostRateChange(e.effectiveFrom(), e.costRate()),
                                      CostRateChange::effectiveFrom),
                                leave, allocations);
    }

    public ResourceView on(ResourceLeaveRecordedEvent e) {
        List<ResourceLeave> next = new ArrayList<>(leave.stream()
                                                           .filter(l -> !l.leaveId().equals(e.leaveId())).toList());
        next.add(new ResourceLeave(e.leaveId(), e.period().start(), e.period().end(), e.reason()));
        next.sort(LEAVE_ORDER);
        return new ResourceView(id, portfolioId, name, role, skills, status, retiredFrom, capacityHistory,
                                rateHistory, next, allocations);
    }

    public ResourceView on(ResourceRetiredEvent e) {
        return new ResourceView(id, portfolioId, name, role, skills, ResourceStatus.RETIRED, e.retiredFrom(),
                                capacityHistory, rateHistory, leave, allocations);
    }

    public ResourceView on(ResourceAllocatedEvent e) {
        List<ResourceAllocationView> next = without(Set.of(e.allocation().allocationId()));
        next.add(ResourceAllocationView.of(id, e.allocation(), e.overallocationReason()));
        return withAllocations(next);
    }

    /**
     * The replaced allocations go; their replacements (the parts outside the period, and the
     * reduced part inside it) keep the over-allocation reason of the allocation they were cut
     * from (the replaced allocation with their id, or of the same project whose period holds
     * theirs; when several could be, one over-allocated is enough, so that an over-allocation
     * stays visible rather than being lost in a split); the moved
     * share is a new allocation, not over-allocated (a reallocation records no such reason).
     */
    public ResourceView on(ResourceReallocatedEvent e) {
        Set<AllocationId> replaced = new HashSet<>(e.replacedAllocationIds() == null ? List.of()
                                                           : e.replacedAllocationIds());
        List<ResourceAllocationView> cut = allocations.stream()
                .filter(a -> replaced.contains(a.allocationId())).toList();
        List<ResourceAllocationView> next = without(replaced);
        for (Allocation replacement : e.replacements() == null ? List.<Allocation>of() : e.replacements()) {
            String reason = cut.stream()
                    .filter(a -> a.allocationId().equals(replacement.allocationId())
                            || a.projectId().equals(replacement.projectId())
                            && holds(a.period(), replacement.period()))
                    .map(ResourceAllocationView::overallocationReason).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
            next.removeIf(a -> a.allocationId().equals(replacement.allocationId()));
            next.add(ResourceAllocationView.of(id, replacement, reason));
        }
        if (e.moved() != null) {
            next.removeIf(a -> a.allocationId().equals(e.moved().allocationId()));
            next.add(ResourceAllocationView.of(id, e.moved(), null));
        }
        return withAllocations(next);
    }

    /** The allocation keeps what remains of its period, or is gone when nothing does. */
    public ResourceView on(ResourceReleasedEvent e) {
        List<ResourceAllocationView> next = new ArrayList<>();
        for (ResourceAllocationView allocation : allocations) {
            if (!allocation.allocationId().equals(e.allocationId())) {
                next.add(allocation);
            } else if (e.remaining() != null) {
                next.add(allocation.withPeriod(e.remaining()));
            }
        }
        return withAllocations(next);
    }

    /** The capacity in effect on the day: the latest change on or before it. */
    public int capacityOn(LocalDate day) {
        return inEffect(capacityHistory, CapacityChange::effectiveFrom, day).capacityPercent();
    }

    /** The cost rate in effect on the day; the first rate for a day before every rate. */
    public Money costRateOn(LocalDate day) {
        return inEffect(rateHistory, CostRateChange::effectiveFrom, day).costRate();
    }

    private static <T> T inEffect(List<T> history, Function<T, LocalDate> from, LocalDate day) {
        T found = history.get(0);
        for (T change : history) {
            if (from.apply(change).isAfter(day)) {
                break;
            }
            found = change;
        }
        return found;
    }

    private static <T> List<T> dated(List<T> history, T change, Function<T, LocalDate> from) {
        List<T> next = new ArrayList<>(history.stream()
                                               .filter(c -> !from.apply(c).equals(from.apply(change))).toList());
        next.add(change);
        next.sort(Comparator.comparing(from));
        return next;
    }

    private static boolean holds(Period outer, Period inner) {
        return !inner.start().isBefore(outer.start()) && !inner.end().isAfter(outer.end());
    }

    private List<ResourceAllocationView> without(Set<AllocationId> ids) {
        return new ArrayList<>(allocations.stream().filter(a -> !ids.contains(a.allocationId())).toList());
    }

    private ResourceView withAllocations(List<ResourceAllocationView> next) {
        next.sort(ALLOCATION_ORDER);
        return new ResourceView(id, portfolioId, name, role, skills, status, retiredFrom, capacityHistory,
                                rateHistory, leave, next);
    }
}
