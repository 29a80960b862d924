package dev.portfolioledger.query.portfolio;

import dev.portfolioledger.api.portfolio.PortfolioId;

/**
 * The portfolios as the decisions recorded up to an instant made them, as the portfolio queries read
 * them; the as-of history implements it ({@code asof.PointInTime}).
 */
public interface PortfoliosAsOf {

    /** The portfolio at the instant; null before it was created. */
    PortfolioView portfolio(PortfolioId id);
}
