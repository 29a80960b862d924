package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** End an allocation the day before releaseFrom (all of it when releaseFrom is on or before its start). */
public record ReleaseResourceCommand(
        @TargetAggregateIdentifier ResourceId resourceId,
        AllocationId allocationId,
        LocalDate releaseFrom,
        String reason) {

    public ReleaseResourceCommand {
        Checks.required(resourceId, "resourceId");
        Checks.required(allocationId, "allocationId");
        Checks.date(releaseFrom, "releaseFrom");
        reason = Checks.optionalText(reason, "reason", Checks.REASON_MAX);
    }
}
