package dev.portfolioledger.api.portfolio;

import org.axonframework.serialization.Revision;

/** A portfolio was archived. */
@Revision("1")
public record PortfolioArchivedEvent(PortfolioId portfolioId) {
}
