package dev.portfolioledger.command.resource;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.AllocateResourceCommand;
import dev.portfolioledger.api.resource.Allocation;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.ChangeResourceCapacityCommand;
import dev.portfolioledger.api.resource.ChangeResourceCostRateCommand;
import dev.portfolioledger.api.resource.LeaveId;
import dev.portfolioledger.api.resource.LogTimeCommand;
import dev.portfolioledger.api.resource.Period;
import dev.portfolioledger.api.resource.ReallocateResourceCommand;
import dev.portfolioledger.api.resource.RecordResourceLeaveCommand;
import dev.portfolioledger.api.resource.RegisterResourceCommand;
import dev.portfolioledger.api.resource.ReleaseProjectAllocationsCommand;
import dev.portfolioledger.api.resource.ReleaseResourceCommand;
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
import dev.portfolioledger.api.resource.RetireResourceCommand;
import dev.portfolioledger.api.resource.ReverseTimeLogCommand;
import dev.portfolioledger.api.resource.TimeEntryId;
import dev.portfolioledger.api.resource.TimeLogReversedEvent;
import dev.portfolioledger.api.resource.TimeLoggedEvent;
import dev.portfolioledger.api.resource.UpdateResourceSkillsCommand;
import dev.portfolioledger.command.portfolio.PortfolioFacts;
import dev.portfolioledger.command.project.ProjectDirectory;
import dev.portfolioledger.command.project.ProjectFacts;
import dev.portfolioledger.command.resource.CapacityRule.Load;
import dev.portfolioledger.command.resource.CapacityRule.Overload;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person in a portfolio's resource pool. The aggregate owns everything the capacity rule reads
 * (capacity history, allocations, leave) so that the rule holds atomically: on no day does the
 * load exceed the capacity in effect that day (see {@link CapacityRule}), unless an allocation
 * was recorded beyond it on purpose, with a reason. It also keeps the rate history and the time
 * log, whose cost is hours × the rate in effect on the day worked.
 * <p>
 * Registration arrives through {@link ResourceCommandHandler}, which looks up the portfolio.
 * Allocating and reallocating ask the command side's {@link ProjectDirectory} (injected by Axon
 * as a handler parameter) whether the project is in the pool's portfolio and staffable.
 * <p>
 * Decisions, by command (codes as the GraphQL layer shows them):
 * <ul>
 *   <li>a capacity cut that would put allocations over the new capacity is refused
 *       (CAPACITY_EXCEEDED, naming the days and allocations): release or reallocate first;</li>
 *   <li>leave over allocated days is refused the same way (leave counts as the whole capacity);
 *       leave overlapping other leave is refused (CONFLICT);</li>
 *   <li>time is logged only on a day the resource is allocated to the project (CONFLICT), at most
 *       24 hours a day across entries (CONFLICT), not before the first rate (CONFLICT);</li>
 *   <li>nothing is planned or logged on or after the retirement date (CONFLICT).</li>
 * </ul>
 * <p>
 * Snapshots store the aggregate's fields (hence the field visibility for Jackson); the revision
 * names their shape: change it with any change of the fields, and older snapshots are ignored.
 */
