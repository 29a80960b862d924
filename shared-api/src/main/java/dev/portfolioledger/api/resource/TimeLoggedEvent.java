package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The resource worked hours on a project on a date; cost is hours × the rate in effect on that
 * date (rate), in the portfolio's currency.
 */
@Revision("1")
public record TimeLoggedEvent(
        ResourceId resourceId,
        TimeEntryId timeEntryId,
        ProjectId projectId,
        LocalDate date,
        BigDecimal hours,
        String note,
        Money rate,
        Money cost) implements ResourceEvent {
}
