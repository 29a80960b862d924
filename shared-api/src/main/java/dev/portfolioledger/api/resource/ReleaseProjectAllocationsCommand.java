package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Release every allocation of the resource to a project from a date on (sent when the project is
 * closed or cancelled).
 */
public record ReleaseProjectAllocationsCommand(
        @TargetAggregateIdentifier ResourceId resourceId,
        ProjectId projectId,
        LocalDate releaseFrom,
        String reason) {

    public ReleaseProjectAllocationsCommand {
        Checks.required(resourceId, "resourceId");
        Checks.required(projectId, "projectId");
        Checks.date(releaseFrom, "releaseFrom");
        reason = Checks.text(reason, "reason", Checks.REASON_MAX);
    }
}
