package dev.portfolioledger.command.portfolio;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioStatus;

import java.util.Objects;

/** What the command side knows about a portfolio when deciding about things placed in it. */
public record PortfolioFacts(PortfolioId portfolioId, PortfolioStatus status) {

    public PortfolioFacts {
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(status, "status");
    }

    public boolean isArchived() {
        return status == PortfolioStatus.ARCHIVED;
    }
}
