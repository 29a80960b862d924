package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approve a proposed project. */
public record ApproveProjectCommand(@TargetAggregateIdentifier ProjectId projectId) {

    public ApproveProjectCommand {
        Checks.required(projectId, "projectId");
    }
}
