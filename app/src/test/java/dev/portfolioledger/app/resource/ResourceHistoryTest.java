package dev.portfolioledger.app.resource;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.Allocation;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.LeaveId;
import dev.portfolioledger.api.resource.Period;
import dev.portfolioledger.api.resource.ResourceAllocatedEvent;
import dev.portfolioledger.api.resource.ResourceCapacityChangedEvent;
import dev.portfolioledger.api.resource.ResourceCostRateChangedEvent;
import dev.portfolioledger.api.resource.ResourceEvent;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.api.resource.ResourceLeaveRecordedEvent;
import dev.portfolioledger.api.resource.ResourceReallocatedEvent;
import dev.portfolioledger.api.resource.ResourceRegisteredEvent;
import dev.portfolioledger.api.resource.ResourceReleasedEvent;
import dev.portfolioledger.api.resource.ResourceRetiredEvent;
import dev.portfolioledger.api.resource.ResourceSkillsRevisedEvent;
import dev.portfolioledger.api.resource.Skill;
import dev.portfolioledger.api.resource.TimeEntryId;
import dev.portfolioledger.api.resource.TimeLogReversedEvent;
import dev.portfolioledger.api.resource.TimeLoggedEvent;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.Processors;
import dev.portfolioledger.app.support.ResourceEvents;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.query.asof.PointInTime;
import dev.portfolioledger.query.asof.PointsInTime;
import dev.portfolioledger.query.asof.ViewHistory;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;
import dev.portfolioledger.query.resource.ResourceFilter;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code RandomizedHistoryTest} for resources: a random sequence of a resource's events
 * (allocations, reallocations that split them, releases, capacity and rate changes, leave, skills,
 * time logged and reversed, retirement) appended to the event store. After every event the live
 * answer is captured with the instant it was read. Afterwards, at every captured instant and at
 * the record time of every event (and just before it): {@code resource(asOf)} and the project's
 * team and logged time over GraphQL equal the capture, and the stored history and the fold give
 * the same resource, resource list, team and labour. Rebuilding the history gives it back row for
 * row, and rebuilding the views gives the live rows back.
 *
 * <p>The seed is printed and can be fixed with {@code -Dhistory.seed=...}.
 */
class ResourceHistoryTest extends GraphQlIntegrationTest {

    private static final int STEPS = 45;
    private static final LocalDate FIRST = LocalDate.of(2027, 1, 4);

    @Autowired
    private EventStore eventStore;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private PointsInTime pointsInTime;

    @Autowired
    private ViewHistory history;

    private Random random;
    private ResourceEvents events;
    private Processors processors;
    private final ResourceId resource = ResourceId.random();
    private PortfolioId portfolio;
    private ProjectId apollo;
    private ProjectId gemini;
    private final Map<AllocationId, Allocation> allocations = new LinkedHashMap<>();
    private final List<TimeLoggedEvent> entries = new ArrayList<>();
    private final List<Capture> captures = new ArrayList<>();
    private final List<Instant> recorded = new ArrayList<>();

    private record Capture(Instant at, Map<String, Object> view, String step) {
    }

