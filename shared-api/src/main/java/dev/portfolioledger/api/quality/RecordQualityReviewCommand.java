package dev.portfolioledger.api.quality;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.ExecutionCommand;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record the outcome of a quality review of a deliverable of the current scope of an ACTIVE project.
 *
 * @param findings what the review found (at most {@link Checks#TEXT_MAX} characters); null if nothing to note
 * @param reviewer who reviewed (a person's name)
 */
public record RecordQualityReviewCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        DeliverableId deliverableId,
        ReviewKind kind,
        ReviewOutcome outcome,
        String findings,
        String reviewer) implements ExecutionCommand {

    public RecordQualityReviewCommand {
        Checks.required(projectId, "projectId");
        Checks.required(deliverableId, "deliverableId");
        Checks.required(kind, "kind");
        Checks.required(outcome, "outcome");
        findings = Checks.optionalText(findings, "findings", Checks.TEXT_MAX);
        reviewer = Checks.person(reviewer, "reviewer");
    }
}
