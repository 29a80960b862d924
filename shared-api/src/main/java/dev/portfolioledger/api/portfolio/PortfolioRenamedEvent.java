package dev.portfolioledger.api.portfolio;

import org.axonframework.serialization.Revision;

/** A portfolio was given a new name. */
@Revision("1")
public record PortfolioRenamedEvent(PortfolioId portfolioId, String previousName, String name) {
}
