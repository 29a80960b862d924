package dev.portfolioledger.command.resource;

import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.Allocation;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.Period;
import dev.portfolioledger.command.resource.CapacityRule.Load;
import dev.portfolioledger.command.resource.CapacityRule.Overload;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule's arithmetic on its own: what counts as raising a day above capacity. */
class CapacityRuleTest {

    private static final ProjectId PROJECT = new ProjectId(UUID.randomUUID());
    private static final Period JANUARY = Period.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31));

    private static TreeMap<LocalDate, Integer> capacity(int percent) {
        TreeMap<LocalDate, Integer> capacity = new TreeMap<>();
        capacity.put(LocalDate.MIN, percent);
        return capacity;
    }

    private static Allocation allocation(int percent, int first, int last) {
        return new Allocation(AllocationId.random(), PROJECT, percent,
                Period.of(LocalDate.of(2027, 1, first), LocalDate.of(2027, 1, last)));
    }

    @Test
    void aChangeThatRaisesTheLoadAboveCapacityIsReportedAsRunsOfDays() {
        Load before = new Load(capacity(100), List.of(allocation(80, 1, 31)), List.of());
        Load after = new Load(capacity(100), List.of(allocation(80, 1, 31), allocation(30, 10, 12)), List.of());

        assertThat(CapacityRule.raisedAboveCapacity(before, after, JANUARY)).containsExactly(
                new Overload(Period.of(LocalDate.of(2027, 1, 10), LocalDate.of(2027, 1, 12)), 110, 100, false));
    }

    @Test
    void aDayAlreadyOverCapacityThatIsNoWorseIsNotReported() {
        Load over = new Load(capacity(100), List.of(allocation(120, 1, 31)), List.of());
        Load moved = new Load(capacity(100), List.of(allocation(80, 1, 31), allocation(40, 1, 31)), List.of());

        assertThat(CapacityRule.raisedAboveCapacity(over, moved, JANUARY)).isEmpty();
    }

    @Test
    void aDayAlreadyOverCapacityThatGetsWorseIsReported() {
        Load over = new Load(capacity(100), List.of(allocation(120, 1, 31)), List.of());
        Load worse = new Load(capacity(100), List.of(allocation(120, 1, 31), allocation(10, 5, 5)), List.of());

        assertThat(CapacityRule.raisedAboveCapacity(over, worse, JANUARY)).extracting(Overload::days)
                .containsExactly(Period.day(LocalDate.of(2027, 1, 5)));
    }

    @Test
    void aLongWindowIsJudgedPieceByPieceNotDayByDay() {
        Period centuries = Period.of(LocalDate.of(1900, 1, 1), LocalDate.of(2199, 12, 31));
        Load before = new Load(capacity(100), List.of(), List.of());
        Load after = new Load(capacity(100), List.of(new Allocation(AllocationId.random(), PROJECT, 100, centuries),
                allocation(1, 1, 1)), List.of());

        assertThat(CapacityRule.raisedAboveCapacity(before, after, centuries)).extracting(Overload::days)
                .containsExactly(Period.day(LocalDate.of(2027, 1, 1)));
    }
}
