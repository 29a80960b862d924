package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** From the date on, an hour of the resource costs this; earlier rates still apply to their dates. */
public record ChangeResourceCostRateCommand(
        @TargetAggregateIdentifier ResourceId resourceId,
        Money costRate,
        LocalDate effectiveFrom) {

    public ChangeResourceCostRateCommand {
        Checks.required(resourceId, "resourceId");
        costRate = Checks.money(costRate, "costRate").requireNonNegative("costRate");
        Checks.date(effectiveFrom, "effectiveFrom");
    }
}
