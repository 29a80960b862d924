package dev.portfolioledger.api.changerequest;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approve an assessed change request, revising the baseline. The approver is the actor. */
public record ApproveChangeRequestCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        ChangeRequestId changeRequestId) implements ChangeRequestDecisionCommand {

    public ApproveChangeRequestCommand {
        Checks.required(projectId, "projectId");
        Checks.required(changeRequestId, "changeRequestId");
    }
}
