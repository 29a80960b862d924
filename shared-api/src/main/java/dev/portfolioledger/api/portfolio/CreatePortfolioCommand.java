package dev.portfolioledger.api.portfolio;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Currency;

/** Create a portfolio; its currency is the currency of everything under it. */
public record CreatePortfolioCommand(
        @TargetAggregateIdentifier PortfolioId portfolioId,
        String name,
        String description,
        Currency currency,
        String owner) {

    public CreatePortfolioCommand {
        Checks.required(portfolioId, "portfolioId");
        name = Checks.name(name, "name");
        description = Checks.optionalText(description, "description", Checks.TEXT_MAX);
        Checks.required(currency, "currency");
        owner = Checks.person(owner, "owner");
    }
}
