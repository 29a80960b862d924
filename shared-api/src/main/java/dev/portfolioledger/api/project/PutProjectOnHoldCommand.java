package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put an active project on hold. */
public record PutProjectOnHoldCommand(@TargetAggregateIdentifier ProjectId projectId) {

    public PutProjectOnHoldCommand {
        Checks.required(projectId, "projectId");
    }
}