@Aggregate(snapshotTriggerDefinition = "resourceSnapshotTrigger")
@Revision("1")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Resource {

    @AggregateIdentifier
    private ResourceId resourceId;
    private PortfolioId portfolioId;
    private Currency currency;
    /** Capacity from each date on; the registration's from the beginning of time ({@link LocalDate#MIN}). */
    private final NavigableMap<LocalDate, Integer> capacity = new TreeMap<>();
    /** The cost of an hour from each date on. */
    private final NavigableMap<LocalDate, Money> rates = new TreeMap<>();
    /** The allocations as they are now (released parts cut off), by id. */
    private final Map<AllocationId, Allocation> allocations = new LinkedHashMap<>();
    /** Every allocation id ever used, including those released or replaced: an id is never reused. */
    private final Set<AllocationId> allocationIds = new HashSet<>();
    private final Map<LeaveId, Period> leave = new LinkedHashMap<>();
    private final Map<TimeEntryId, TimeEntry> timeEntries = new HashMap<>();
    /** Null while active. */
    private LocalDate retiredFrom;

    /** One entry of the time log; a reversal keeps it, marked reversed. */
    private record TimeEntry(ProjectId projectId, LocalDate date, BigDecimal hours, Money cost, boolean reversed) {

        TimeEntry asReversed() {
            return new TimeEntry(projectId, date, hours, cost, true);
        }
    }

    /** For Axon, which rebuilds a resource from its events (and Jackson, from a snapshot). */
    protected Resource() {
    }

    Resource(RegisterResourceCommand command, PortfolioFacts portfolio) {
        requirePortfolioNotArchived(portfolio);
        requireCurrency(command.costRate(), portfolio.currency(), "costRate");
        apply(new ResourceRegisteredEvent(command.resourceId(), command.portfolioId(), command.name(), command.role(),
                command.skills(), command.capacityPercent(), command.costRate(), command.rateEffectiveFrom()));
    }

    // --- profile: skills, capacity, rates, leave, retirement ---

    @CommandHandler
    void handle(UpdateResourceSkillsCommand command) {
        apply(new ResourceSkillsRevisedEvent(resourceId, command.skills()));
    }

    /**
     * The new capacity holds from its date until the next later change. A cut below what is
     * allocated on any of those days is refused: the rule would no longer hold, and nobody asked
     * for it not to.
     */
    @CommandHandler
    void handle(ChangeResourceCapacityCommand command) {
        requireActiveOn(command.effectiveFrom(), "change the capacity of");
        NavigableMap<LocalDate, Integer> changed = new TreeMap<>(capacity);
        changed.put(command.effectiveFrom(), command.capacityPercent());
        LocalDate next = capacity.higherKey(command.effectiveFrom());
        Period window = Period.of(command.effectiveFrom(), next == null ? Checks.LAST_DATE : next.minusDays(1));
        requireCapacityHolds(new Load(changed, allocations.values(), leave.values()), window,
                "Cannot cut the capacity of resource " + resourceId + " to " + command.capacityPercent()
                        + "% from " + command.effectiveFrom());
        apply(new ResourceCapacityChangedEvent(resourceId, command.capacityPercent(), command.effectiveFrom()));
    }

    @CommandHandler
    void handle(ChangeResourceCostRateCommand command) {
        requireActiveOn(command.effectiveFrom(), "change the cost rate of");
        requireCurrency(command.costRate(), currency, "costRate");
        apply(new ResourceCostRateChangedEvent(resourceId, command.costRate(), command.effectiveFrom()));
    }

    /** Leave counts as the whole capacity used, so leave over allocated days breaks the capacity rule. */
    @CommandHandler
    void handle(RecordResourceLeaveCommand command) {
        Period period = command.period();
        requireActiveOn(period.end(), "record leave of");
        if (leave.containsKey(command.leaveId())) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS, "Leave " + command.leaveId() + " already exists");
        }
        requireNoOverlappingLeave(period);
        List<Period> withLeave = new ArrayList<>(leave.values());
        withLeave.add(period);
        requireCapacityHolds(new Load(capacity, allocations.values(), withLeave), period,
                "Cannot record leave " + period + " for resource " + resourceId);
        apply(new ResourceLeaveRecordedEvent(resourceId, command.leaveId(), period, command.reason()));
    }

    @CommandHandler
    void handle(RetireResourceCommand command) {
        if (retiredFrom != null) {
            throw new RuleViolation(ErrorCode.ILLEGAL_TRANSITION,
                    "Resource " + resourceId + " is already retired from " + retiredFrom);
        }
        List<Allocation> extending = sorted(allocations.values().stream()
                .filter(allocation -> !allocation.period().end().isBefore(command.retiredFrom())).toList());
        if (!extending.isEmpty()) {
            throw new RuleViolation(ErrorCode.CONFLICT, "Cannot retire resource " + resourceId + " from "
                    + command.retiredFrom() + ": allocations extend on or after it: " + describe(extending)
                    + "; release them first",
                    Map.of("allocations", extending.stream().map(a -> a.allocationId().toString()).toList()));
        }
        apply(new ResourceRetiredEvent(resourceId, command.retiredFrom()));
    }

    // --- allocations ---

    /**
     * Beyond capacity only on purpose: with allowOverallocation the allocation is recorded with
     * its reason and the days over capacity; without, it is refused naming them.
     */
    @CommandHandler
    void handle(AllocateResourceCommand command, ProjectDirectory projects) {
        requireActiveOn(command.period().end(), "allocate");
        requireNewAllocationId(command.allocationId());
        requireStaffable(command.projectId(), projects);
        Allocation allocation = new Allocation(command.allocationId(), command.projectId(), command.percent(),
                command.period());
        List<Allocation> after = new ArrayList<>(allocations.values());
        after.add(allocation);
        List<Overload> over = CapacityRule.raisedAboveCapacity(load(), new Load(capacity, after, leave.values()),
                command.period());
        if (over.isEmpty()) {
            apply(new ResourceAllocatedEvent(resourceId, allocation, null, List.of()));
        } else if (command.allowOverallocation()) {
            apply(new ResourceAllocatedEvent(resourceId, allocation, command.overallocationReason(),
                    CapacityRule.days(over)));
        } else {
            throw capacityExceeded("Cannot allocate resource " + resourceId + " " + command.percent() + "% to project "
                    + command.projectId() + " over " + command.period(), over, allocations.values());
        }
    }

    /**
     * One decision: the source allocations overlapping the period lose the percent inside it (the
     * parts outside keep theirs), and the target gets a new allocation over the whole period.
     */
    @CommandHandler
    void handle(ReallocateResourceCommand command, ProjectDirectory projects) {
        Period period = command.period();
        requireNewAllocationId(command.allocationId());
        requireStaffable(command.toProjectId(), projects);
        List<Allocation> sources = sorted(allocations.values().stream()
                .filter(allocation -> allocation.projectId().equals(command.fromProjectId())
                        && allocation.period().overlaps(period))
                .toList());
        requireUnambiguousSources(sources, period);
        requireSourcesCover(sources, command);

        List<Allocation> replacements = new ArrayList<>();
        for (Allocation source : sources) {
            replacements.addAll(split(source, period, command.percent(), command.allocationId()));
        }
        Allocation moved = new Allocation(command.allocationId(), command.toProjectId(), command.percent(), period);
        List<AllocationId> replaced = sources.stream().map(Allocation::allocationId).toList();
        List<Allocation> after = new ArrayList<>(allocations.values().stream()
                .filter(allocation -> !replaced.contains(allocation.allocationId())).toList());
        after.addAll(replacements);
        after.add(moved);
        List<Overload> over = CapacityRule.raisedAboveCapacity(load(), new Load(capacity, after, leave.values()), period);
        if (!over.isEmpty()) {
            throw capacityExceeded("Cannot reallocate resource " + resourceId + " over " + period, over, after);
        }
        apply(new ResourceReallocatedEvent(resourceId, command.fromProjectId(), command.toProjectId(),
                command.percent(), period, command.reason(), replaced, replacements, moved));
    }

    /**
     * Idempotent: an allocation that already ends before the date (or is gone) is left alone,
     * without an event and without an error.
     */
    @CommandHandler
    void handle(ReleaseResourceCommand command) {
        if (!allocationIds.contains(command.allocationId())) {
            throw new RuleViolation(ErrorCode.NOT_FOUND,
                    "Resource " + resourceId + " has no allocation " + command.allocationId());
        }
        Optional.ofNullable(allocations.get(command.allocationId()))
                .flatMap(allocation -> release(allocation, command.releaseFrom(), command.reason()))
                .ifPresent(AggregateLifecycle::apply);
    }

    /** Every allocation to the project from the date on; one event per allocation that changes, none if none does. */
    @CommandHandler
    void handle(ReleaseProjectAllocationsCommand command) {
        List<ResourceReleasedEvent> releases = sorted(allocations.values().stream()
                .filter(allocation -> allocation.projectId().equals(command.projectId())).toList())
                .stream()
                .flatMap(allocation -> release(allocation, command.releaseFrom(), command.reason()).stream())
                .toList();
        releases.forEach(AggregateLifecycle::apply);
    }

    // --- time log ---

    @CommandHandler
    void handle(LogTimeCommand command) {
        requireActiveOn(command.date(), "log time of");
        if (timeEntries.containsKey(command.timeEntryId())) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS, "Time entry " + command.timeEntryId() + " already exists");
        }
        requireAllocatedOn(command.projectId(), command.date());
        requireHoursFitTheDay(command.date(), command.hours());
        Money rate = rateOn(command.date());
        Money cost = new Money(command.hours().multiply(rate.amount())
                .setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_EVEN), currency);
        apply(new TimeLoggedEvent(resourceId, command.timeEntryId(), command.projectId(), command.date(),
                command.hours(), command.note(), rate, cost));
    }

    @CommandHandler
    void handle(ReverseTimeLogCommand command) {
        TimeEntry entry = timeEntries.get(command.timeEntryId());
        if (entry == null) {
            throw new RuleViolation(ErrorCode.NOT_FOUND,
                    "Resource " + resourceId + " has no time entry " + command.timeEntryId());
        }
        if (entry.reversed()) {
            throw new RuleViolation(ErrorCode.CONFLICT, "Time entry " + command.timeEntryId() + " is already reversed");
        }
        apply(new TimeLogReversedEvent(resourceId, command.timeEntryId(), entry.projectId(), entry.date(),
                entry.hours(), entry.cost(), command.reason()));
    }

    // --- named checks ---

    private static void requirePortfolioNotArchived(PortfolioFacts portfolio) {
        if (portfolio.isArchived()) {
            throw new RuleViolation(ErrorCode.PORTFOLIO_ARCHIVED,
                    "Portfolio " + portfolio.portfolioId() + " is ARCHIVED and takes no new resources");
        }
    }

    private static void requireCurrency(Money money, Currency required, String field) {
        if (!money.isIn(required)) {
            throw Checks.invalid(field + " must be in the portfolio's currency " + required.getCurrencyCode()
                    + ", not " + money.currency().getCurrencyCode());
        }
    }

    /** Nothing is planned or logged for a retired resource on or after its retirement date. */
    private void requireActiveOn(LocalDate day, String action) {
        if (retiredFrom != null && !day.isBefore(retiredFrom)) {
            throw new RuleViolation(ErrorCode.CONFLICT, "Cannot " + action + " resource " + resourceId + " on "
                    + day + ": it is retired from " + retiredFrom);
        }
    }

    private void requireNewAllocationId(AllocationId allocationId) {
        if (allocationIds.contains(allocationId)) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS, "Allocation " + allocationId
                    + " already exists for resource " + resourceId + "; ids are never reused");
        }
    }

    /** The project exists, is in this resource's portfolio, and is APPROVED or ACTIVE. */
    private void requireStaffable(ProjectId projectId, ProjectDirectory projects) {
        ProjectFacts project = projects.find(projectId).orElseThrow(() -> new RuleViolation(ErrorCode.NOT_FOUND,
                "Project " + projectId + " does not exist"));
        if (!project.belongsTo(portfolioId)) {
            throw Checks.invalid("Project " + projectId + " is not in portfolio " + portfolioId
                    + ", whose pool resource " + resourceId + " is in");
        }
        if (!project.isStaffable()) {
            throw new RuleViolation(ErrorCode.CONFLICT, "Project " + projectId + " is " + project.status()
                    + "; only APPROVED or ACTIVE projects take allocations");
        }
    }

    private void requireNoOverlappingLeave(Period period) {
        List<String> overlapping = leave.entrySet().stream().filter(entry -> entry.getValue().overlaps(period))
                .map(entry -> entry.getKey() + " (" + entry.getValue() + ")").toList();
        if (!overlapping.isEmpty()) {
            throw new RuleViolation(ErrorCode.CONFLICT, "Leave " + period + " of resource " + resourceId
                    + " overlaps recorded leave " + String.join(", ", overlapping));
        }
    }

    private void requireCapacityHolds(Load after, Period window, String refusal) {
        List<Overload> over = CapacityRule.raisedAboveCapacity(load(), after, window);
        if (!over.isEmpty()) {
            throw capacityExceeded(refusal, over, after.allocations());
        }
    }

    /** Two source allocations overlapping each other inside the period: which one gives the share? */
    private static void requireUnambiguousSources(List<Allocation> sources, Period period) {
        for (int i = 0; i < sources.size(); i++) {
            for (int j = i + 1; j < sources.size(); j++) {
                Period first = sources.get(i).period().intersection(period).orElseThrow();
                Optional<Period> both = first.intersection(sources.get(j).period());
                if (both.isPresent()) {
                    throw new RuleViolation(ErrorCode.CONFLICT, "Cannot reallocate over " + period + ": allocations "
                            + sources.get(i).allocationId() + " and " + sources.get(j).allocationId()
                            + " to the same project overlap on " + both.get() + "; release or reallocate one first",
                            Map.of("allocations", List.of(sources.get(i).allocationId().toString(),
                                    sources.get(j).allocationId().toString())));
                }
            }
        }
    }

    /** Every day of the period has at least the percent allocated to the source project. */
    private void requireSourcesCover(List<Allocation> sources, ReallocateResourceCommand command) {
        TreeSet<LocalDate> boundaries = new TreeSet<>();
        sources.forEach(source -> CapacityRule.addBoundaries(boundaries, source.period()));
        List<Map<String, Object>> shortDays = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (Period piece : CapacityRule.pieces(command.period(), boundaries)) {
            int available = sources.stream().filter(source -> source.period().contains(piece.start()))
                    .mapToInt(Allocation::percent).sum();
            if (available < command.percent()) {
                Map<String, Object> day = new LinkedHashMap<>();
                day.put("start", piece.start().toString());
                day.put("end", piece.end().toString());
                day.put("allocatedPercent", available);
                day.put("requestedPercent", command.percent());
                shortDays.add(day);
                described.add(piece + " (" + available + "%)");
            }
        }
        if (!shortDays.isEmpty()) {
            throw new RuleViolation(ErrorCode.CONFLICT, "Cannot move " + command.percent() + "% of resource "
                    + resourceId + " from project " + command.fromProjectId() + " over " + command.period()
                    + ": it holds less on " + String.join(", ", described), Map.of("days", shortDays));
        }
    }

    private void requireAllocatedOn(ProjectId projectId, LocalDate day) {
        boolean allocated = allocations.values().stream()
                .anyMatch(allocation -> allocation.projectId().equals(projectId) && allocation.period().contains(day));
        if (!allocated) {
            throw new RuleViolation(ErrorCode.CONFLICT, "Resource " + resourceId + " is not allocated to project "
                    + projectId + " on " + day + "; time is logged only on allocated days");
        }
    }

    private void requireHoursFitTheDay(LocalDate day, BigDecimal hours) {
        BigDecimal logged = timeEntries.values().stream()
                .filter(entry -> !entry.reversed() && entry.date().equals(day))
                .map(TimeEntry::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (logged.add(hours).compareTo(BigDecimal.valueOf(24)) > 0) {
            throw new RuleViolation(ErrorCode.CONFLICT, "Resource " + resourceId + " already has "
                    + logged.stripTrailingZeros().toPlainString() + " hours logged on " + day + "; "
                    + hours.stripTrailingZeros().toPlainString() + " more would exceed 24");
        }
    }

    private Money rateOn(LocalDate day) {
        Map.Entry<LocalDate, Money> rate = rates.floorEntry(day);
        if (rate == null) {
            throw new RuleViolation(ErrorCode.CONFLICT, "Resource " + resourceId + " has no cost rate on " + day
                    + "; its first rate applies from " + rates.firstKey());
        }
        return rate.getValue();
    }

    // --- decisions in pieces ---

    private Load load() {
        return new Load(capacity, allocations.values(), leave.values());
    }

    /** Ends the allocation the day before the date, or entirely when the date is on or before its start. */
    private Optional<ResourceReleasedEvent> release(Allocation allocation, LocalDate releaseFrom, String reason) {
        if (releaseFrom.isAfter(allocation.period().end())) {
            return Optional.empty();
        }
        Period remaining = releaseFrom.isAfter(allocation.period().start())
                ? Period.of(allocation.period().start(), releaseFrom.minusDays(1)) : null;
        return Optional.of(new ResourceReleasedEvent(resourceId, allocation.allocationId(), allocation.projectId(),
                releaseFrom, remaining, reason));
    }

    /**
     * A source allocation cut at the period: the parts before and after keep their percent, the
     * part inside keeps what is not moved (nothing when all of it moves). The earliest piece keeps
     * the allocation's id; the others get ids derived from the command's, the same on every run.
     */
    private static List<Allocation> split(Allocation source, Period period, int moved, AllocationId commandId) {
        List<Allocation> pieces = new ArrayList<>();
        Period whole = source.period();
        if (whole.start().isBefore(period.start())) {
            pieces.add(source.withPeriod(Period.of(whole.start(), period.start().minusDays(1))));
        }
        Period inside = whole.intersection(period).orElseThrow();
        if (source.percent() > moved) {
            pieces.add(new Allocation(null, source.projectId(), source.percent() - moved, inside));
        }
        if (whole.end().isAfter(period.end())) {
            pieces.add(new Allocation(null, source.projectId(), source.percent(),
                    Period.of(period.end().plusDays(1), whole.end())));
        }
        List<Allocation> named = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Allocation piece = pieces.get(i);
            AllocationId id = i == 0 ? source.allocationId()
                    : commandId.derived(source.allocationId() + "/" + (piece.period().start().isAfter(period.end())
                            ? "after" : "inside"));
            named.add(new Allocation(id, piece.projectId(), piece.percent(), piece.period()));
        }
        return named;
    }

    private RuleViolation capacityExceeded(String refusal, List<Overload> over, Collection<Allocation> load) {
        List<AllocationId> involved = CapacityRule.involved(load, over);
        return new RuleViolation(ErrorCode.CAPACITY_EXCEEDED, refusal + ": capacity exceeded on "
                + CapacityRule.describe(over) + (involved.isEmpty() ? "" : "; allocations involved: "
                + involved.stream().map(AllocationId::toString).collect(Collectors.joining(", "))),
                CapacityRule.details(over, involved));
    }

    private static List<Allocation> sorted(List<Allocation> allocations) {
        return allocations.stream().sorted(Comparator.comparing((Allocation a) -> a.period().start())
                .thenComparing(a -> a.allocationId().toString())).toList();
    }

    private static String describe(List<Allocation> allocations) {
        return allocations.stream().map(a -> a.allocationId() + " (project " + a.projectId() + ", " + a.percent()
                + "%, " + a.period() + ")").collect(Collectors.joining(", "));
    }

    // --- state ---

    @EventSourcingHandler
    void on(ResourceRegisteredEvent event) {
        resourceId = event.resourceId();
        portfolioId = event.portfolioId();
        currency = event.costRate().currency();
        capacity.put(LocalDate.MIN, event.capacityPercent());
        rates.put(event.rateEffectiveFrom(), event.costRate());
    }

    @EventSourcingHandler
    void on(ResourceCapacityChangedEvent event) {
        capacity.put(event.effectiveFrom(), event.capacityPercent());
    }

    @EventSourcingHandler
    void on(ResourceCostRateChangedEvent event) {
        rates.put(event.effectiveFrom(), event.costRate());
    }

    @EventSourcingHandler
    void on(ResourceLeaveRecordedEvent event) {
        leave.put(event.leaveId(), event.period());
    }

    @EventSourcingHandler
    void on(ResourceRetiredEvent event) {
        retiredFrom = event.retiredFrom();
    }

    @EventSourcingHandler
    void on(ResourceAllocatedEvent event) {
        allocations.put(event.allocation().allocationId(), event.allocation());
        allocationIds.add(event.allocation().allocationId());
    }

    @EventSourcingHandler
    void on(ResourceReallocatedEvent event) {
        event.replacedAllocationIds().forEach(allocations::remove);
        for (Allocation allocation : event.replacements()) {
            allocations.put(allocation.allocationId(), allocation);
            allocationIds.add(allocation.allocationId());
        }
        allocations.put(event.moved().allocationId(), event.moved());
        allocationIds.add(event.moved().allocationId());
    }

    @EventSourcingHandler
    void on(ResourceReleasedEvent event) {
        if (event.remaining() == null) {
            allocations.remove(event.allocationId());
        } else {
            allocations.computeIfPresent(event.allocationId(), (id, allocation) -> allocation.withPeriod(event.remaining()));
        }
    }

    @EventSourcingHandler
    void on(TimeLoggedEvent event) {
        timeEntries.put(event.timeEntryId(), new TimeEntry(event.projectId(), event.date(), event.hours(),
                event.cost(), false));
    }

    @EventSourcingHandler
    void on(TimeLogReversedEvent event) {
        timeEntries.computeIfPresent(event.timeEntryId(), (id, entry) -> entry.asReversed());
    }
}
