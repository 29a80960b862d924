package dev.portfolioledger.api.quality;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.ExecutionCommand;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Accept a deliverable of the current scope of an ACTIVE project, on behalf of the authenticated
 * user (the command's {@code actor} metadata, never an argument).
 *
 * @param note any remark kept with the acceptance (at most {@link Checks#TEXT_MAX} characters); null if none
 */
public record AcceptDeliverableCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        DeliverableId deliverableId,
        String note) implements ExecutionCommand {

    public AcceptDeliverableCommand {
        Checks.required(projectId, "projectId");
        Checks.required(deliverableId, "deliverableId");
        note = Checks.optionalText(note, "note", Checks.TEXT_MAX);
    }
}
