package dev.portfolioledger.api.changerequest;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw an undecided change request; only its submitter (the actor) may. */
public record WithdrawChangeRequestCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        ChangeRequestId changeRequestId) implements ChangeRequestDecisionCommand {

    public WithdrawChangeRequestCommand {
        Checks.required(projectId, "projectId");
        Checks.required(changeRequestId, "changeRequestId");
    }
}
