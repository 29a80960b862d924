package dev.portfolioledger.api.portfolio;

/** Lifecycle of a portfolio: an archived portfolio takes no new programs or projects. */
public enum PortfolioStatus {
    ACTIVE,
    ARCHIVED
}
