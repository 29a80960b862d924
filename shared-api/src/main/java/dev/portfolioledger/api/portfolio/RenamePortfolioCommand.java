package dev.portfolioledger.api.portfolio;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a portfolio a new, still unique, name. */
public record RenamePortfolioCommand(@TargetAggregateIdentifier PortfolioId portfolioId, String name) {

    public RenamePortfolioCommand {
        Checks.required(portfolioId, "portfolioId");
        name = Checks.name(name, "name");
    }
}
