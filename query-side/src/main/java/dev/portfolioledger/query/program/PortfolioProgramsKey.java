package dev.portfolioledger.query.program;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;

/** One portfolio's requested page of programs, as a key of the batch that loads many at once. */
public record PortfolioProgramsKey(PortfolioId portfolioId, PageRequest<NameKey> page) {
}
