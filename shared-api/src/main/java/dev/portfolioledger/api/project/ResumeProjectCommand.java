package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Resume a project that is on hold. */
public record ResumeProjectCommand(@TargetAggregateIdentifier ProjectId projectId) {

    public ResumeProjectCommand {
        Checks.required(projectId, "projectId");
    }
}
