package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Log hours a resource worked on a project on a date; it must be allocated to it that day. */
public record LogTimeCommand(
        @TargetAggregateIdentifier ResourceId resourceId,
        TimeEntryId timeEntryId,
        ProjectId projectId,
        LocalDate date,
        BigDecimal hours,
        String note) {

    public LogTimeCommand {
        Checks.required(resourceId, "resourceId");
        Checks.required(timeEntryId, "timeEntryId");
        Checks.required(projectId, "projectId");
        Checks.date(date, "date");
        ResourceChecks.hours(hours);
        note = Checks.optionalText(note, "note", Checks.TEXT_MAX);
    }
}
