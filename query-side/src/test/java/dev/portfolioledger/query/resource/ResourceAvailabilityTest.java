package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.LeaveId;
import dev.portfolioledger.api.resource.ResourceAllocatedEvent;
import dev.portfolioledger.api.resource.ResourceCapacityChangedEvent;
import dev.portfolioledger.api.resource.ResourceLeaveRecordedEvent;
import dev.portfolioledger.api.resource.ResourceRetiredEvent;
import org.junit.jupiter.api.Test;

import static dev.portfolioledger.query.resource.ResourceFixtures.APOLLO;
import static dev.portfolioledger.query.resource.ResourceFixtures.GEMINI;
import static dev.portfolioledger.query.resource.ResourceFixtures.REGISTERED;
import static dev.portfolioledger.query.resource.ResourceFixtures.RESOURCE;
import static dev.portfolioledger.query.resource.ResourceFixtures.allocation;
import static dev.portfolioledger.query.resource.ResourceFixtures.day;
import static dev.portfolioledger.query.resource.ResourceFixtures.fold;
import static dev.portfolioledger.query.resource.ResourceFixtures.period;
import static org.assertj.core.api.Assertions.assertThat;

/** Capacity 80 from the start; Apollo 50 over March; Gemini 20 over 15-20 March; leave 1-2 April. */
class ResourceAvailabilityTest {

    private static final ResourceView BUSY = fold(
            REGISTERED,
            new ResourceAllocatedEvent(RESOURCE, allocation(AllocationId.random(), APOLLO, 50, "2027-03-01",
                                                            "2027-03-31"), null, null),
            new ResourceAllocatedEvent(RESOURCE, allocation(AllocationId.random(), GEMINI, 20, "2027-03-15",
                                                            "2027-03-20"), null, null),
            new ResourceLeaveRecordedEvent(RESOURCE, LeaveId.random(), period("2027-04-01", "2027-04-02"), null));

    @Test
    void freeIsCapacityMinusTheAllocationsOfTheDay() {
        assertThat(ResourceAvailability.freePercentOn(BUSY, day("2027-02-28"))).isEqualTo(80);
        assertThat(ResourceAvailability.freePercentOn(BUSY, day("2027-03-01"))).isEqualTo(30);
        assertThat(ResourceAvailability.freePercentOn(BUSY, day("2027-03-14"))).isEqualTo(30);
        assertThat(ResourceAvailability.freePercentOn(BUSY, day("2027-03-15"))).isEqualTo(10);
        assertThat(ResourceAvailability.freePercentOn(BUSY, day("2027-03-20"))).isEqualTo(10);
        assertThat(ResourceAvailability.freePercentOn(BUSY, day("2027-03-21"))).isEqualTo(30);
        assertThat(ResourceAvailability.freePercentOn(BUSY, day("2027-03-31"))).isEqualTo(30);
    }

    @Test
    void aDayOfLeaveHasNothingFreeFromItsFirstToItsLastDay() {
        assertThat(ResourceAvailability.freePercentOn(BUSY, day("2027-03-31"))).isEqualTo(30);
        assertThat(ResourceAvailability.freePercentOn(BUSY, day("2027-04-01"))).isZero();
        assertThat(ResourceAvailability.freePercentOn(BUSY, day("2027-04-02"))).isZero();
        assertThat(ResourceAvailability.freePercentOn(BUSY, day("2027-04-03"))).isEqualTo(80);
    }

    @Test
    void aPeriodEndingTheDayBeforeAnAllocationStartsIsWhollyFree() {
        assertThat(ResourceAvailability.leastFreePercent(BUSY, period("2027-02-01", "2027-02-28"))).isEqualTo(80);
        assertThat(ResourceAvailability.isFree(BUSY, 80, period("2027-02-01", "2027-02-28"))).isTrue();
    }

    @Test
    void thePeriodsLastDayCounts() {
        assertThat(ResourceAvailability.leastFreePercent(BUSY, period("2027-02-01", "2027-03-01"))).isEqualTo(30);
        assertThat(ResourceAvailability.isFree(BUSY, 31, period("2027-02-01", "2027-03-01"))).isFalse();
        assertThat(ResourceAvailability.isFree(BUSY, 30, period("2027-02-01", "2027-03-01"))).isTrue();
    }

    @Test
    void thePeriodsFirstDayCountsWhenItIsInsideAnAllocation() {
        assertThat(ResourceAvailability.leastFreePercent(BUSY, period("2027-03-20", "2027-03-25"))).isEqualTo(10);
        assertThat(ResourceAvailability.leastFreePercent(BUSY, period("2027-03-21", "2027-03-25"))).isEqualTo(30);
    }

    @Test
    void anAllocationsLastDayCountsAndTheDayAfterIsFreeAgain() {
        assertThat(ResourceAvailability.leastFreePercent(BUSY, period("2027-03-10", "2027-03-15"))).isEqualTo(10);
        assertThat(ResourceAvailability.leastFreePercent(BUSY, period("2027-04-03", "2027-12-31"))).isEqualTo(80);
    }

    @Test
    void oneDayOfLeaveInALongPeriodMakesItNotFree() {
        assertThat(ResourceAvailability.isFree(BUSY, 1, period("2027-04-02", "2028-12-31"))).isFalse();
        assertThat(ResourceAvailability.isFree(BUSY, 1, period("2027-04-03", "2028-12-31"))).isTrue();
    }

    @Test
    void aCapacityChangeInsideThePeriodCountsFromItsDate() {
        ResourceView reduced = fold(REGISTERED, new ResourceCapacityChangedEvent(RESOURCE, 40, day("2027-06-10")));

        assertThat(ResourceAvailability.leastFreePercent(reduced, period("2027-06-01", "2027-06-09"))).isEqualTo(80);
        assertThat(ResourceAvailability.leastFreePercent(reduced, period("2027-06-01", "2027-06-10"))).isEqualTo(40);
    }

    @Test
    void nothingIsFreeFromTheRetirementDateOn() {
        ResourceView retired = fold(REGISTERED, new ResourceRetiredEvent(RESOURCE, day("2027-09-30")));

        assertThat(ResourceAvailability.leastFreePercent(retired, period("2027-09-01", "2027-09-29"))).isEqualTo(80);
        assertThat(ResourceAvailability.leastFreePercent(retired, period("2027-09-01", "2027-09-30"))).isZero();
    }

    @Test
    void anOverallocatedDayIsLessThanNothingFree() {
        ResourceView over = fold(REGISTERED, new ResourceAllocatedEvent(
                RESOURCE, allocation(AllocationId.random(), APOLLO, 100, "2027-05-03", "2027-05-03"), "Go-live",
                java.util.List.of(period("2027-05-03", "2027-05-03"))));

        assertThat(ResourceAvailability.freePercentOn(over, day("2027-05-03"))).isEqualTo(-20);
    }
}
