package dev.portfolioledger.api.portfolio;

import org.axonframework.serialization.Revision;

import java.util.Currency;

/** A portfolio was created. */
@Revision("1")
public record PortfolioCreatedEvent(
        PortfolioId portfolioId,
        String name,
        String description,
        Currency currency,
        String owner) {
}
