package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** From the date on, the resource works this percent of full time (0: not available). */
public record ChangeResourceCapacityCommand(
        @TargetAggregateIdentifier ResourceId resourceId,
        int capacityPercent,
        LocalDate effectiveFrom) {

    public ChangeResourceCapacityCommand {
        Checks.required(resourceId, "resourceId");
        ResourceChecks.percent(capacityPercent, "capacityPercent", 0);
        Checks.date(effectiveFrom, "effectiveFrom");
    }
}
