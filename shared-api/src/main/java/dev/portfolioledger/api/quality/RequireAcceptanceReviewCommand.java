package dev.portfolioledger.api.quality;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.PlanningCommand;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Choose which kind of passed review a deliverable needs before it may be accepted (UAT unless
 * chosen otherwise). Part of the plan: only while the project is PROPOSED.
 */
public record RequireAcceptanceReviewCommand(@TargetAggregateIdentifier ProjectId projectId, ReviewKind kind)
        implements PlanningCommand {

    public RequireAcceptanceReviewCommand {
        Checks.required(projectId, "projectId");
        Checks.required(kind, "kind");
    }
}
