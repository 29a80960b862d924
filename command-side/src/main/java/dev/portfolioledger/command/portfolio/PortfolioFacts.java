package dev.portfolioledger.command.portfolio;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioStatus;

import java.util.Currency;
import java.util.Objects;

/**
 * What the command side knows about a portfolio when deciding about things placed in it. The
 * currency never changes after creation, so what is placed in the portfolio may carry it.
 */
public record PortfolioFacts(PortfolioId portfolioId, PortfolioStatus status, Currency currency) {

    public PortfolioFacts {
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currency, "currency");
    }

    public boolean isArchived() {
        return status == PortfolioStatus.ARCHIVED;
    }
}
