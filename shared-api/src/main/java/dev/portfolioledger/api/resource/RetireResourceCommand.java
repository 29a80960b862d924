package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Retire a resource: no allocation on or after the date. */
public record RetireResourceCommand(
        @TargetAggregateIdentifier ResourceId resourceId,
        LocalDate retiredFrom) {

    public RetireResourceCommand {
        Checks.required(resourceId, "resourceId");
        Checks.date(retiredFrom, "retiredFrom");
    }
}