    @Test
    void asOfReproducesEveryCapturedResourceAndReplayReproducesTheLiveRows() {
        long seed = Long.getLong("history.seed", System.nanoTime());
        System.out.println("ResourceHistoryTest seed: " + seed);
        random = new Random(seed);
        events = new ResourceEvents(eventStore, jdbc);
        processors = new Processors(processing, jdbc);
        portfolio = PortfolioId.of(newPortfolio());
        apollo = ProjectId.of(newProject(portfolio.toString(), null));
        gemini = ProjectId.of(newProject(portfolio.toString(), null));
        append("register", new ResourceRegisteredEvent(resource, portfolio, unique("Res"), "Developer",
                                                       List.of(new Skill("Java", 3)), 100,
                                                       Money.of("90.00", "EUR"), FIRST));
        for (int step = 0; step < STEPS; step++) {
            randomStep();
        }
        if (random.nextBoolean()) {
            append("retire", new ResourceRetiredEvent(resource, date(300)));
        }
        System.out.println("ResourceHistoryTest steps: " + captures.stream().map(Capture::step).toList());

        processors.awaitHead(ProcessingGroups.HISTORY);
        for (Capture capture : captures) {
            String when = "after step '" + capture.step() + "', seed " + seed;
            assertThat(viewAt(capture.at())).as("as of %s %s", capture.at(), when).isEqualTo(capture.view());
            assertStoredEqualsFold(capture.at(), when);
        }
        for (Instant at : recorded) {
            assertStoredEqualsFold(at, "at an event's record time " + at + ", seed " + seed);
            assertStoredEqualsFold(at.minusNanos(1), "just before an event's record time " + at + ", seed " + seed);
        }
        assertThat(viewAt(recorded.get(0).minusNanos(1)).get("resource")).as("before registration").isNull();

        List<Map<String, Object>> versions = history.dump();
        processors.rebuild(ProcessingGroups.HISTORY, jdbc -> {
        });
        assertThat(history.dump()).as("history after rebuilding it (seed %d)", seed).isEqualTo(versions);

        Map<String, List<Map<String, Object>>> rows = liveRows();
        Map<String, Object> live = captures.get(captures.size() - 1).view();
        processors.rebuild(ProcessingGroups.VIEWS, jdbc -> {
        });
        assertThat(liveRows()).as("live rows after rebuilding the views (seed %d)", seed).isEqualTo(rows);
        assertThat(liveView()).as("live view after rebuilding the views (seed %d)", seed).isEqualTo(live);
    }

    private void randomStep() {
        int pick = random.nextInt(100);
        if (pick < 25 || allocations.isEmpty()) {
            allocate();
        } else if (pick < 37) {
            reallocate();
        } else if (pick < 47) {
            release();
        } else if (pick < 55) {
            append("capacity", new ResourceCapacityChangedEvent(resource, 20 + random.nextInt(81), date(300)));
        } else if (pick < 62) {
            append("rate", new ResourceCostRateChangedEvent(resource, Money.of(80 + random.nextInt(60) + ".00", "EUR"),
                                                            date(300)));
        } else if (pick < 68) {
            LocalDate start = date(300);
            append("leave", new ResourceLeaveRecordedEvent(resource, LeaveId.random(),
                                                           new Period(start, start.plusDays(random.nextInt(10))),
                                                           random.nextBoolean() ? "Holiday" : null));
        } else if (pick < 72) {
            append("skills", new ResourceSkillsRevisedEvent(resource, List.of(
                    new Skill("Java", 1 + random.nextInt(5)), new Skill("SQL", 1 + random.nextInt(5)))));
        } else if (pick < 90 || entries.isEmpty()) {
            BigDecimal hours = new BigDecimal(1 + random.nextInt(8) + "." + (random.nextBoolean() ? "5" : "25"));
            Money rate = Money.of("90.00", "EUR");
            TimeLoggedEvent logged = new TimeLoggedEvent(resource, TimeEntryId.random(), project(), date(300), hours,
                                                         null, rate, new Money(hours.multiply(rate.amount())
                                                                                       .setScale(2), rate.currency()));
            entries.add(logged);
            append("log time", logged);
        } else {
            TimeLoggedEvent entry = entries.remove(random.nextInt(entries.size()));
            append("reverse time", new TimeLogReversedEvent(resource, entry.timeEntryId(), entry.projectId(),
                                                            entry.date(), entry.hours(), entry.cost(), "Correction"));
        }
    }

    private void allocate() {
        LocalDate start = date(300);
        Allocation allocation = new Allocation(AllocationId.random(), project(), 10 * (1 + random.nextInt(6)),
                                               new Period(start, start.plusDays(random.nextInt(90))));
        boolean over = random.nextInt(4) == 0;
        allocations.put(allocation.allocationId(), allocation);
        append("allocate", new ResourceAllocatedEvent(resource, allocation, over ? "Crunch" : null,
                                                      over ? List.of(allocation.period()) : null));
    }

