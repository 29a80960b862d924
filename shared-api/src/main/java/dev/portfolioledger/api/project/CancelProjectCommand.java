package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancel an open project; the reason is required and kept on record. */
public record CancelProjectCommand(@TargetAggregateIdentifier ProjectId projectId, String reason) {

    public CancelProjectCommand {
        Checks.required(projectId, "projectId");
        reason = Checks.text(reason, "reason", Checks.REASON_MAX);
    }
}
