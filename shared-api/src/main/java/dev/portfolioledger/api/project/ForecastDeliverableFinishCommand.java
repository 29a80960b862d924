package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Forecast a new expected finish date of a deliverable, with the reason (required). */
public record ForecastDeliverableFinishCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        DeliverableId deliverableId,
        LocalDate expectedFinish,
        String reason) implements ExecutionCommand {

    public ForecastDeliverableFinishCommand {
        Checks.required(projectId, "projectId");
        Checks.required(deliverableId, "deliverableId");
        Checks.date(expectedFinish, "expectedFinish");
        reason = Checks.text(reason, "reason", Checks.REASON_MAX);
    }
}
