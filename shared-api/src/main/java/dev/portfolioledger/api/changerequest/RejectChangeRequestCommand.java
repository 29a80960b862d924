package dev.portfolioledger.api.changerequest;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reject an assessed change request, giving the reason. The rejecter is the actor. */
public record RejectChangeRequestCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        ChangeRequestId changeRequestId,
        String reason) implements ChangeRequestDecisionCommand {

    public RejectChangeRequestCommand {
        Checks.required(projectId, "projectId");
        Checks.required(changeRequestId, "changeRequestId");
        reason = Checks.text(reason, "reason", Checks.REASON_MAX);
    }
}
