package dev.portfolioledger.api.portfolio;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Archive a portfolio: it stays readable but takes no new programs or projects. */
public record ArchivePortfolioCommand(@TargetAggregateIdentifier PortfolioId portfolioId) {

    public ArchivePortfolioCommand {
        Checks.required(portfolioId, "portfolioId");
    }
}
