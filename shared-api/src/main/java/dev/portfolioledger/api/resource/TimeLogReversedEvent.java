package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A time log entry was reversed (a ledger correction: the entry stays, this cancels it); the
 * entry's project, date, hours and cost are repeated so readers need no lookup.
 */
@Revision("1")
public record TimeLogReversedEvent(
        ResourceId resourceId,
        TimeEntryId timeEntryId,
        ProjectId projectId,
        LocalDate date,
        BigDecimal hours,
        Money cost,
        String reason) implements ResourceEvent {
}
