package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.Allocation;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.LeaveId;
import dev.portfolioledger.api.resource.Period;
import dev.portfolioledger.api.resource.ResourceAllocatedEvent;
import dev.portfolioledger.api.resource.ResourceCapacityChangedEvent;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.api.resource.ResourceLeaveRecordedEvent;
import dev.portfolioledger.api.resource.ResourceRegisteredEvent;
import dev.portfolioledger.api.resource.ResourceRetiredEvent;
import dev.portfolioledger.api.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ResourceUtilisationTest {

    private static final ResourceId RESOURCE = ResourceId.of("00000000-0000-0000-0000-0000000000a1");
    private static final ProjectId SHOP = ProjectId.of("00000000-0000-0000-0000-0000000000c1");
    private static final ProjectId CRM = ProjectId.of("00000000-0000-0000-0000-0000000000c2");
    private static final AllocationId A1 = AllocationId.of("00000000-0000-0000-0000-0000000000b1");
    private static final AllocationId A2 = AllocationId.of("00000000-0000-0000-0000-0000000000b2");
    /** A Monday. */
    private static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);

    private static ResourceView registered() {
        return ResourceView.registered(new ResourceRegisteredEvent(RESOURCE,
                PortfolioId.of("00000000-0000-0000-0000-00000000000a"), "Ada", "Developer", List.of(), 100,
                Money.of("80", "EUR"), MONDAY.minusYears(1)));
    }

    private static ResourceAllocatedEvent allocated(AllocationId id, ProjectId project, int percent, LocalDate start,
                                                    LocalDate end, String reason) {
        return new ResourceAllocatedEvent(RESOURCE, new Allocation(id, project, percent, Period.of(start, end)), reason,
                List.of());
    }

    @Test
    void weeksAreClippedToTheRangeAndBothEndDaysCount() {
        ResourceView ada = registered().on(allocated(A1, SHOP, 50, MONDAY.plusDays(2), MONDAY.plusDays(8), null));

        List<UtilisationPeriod> weeks = ResourceUtilisation.periods(ada,
                Period.of(MONDAY.plusDays(2), MONDAY.plusDays(8)), Granularity.WEEK);

        assertThat(weeks).extracting(UtilisationPeriod::start, UtilisationPeriod::end).containsExactly(
                tuple(MONDAY.plusDays(2), MONDAY.plusDays(6)),
                tuple(MONDAY.plusDays(7), MONDAY.plusDays(8)));
        assertThat(weeks).allSatisfy(week -> {
            assertThat(week.allocatedPercent()).isEqualTo(50.0);
            assertThat(week.utilisationPercent()).isEqualTo(50.0);
            assertThat(week.overallocated()).isFalse();
        });
    }

    @Test
    void partOfAWeekAllocatedIsTheMeanOverItsDays() {
        // Wednesday to Thursday of the week, 70 %: 140 over 7 days
        ResourceView ada = registered().on(allocated(A1, SHOP, 70, MONDAY.plusDays(2), MONDAY.plusDays(3), null));

        UtilisationPeriod week = ResourceUtilisation.periods(ada, Period.of(MONDAY, MONDAY.plusDays(6)),
                Granularity.WEEK).get(0);

        assertThat(week.allocatedPercent()).isEqualTo(20.0);
        assertThat(week.capacityPercent()).isEqualTo(100.0);
    }

    @Test
    void monthsFollowTheCalendar() {
        List<UtilisationPeriod> months = ResourceUtilisation.periods(registered(),
                Period.of(LocalDate.of(2027, 1, 15), LocalDate.of(2027, 3, 10)), Granularity.MONTH);

        assertThat(months).extracting(UtilisationPeriod::start).containsExactly(LocalDate.of(2027, 1, 15),
                LocalDate.of(2027, 2, 1), LocalDate.of(2027, 3, 1));
        assertThat(months).extracting(UtilisationPeriod::end).containsExactly(LocalDate.of(2027, 1, 31),
                LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 10));
    }

    @Test
    void leaveCountsAsFullyAllocated() {
        ResourceView ada = registered()
                .on(allocated(A1, SHOP, 50, MONDAY, MONDAY.plusDays(6), null))
                .on(new ResourceLeaveRecordedEvent(RESOURCE, LeaveId.random(), Period.day(MONDAY.plusDays(4)), "Dentist"));

        UtilisationPeriod week = ResourceUtilisation.periods(ada, Period.of(MONDAY, MONDAY.plusDays(6)),
                Granularity.WEEK).get(0);

        assertThat(week.leaveDays()).isEqualTo(1);
        // 7 days x 50 % allocated + the leave day's 100 %, over 700
        assertThat(week.utilisationPercent()).isEqualTo(64.29);
        assertThat(week.overallocatedDays()).isEqualTo(1);
        assertThat(ResourceUtilisation.overallocations(ada, Period.of(MONDAY, MONDAY.plusDays(6))))
                .singleElement().satisfies(run -> {
                    assertThat(run.start()).isEqualTo(MONDAY.plusDays(4));
                    assertThat(run.end()).isEqualTo(MONDAY.plusDays(4));
                    assertThat(run.onLeave()).isTrue();
                    assertThat(run.recorded()).isFalse();
                    assertThat(run.allocations()).extracting(ResourceAllocationView::allocationId).containsExactly(A1);
                });
    }

    @Test
    void recordedOverallocationIsFlaggedAsRecorded() {
        ResourceView ada = registered()
                .on(allocated(A1, SHOP, 80, MONDAY, MONDAY.plusDays(9), null))
                .on(allocated(A2, CRM, 40, MONDAY.plusDays(3), MONDAY.plusDays(5), "Go-live week"));

        List<Overallocation> runs = ResourceUtilisation.overallocations(ada, Period.of(MONDAY, MONDAY.plusDays(13)));

        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.start()).isEqualTo(MONDAY.plusDays(3));
            assertThat(run.end()).isEqualTo(MONDAY.plusDays(5));
            assertThat(run.loadPercent()).isEqualTo(120);
            assertThat(run.capacityPercent()).isEqualTo(100);
            assertThat(run.allocations()).extracting(ResourceAllocationView::allocationId).containsExactly(A1, A2);
            assertThat(run.recorded()).isTrue();
        });
    }

    @Test
    void aCapacityCutShowsOverallocationThatNobodyRecorded() {
        ResourceView ada = registered()
                .on(allocated(A1, SHOP, 80, MONDAY, MONDAY.plusDays(13), null))
                .on(new ResourceCapacityChangedEvent(RESOURCE, 60, MONDAY.plusDays(7)));

        List<UtilisationPeriod> weeks = ResourceUtilisation.periods(ada, Period.of(MONDAY, MONDAY.plusDays(13)),
                Granularity.WEEK);

        assertThat(weeks.get(0).overallocated()).isFalse();
        assertThat(weeks.get(1).overallocatedDays()).isEqualTo(7);
        assertThat(weeks.get(1).utilisationPercent()).isEqualTo(133.33);
        assertThat(ResourceUtilisation.overallocations(ada, Period.of(MONDAY, MONDAY.plusDays(13))))
                .singleElement().satisfies(run -> {
                    assertThat(run.start()).isEqualTo(MONDAY.plusDays(7));
                    assertThat(run.end()).isEqualTo(MONDAY.plusDays(13));
                    assertThat(run.recorded()).isFalse();
                });
    }

    @Test
    void noCapacityAfterRetirementMeansNoUtilisation() {
        ResourceView ada = registered().on(new ResourceRetiredEvent(RESOURCE, MONDAY));

        UtilisationPeriod week = ResourceUtilisation.periods(ada, Period.of(MONDAY, MONDAY.plusDays(6)),
                Granularity.WEEK).get(0);

        assertThat(week.capacityPercent()).isZero();
        assertThat(week.utilisationPercent()).isNull();
    }

    @Test
    void rangesAreChecked() {
        assertThatThrownBy(() -> ResourceUtilisation.range(MONDAY, MONDAY.minusDays(1)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("to must not be before from");
        assertThatThrownBy(() -> ResourceUtilisation.range(MONDAY, MONDAY.plusDays(ResourceUtilisation.MAX_DAYS)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("at most");
        assertThat(ResourceUtilisation.range(MONDAY, MONDAY).days()).isEqualTo(1);
    }
}
