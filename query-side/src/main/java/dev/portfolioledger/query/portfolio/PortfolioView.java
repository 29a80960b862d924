package dev.portfolioledger.query.portfolio;

import dev.portfolioledger.api.portfolio.PortfolioArchivedEvent;
import dev.portfolioledger.api.portfolio.PortfolioCreatedEvent;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioRenamedEvent;
import dev.portfolioledger.api.portfolio.PortfolioStatus;

import java.time.Instant;

/**
 * A portfolio as its events make it. The factory and the {@code on} methods are the whole
 * projection logic and are pure, so a past state is the same fold over fewer events.
 */
public record PortfolioView(
        PortfolioId id,
        String name,
        String description,
        String currency,
        String owner,
        PortfolioStatus status,
        Instant createdAt,
        Instant updatedAt) {

    public static PortfolioView created(PortfolioCreatedEvent e, Instant at) {
        return new PortfolioView(e.portfolioId(), e.name(), e.description(), e.currency().getCurrencyCode(),
                                 e.owner(), PortfolioStatus.ACTIVE, at, at);
    }

    public PortfolioView on(PortfolioRenamedEvent e, Instant at) {
        return new PortfolioView(id, e.name(), description, currency, owner, status, createdAt, at);
    }

    public PortfolioView on(PortfolioArchivedEvent e, Instant at) {
        return new PortfolioView(id, name, description, currency, owner, PortfolioStatus.ARCHIVED, createdAt, at);
    }
}
