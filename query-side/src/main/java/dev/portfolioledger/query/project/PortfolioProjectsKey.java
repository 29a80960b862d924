package dev.portfolioledger.query.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;

/** One portfolio's requested page of projects, as a key of the batch that loads many at once. */
public record PortfolioProjectsKey(PortfolioId portfolioId, PageRequest<NameKey> page) {
}
