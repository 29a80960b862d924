package dev.portfolioledger.command.portfolio;

/** GraphQL {@code ArchivePortfolioInput}. */
public record ArchivePortfolioInput(String portfolioId, String reason) {
}
