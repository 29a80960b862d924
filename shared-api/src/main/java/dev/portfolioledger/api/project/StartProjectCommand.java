package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start an approved project. */
public record StartProjectCommand(@TargetAggregateIdentifier ProjectId projectId) {

    public StartProjectCommand {
        Checks.required(projectId, "projectId");
    }
}
