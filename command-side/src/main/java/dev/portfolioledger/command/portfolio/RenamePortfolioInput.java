package dev.portfolioledger.command.portfolio;

/** GraphQL {@code RenamePortfolioInput}. */
public record RenamePortfolioInput(String portfolioId, String name, String reason) {
}
