package dev.portfolioledger.query.portfolio;

import dev.portfolioledger.api.portfolio.PortfolioArchivedEvent;
import dev.portfolioledger.api.portfolio.PortfolioCreatedEvent;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioRenamedEvent;
import dev.portfolioledger.axon.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps portfolio_view current. The state change itself lives in {@link PortfolioViewEvolution};
 * each handler only loads the row, applies the event and saves the result.
 */
@Component
@ProcessingGroup(ProcessingGroups.VIEWS)
public class PortfolioProjection {

    private final Portfolios portfolios;

    public PortfolioProjection(Portfolios portfolios) {
        this.portfolios = portfolios;
    }

    @EventHandler
    void on(PortfolioCreatedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.portfolioId(), event, at, sequence);
    }

    @EventHandler
    void on(PortfolioRenamedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.portfolioId(), event, at, sequence);
    }

    @EventHandler
    void on(PortfolioArchivedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.portfolioId(), event, at, sequence);
    }

    @ResetHandler
    void reset() {
        portfolios.deleteAll();
    }

    private void evolve(PortfolioId id, Object event, Instant at, long sequence) {
        // an aggregate's first event has nothing before it; skip the read (a replay's upsert guard
        // keeps an existing row consistent)
        PortfolioView before = sequence == 0 ? null : portfolios.find(id).orElse(null);
        portfolios.save(PortfolioViewEvolution.apply(before, event, at), sequence);
    }
}
