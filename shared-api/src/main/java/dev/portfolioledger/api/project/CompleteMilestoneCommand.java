package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record that a milestone was reached, on its actual date (once). */
public record CompleteMilestoneCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        MilestoneId milestoneId,
        LocalDate actualDate) implements ExecutionCommand {

    public CompleteMilestoneCommand {
        Checks.required(projectId, "projectId");
        Checks.required(milestoneId, "milestoneId");
        Checks.date(actualDate, "actualDate");
    }
}
