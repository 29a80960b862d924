package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Drop a planned deliverable of a proposed project; milestones stop referring to it. */
public record RemoveDeliverableCommand(@TargetAggregateIdentifier ProjectId projectId, DeliverableId deliverableId)
        implements PlanningCommand {

    public RemoveDeliverableCommand {
        Checks.required(projectId, "projectId");
        Checks.required(deliverableId, "deliverableId");
    }
}