    /** Moves part of one allocation inside a period to the other project, splitting it as the aggregate would. */
    private void reallocate() {
        Allocation source = pick();
        Period source_ = source.period();
        long days = source_.days();
        LocalDate from = source_.start().plusDays(random.nextInt((int) days));
        LocalDate to = from.plusDays(random.nextInt((int) (source_.end().toEpochDay() - from.toEpochDay() + 1)));
        Period moved = new Period(from, to);
        int percent = Math.max(1, source.percent() / (1 + random.nextInt(2)));
        List<Allocation> replacements = new ArrayList<>();
        AllocationId id = AllocationId.random();
        if (from.isAfter(source_.start())) {
            replacements.add(new Allocation(id.derived("before"), source.projectId(), source.percent(),
                                            new Period(source_.start(), from.minusDays(1))));
        }
        if (percent < source.percent()) {
            replacements.add(new Allocation(id.derived("inside"), source.projectId(), source.percent() - percent,
                                            moved));
        }
        if (to.isBefore(source_.end())) {
            replacements.add(new Allocation(id.derived("after"), source.projectId(), source.percent(),
                                            new Period(to.plusDays(1), source_.end())));
        }
        ProjectId target = source.projectId().equals(apollo) ? gemini : apollo;
        Allocation movedAllocation = new Allocation(id.derived("moved"), target, percent, moved);
        allocations.remove(source.allocationId());
        replacements.forEach(r -> allocations.put(r.allocationId(), r));
        allocations.put(movedAllocation.allocationId(), movedAllocation);
        append("reallocate", new ResourceReallocatedEvent(resource, source.projectId(), target, percent, moved,
                                                          "Rebalance", List.of(source.allocationId()), replacements,
                                                          movedAllocation));
    }

    private void release() {
        Allocation allocation = pick();
        Period period = allocation.period();
        LocalDate releasedFrom = period.start().plusDays(random.nextInt((int) period.days()));
        Period remaining = releasedFrom.equals(period.start()) ? null : new Period(period.start(),
                                                                                   releasedFrom.minusDays(1));
        if (remaining == null) {
            allocations.remove(allocation.allocationId());
        } else {
            allocations.put(allocation.allocationId(), allocation.withPeriod(remaining));
        }
        append("release", new ResourceReleasedEvent(resource, allocation.allocationId(), allocation.projectId(),
                                                    releasedFrom, remaining, "Scope cut"));
    }

    private Allocation pick() {
        List<Allocation> all = List.copyOf(allocations.values());
        return all.get(random.nextInt(all.size()));
    }

    private ProjectId project() {
        return random.nextBoolean() ? apollo : gemini;
    }

    private LocalDate date(int within) {
        return FIRST.plusDays(random.nextInt(within));
    }

    private void append(String step, ResourceEvent event) {
        recorded.add(events.append(event));
        processors.awaitHead(ProcessingGroups.VIEWS);
        captures.add(new Capture(Instant.now(), liveView(), step));
    }

    private Map<String, Object> liveView() {
        return viewAt(null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> viewAt(Instant at) {
        var request = as("auditor").documentName("historyResourceAt").variable("id", resource.toString())
                .variable("projectId", apollo.toString());
        if (at != null) {
            request = request.variable("asOf", at.toString());
        }
        var response = request.execute();
        response.errors().verify();
        return (Map<String, Object>) response.returnResponse().getData();
    }

    private void assertStoredEqualsFold(Instant at, String when) {
        PointInTime stored = pointsInTime.stored(at);
        PointInTime folded = pointsInTime.folded(at);
        assertThat(stored.resource(resource)).as("resource %s", when).isEqualTo(folded.resource(resource));
        for (ProjectId project : List.of(apollo, gemini)) {
            assertThat(stored.team(project)).as("team %s", when).isEqualTo(folded.team(project));
            assertThat(stored.labour(project)).as("labour %s", when).isEqualTo(folded.labour(project));
        }
        ResourceFilter pool = new ResourceFilter(portfolio, null, null, null, 1, null, null);
        ResourceFilter free = new ResourceFilter(portfolio, null, null, "java", 2, 20,
                                                 new Period(FIRST.plusDays(30), FIRST.plusDays(60)));
        for (ResourceFilter filter : List.of(pool, free)) {
            assertThat(stored.resources(filter, new PageRequest<NameKey>(5, null))).as("resources %s", when)
                    .isEqualTo(folded.resources(filter, new PageRequest<NameKey>(5, null)));
        }
    }

    private Map<String, List<Map<String, Object>>> liveRows() {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (String table : List.of("resource_view", "resource_allocation_view", "time_entry_view")) {
            rows.put(table, jdbc.queryForList("SELECT t::text AS row FROM " + table + " t ORDER BY t::text"));
        }
        return rows;
    }
}
