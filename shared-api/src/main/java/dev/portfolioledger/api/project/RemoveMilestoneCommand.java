package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Drop a planned milestone of a proposed project. */
public record RemoveMilestoneCommand(@TargetAggregateIdentifier ProjectId projectId, MilestoneId milestoneId)
        implements PlanningCommand {

    public RemoveMilestoneCommand {
        Checks.required(projectId, "projectId");
        Checks.required(milestoneId, "milestoneId");
    }
}
