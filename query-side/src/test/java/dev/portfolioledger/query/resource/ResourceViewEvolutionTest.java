package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.portfolio.PortfolioRenamedEvent;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.LeaveId;
import dev.portfolioledger.api.resource.ResourceAllocatedEvent;
import dev.portfolioledger.api.resource.ResourceCapacityChangedEvent;
import dev.portfolioledger.api.resource.ResourceCostRateChangedEvent;
import dev.portfolioledger.api.resource.ResourceLeaveRecordedEvent;
import dev.portfolioledger.api.resource.ResourceReallocatedEvent;
import dev.portfolioledger.api.resource.ResourceReleasedEvent;
import dev.portfolioledger.api.resource.ResourceRetiredEvent;
import dev.portfolioledger.api.resource.ResourceSkillsRevisedEvent;
import dev.portfolioledger.api.resource.Skill;
import dev.portfolioledger.api.resource.TimeEntryId;
import dev.portfolioledger.api.resource.TimeLogReversedEvent;
import dev.portfolioledger.api.resource.TimeLoggedEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static dev.portfolioledger.query.resource.ResourceFixtures.APOLLO;
import static dev.portfolioledger.query.resource.ResourceFixtures.AT;
import static dev.portfolioledger.query.resource.ResourceFixtures.GEMINI;
import static dev.portfolioledger.query.resource.ResourceFixtures.PORTFOLIO;
import static dev.portfolioledger.query.resource.ResourceFixtures.REGISTERED;
import static dev.portfolioledger.query.resource.ResourceFixtures.RESOURCE;
import static dev.portfolioledger.query.resource.ResourceFixtures.allocation;
import static dev.portfolioledger.query.resource.ResourceFixtures.day;
import static dev.portfolioledger.query.resource.ResourceFixtures.fold;
import static dev.portfolioledger.query.resource.ResourceFixtures.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceViewEvolutionTest {

    private static final AllocationId A1 = AllocationId.random();
    private static final AllocationId A2 = AllocationId.random();

    @Test
    void registrationMakesAnActiveResourceWithItsCapacityFromTheStartAndItsFirstRate() {
        ResourceView view = fold(REGISTERED);

        assertThat(view).isEqualTo(new ResourceView(
                RESOURCE, PORTFOLIO, "Ada Lovelace", "Developer", List.of(new Skill("Java", 4), new Skill("SQL", 2)),
                ResourceStatus.ACTIVE, null, List.of(new CapacityChange(Checks.FIRST_DATE, 80)),
                List.of(new CostRateChange(day("2027-01-01"), Money.of("95.00", "EUR"))), List.of(), List.of()));
        assertThat(view.capacityOn(day("1999-05-01"))).isEqualTo(80);
    }

    @Test
    void skillsRevisedReplacesTheWholeList() {
        ResourceView view = fold(REGISTERED, new ResourceSkillsRevisedEvent(RESOURCE, List.of(new Skill("Go", 3))));

        assertThat(view.skills()).containsExactly(new Skill("Go", 3));
    }

    @Test
    void capacityChangesKeepDateOrderAndAChangeOnTheSameDateReplacesIt() {
        ResourceView view = fold(REGISTERED,
                                 new ResourceCapacityChangedEvent(RESOURCE, 50, day("2027-06-01")),
                                 new ResourceCapacityChangedEvent(RESOURCE, 100, day("2027-03-01")),
                                 new ResourceCapacityChangedEvent(RESOURCE, 60, day("2027-06-01")));

        assertThat(view.capacityHistory()).containsExactly(new CapacityChange(Checks.FIRST_DATE, 80),
                                                           new CapacityChange(day("2027-03-01"), 100),
                                                           new CapacityChange(day("2027-06-01"), 60));
        assertThat(view.capacityOn(day("2027-02-28"))).isEqualTo(80);
        assertThat(view.capacityOn(day("2027-03-01"))).isEqualTo(100);
        assertThat(view.capacityOn(day("2027-05-31"))).isEqualTo(100);
        assertThat(view.capacityOn(day("2027-06-01"))).isEqualTo(60);
    }

    @Test
    void rateChangesKeepDateOrderAndEarlierRatesStillApplyToTheirDates() {
        ResourceView view = fold(REGISTERED,
                                 new ResourceCostRateChangedEvent(RESOURCE, Money.of("110.00", "EUR"), day("2027-07-01")),
                                 new ResourceCostRateChangedEvent(RESOURCE, Money.of("100.00", "EUR"), day("2027-04-01")));

        assertThat(view.rateHistory()).extracting(CostRateChange::effectiveFrom)
                .containsExactly(day("2027-01-01"), day("2027-04-01"), day("2027-07-01"));
        assertThat(view.costRateOn(day("2026-12-01"))).isEqualTo(Money.of("95.00", "EUR"));
        assertThat(view.costRateOn(day("2027-03-31"))).isEqualTo(Money.of("95.00", "EUR"));
        assertThat(view.costRateOn(day("2027-04-01"))).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(view.costRateOn(day("2027-12-31"))).isEqualTo(Money.of("110.00", "EUR"));
    }

    @Test
    void leaveIsKeptByFirstDay() {
        LeaveId summer = LeaveId.random();
        LeaveId spring = LeaveId.random();
        ResourceView view = fold(REGISTERED,
                                 new ResourceLeaveRecordedEvent(RESOURCE, summer, period("2027-08-01", "2027-08-14"),
                                                                "Summer"),
                                 new ResourceLeaveRecordedEvent(RESOURCE, spring, period("2027-04-12", "2027-04-16"),
                                                                null));

        assertThat(view.leave()).containsExactly(
                new ResourceLeave(spring, day("2027-04-12"), day("2027-04-16"), null),
                new ResourceLeave(summer, day("2027-08-01"), day("2027-08-14"), "Summer"));
    }

    @Test
    void retirementSetsTheStatusAndItsDate() {
        ResourceView view = fold(REGISTERED, new ResourceRetiredEvent(RESOURCE, day("2027-09-30")));

        assertThat(view.status()).isEqualTo(ResourceStatus.RETIRED);
        assertThat(view.retiredFrom()).isEqualTo(day("2027-09-30"));
    }

    @Test
    void allocationsAreKeptByFirstDayAndAnOverallocationCarriesItsReason() {
        ResourceView view = fold(REGISTERED,
                                 new ResourceAllocatedEvent(RESOURCE, allocation(A1, APOLLO, 50, "2027-03-01",
                                                                                 "2027-05-31"), null, null),
                                 new ResourceAllocatedEvent(RESOURCE, allocation(A2, GEMINI, 60, "2027-02-01",
                                                                                 "2027-03-31"), "Launch crunch",
                                                            List.of(period("2027-03-01", "2027-03-31"))));

        assertThat(view.allocations()).containsExactly(
                new ResourceAllocationView(A2, RESOURCE, GEMINI, 60, day("2027-02-01"), day("2027-03-31"),
                                           "Launch crunch"),
                new ResourceAllocationView(A1, RESOURCE, APOLLO, 50, day("2027-03-01"), day("2027-05-31"), null));
        assertThat(view.allocations().get(0).overallocated()).isTrue();
        assertThat(view.allocations().get(1).overallocated()).isFalse();
    }

    @Test
    void reallocationSplitsTheSourceAroundThePeriodAndAddsTheMovedShare() {
        AllocationId before = A1.derived("before");
        AllocationId inside = A1.derived("inside");
        AllocationId after = A1.derived("after");
        AllocationId moved = AllocationId.random();
        ResourceView view = fold(REGISTERED,
                                 new ResourceAllocatedEvent(RESOURCE, allocation(A1, APOLLO, 60, "2027-01-01",
                                                                                 "2027-12-31"), null, null),
                                 new ResourceReallocatedEvent(RESOURCE, APOLLO, GEMINI, 20,
                                                              period("2027-04-01", "2027-06-30"), "Gemini needs help",
                                                              List.of(A1), List.of(
                                         allocation(before, APOLLO, 60, "2027-01-01", "2027-03-31"),
                                         allocation(inside, APOLLO, 40, "2027-04-01", "2027-06-30"),
                                         allocation(after, APOLLO, 60, "2027-07-01", "2027-12-31")),
                                                              allocation(moved, GEMINI, 20, "2027-04-01",
                                                                         "2027-06-30")));

        assertThat(view.allocations()).extracting(ResourceAllocationView::allocationId).doesNotContain(A1);
        assertThat(view.allocations()).extracting(a -> a.projectId() + " " + a.percent() + " " + a.period())
                .containsExactlyInAnyOrder(APOLLO + " 60 2027-01-01..2027-03-31", APOLLO + " 40 2027-04-01..2027-06-30",
                                           GEMINI + " 20 2027-04-01..2027-06-30", APOLLO + " 60 2027-07-01..2027-12-31");
        assertThat(view.allocations()).extracting(ResourceAllocationView::start).isSorted();
        assertThat(view.allocations()).noneMatch(ResourceAllocationView::overallocated);
    }

    @Test
    void reallocationOfAWholeAllocationLeavesNoReplacementAndPiecesKeepAnOverallocationReason() {
        AllocationId moved = AllocationId.random();
        AllocationId rest = A2.derived("rest");
        ResourceView view = fold(REGISTERED,
                                 new ResourceAllocatedEvent(RESOURCE, allocation(A1, APOLLO, 30, "2027-04-01",
                                                                                 "2027-04-30"), null, null),
                                 new ResourceAllocatedEvent(RESOURCE, allocation(A2, APOLLO, 70, "2027-04-01",
                                                                                 "2027-05-31"), "Go-live", List.of()),
                                 new ResourceReallocatedEvent(RESOURCE, APOLLO, GEMINI, 30,
                                                              period("2027-04-01", "2027-04-30"), "Move",
                                                              List.of(A1, A2), List.of(
                                         allocation(rest, APOLLO, 70, "2027-05-01", "2027-05-31"),
                                         allocation(A2.derived("inside"), APOLLO, 40, "2027-04-01", "2027-04-30")),
                                                              allocation(moved, GEMINI, 30, "2027-04-01",
                                                                         "2027-04-30")));

        assertThat(view.allocations()).extracting(ResourceAllocationView::allocationId)
                .containsExactlyInAnyOrder(A2.derived("inside"), moved, rest);
        assertThat(view.allocations()).filteredOn(a -> a.projectId().equals(APOLLO))
                .allMatch(a -> "Go-live".equals(a.overallocationReason()));
        assertThat(view.allocations()).filteredOn(a -> a.allocationId().equals(moved))
                .noneMatch(ResourceAllocationView::overallocated);
    }

    @Test
    void releaseShortensAnAllocationToWhatRemains() {
        ResourceView view = fold(REGISTERED,
                                 new ResourceAllocatedEvent(RESOURCE, allocation(A1, APOLLO, 50, "2027-03-01",
                                                                                 "2027-05-31"), null, null),
                                 new ResourceReleasedEvent(RESOURCE, A1, APOLLO, day("2027-04-15"),
                                                           period("2027-03-01", "2027-04-14"), "Scope cut"));

        assertThat(view.allocations()).containsExactly(
                new ResourceAllocationView(A1, RESOURCE, APOLLO, 50, day("2027-03-01"), day("2027-04-14"), null));
    }

    @Test
    void releaseWithNothingRemainingRemovesTheAllocation() {
        ResourceView view = fold(REGISTERED,
                                 new ResourceAllocatedEvent(RESOURCE, allocation(A1, APOLLO, 50, "2027-03-01",
                                                                                 "2027-05-31"), null, null),
                                 new ResourceAllocatedEvent(RESOURCE, allocation(A2, GEMINI, 20, "2027-03-01",
                                                                                 "2027-03-31"), null, null),
                                 new ResourceReleasedEvent(RESOURCE, A1, APOLLO, day("2027-03-01"), null, "Cancelled"));

        assertThat(view.allocations()).extracting(ResourceAllocationView::allocationId).containsExactly(A2);
    }

    @Test
    void timeLogEntriesAndReversalsLeaveTheViewAsItIs() {
        ResourceView registered = fold(REGISTERED);
        TimeEntryId entry = TimeEntryId.random();

        ResourceView logged = ResourceViewEvolution.apply(registered, new TimeLoggedEvent(
                RESOURCE, entry, APOLLO, day("2027-03-02"), new BigDecimal("7.5"), "Design",
                Money.of("95.00", "EUR"), Money.of("712.50", "EUR")), AT);
        ResourceView reversed = ResourceViewEvolution.apply(logged, new TimeLogReversedEvent(
                RESOURCE, entry, APOLLO, day("2027-03-02"), new BigDecimal("7.5"), Money.of("712.50", "EUR"),
                "Wrong project"), AT);

        assertThat(logged).isSameAs(registered);
        assertThat(reversed).isSameAs(registered);
    }

    @Test
    void otherAggregatesEventsLeaveTheViewAsItIs() {
        ResourceView registered = fold(REGISTERED);

        assertThat(ResourceViewEvolution.apply(registered, new PortfolioRenamedEvent(PORTFOLIO, "X", "Y"), AT))
                .isSameAs(registered);
        assertThat(ResourceViewEvolution.apply(null, new PortfolioRenamedEvent(PORTFOLIO, "X", "Y"), AT)).isNull();
    }

    @Test
    void anEventWithoutARegistrationFailsLoudly() {
        assertThatThrownBy(() -> ResourceViewEvolution.apply(
                null, new ResourceRetiredEvent(RESOURCE, day("2027-01-01")), AT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ResourceRetiredEvent");
    }
}
