package dev.portfolioledger.command.portfolio;

/** GraphQL {@code CreatePortfolioInput}; shape rules are checked by the command it becomes. */
public record CreatePortfolioInput(String portfolioId, String name, String description, String currency,
                                   String owner, String reason) {
}
