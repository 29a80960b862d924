package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Report a deliverable's percent complete (0-100) as of a status date. The status date is never
 * earlier than the deliverable's previous report; a lower percent than the previous report needs
 * a reason.
 */
public record ReportDeliverableProgressCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        DeliverableId deliverableId,
        int percentComplete,
        LocalDate reportedOn,
        String reason) implements ExecutionCommand {

    public ReportDeliverableProgressCommand {
        Checks.required(projectId, "projectId");
        Checks.required(deliverableId, "deliverableId");
        if (percentComplete < 0 || percentComplete > 100) {
            throw Checks.invalid("percentComplete must be between 0 and 100, was " + percentComplete);
        }
        Checks.date(reportedOn, "reportedOn");
        reason = Checks.reason(reason);
    }
}
