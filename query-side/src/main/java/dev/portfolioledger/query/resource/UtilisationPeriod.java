package dev.portfolioledger.query.resource;

import java.time.LocalDate;

/**
 * One resource's load over one week or month (clipped to the range asked for), in percent of full
 * time averaged over the period's calendar days.
 *
 * @param allocatedPercent   mean of the day's allocations
 * @param capacityPercent    mean of the day's capacity (0 from the retirement date on)
 * @param leaveDays          days of leave, which count as fully allocated
 * @param utilisationPercent allocations plus leave days' capacity, over the capacity, as a percent;
 *                           null when the capacity over the period is 0
 * @param overallocatedDays  days on which allocations plus leave exceed the capacity
 */
public record UtilisationPeriod(LocalDate start, LocalDate end, double allocatedPercent, double capacityPercent,
                                int leaveDays, Double utilisationPercent, int overallocatedDays) {

    public boolean overallocated() {
        return overallocatedDays > 0;
    }
}
