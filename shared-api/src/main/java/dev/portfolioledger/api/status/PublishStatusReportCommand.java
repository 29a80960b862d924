package dev.portfolioledger.api.status;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Publish a status report of a project for a period. A published report is never edited: a
 * correction is a new report that names the one it supersedes (of the same project, not
 * superseded already).
 *
 * @param supersedes the report this one corrects; null for a regular report
 */
public record PublishStatusReportCommand(
        @TargetAggregateIdentifier StatusReportId statusReportId,
        ProjectId projectId,
        LocalDate periodStart,
        LocalDate periodEnd,
        Rag overall,
        Rag scope,
        Rag schedule,
        Rag cost,
        String summary,
        List<String> accomplishments,
        List<String> nextSteps,
        List<String> decisionsNeeded,
        StatusReportId supersedes) {

    /** At most this many items in each list. */
    public static final int ITEMS_MAX = 50;

    public PublishStatusReportCommand {
        Checks.required(statusReportId, "statusReportId");
        Checks.required(projectId, "projectId");
        Checks.date(periodStart, "periodStart");
        Checks.date(periodEnd, "periodEnd");
        if (periodEnd.isBefore(periodStart)) {
            throw Checks.invalid("the report period ends (" + periodEnd + ") before it starts (" + periodStart + ")");
        }
        Checks.required(overall, "overall");
        Checks.required(scope, "scope");
        Checks.required(schedule, "schedule");
        Checks.required(cost, "cost");
        summary = Checks.text(summary, "summary", Checks.TEXT_MAX);
        accomplishments = Checks.texts(accomplishments, "accomplishments", ITEMS_MAX);
        nextSteps = Checks.texts(nextSteps, "nextSteps", ITEMS_MAX);
        decisionsNeeded = Checks.texts(decisionsNeeded, "decisionsNeeded", ITEMS_MAX);
        if (statusReportId.equals(supersedes)) {
            throw Checks.invalid("a report cannot supersede itself");
        }
    }
}
