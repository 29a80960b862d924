package dev.portfolioledger.query.portfolio;

import dev.portfolioledger.api.portfolio.PortfolioArchivedEvent;
import dev.portfolioledger.api.portfolio.PortfolioCreatedEvent;
import dev.portfolioledger.api.portfolio.PortfolioRenamedEvent;

import java.time.Instant;

/**
 * The portfolio view as a left fold over its events: used by the live projection one event at a
 * time, and usable over a stored event stream to rebuild the view as of any instant.
 */
public final class PortfolioViewEvolution {

    private PortfolioViewEvolution() {
    }

    /**
     * The view after {@code event}, recorded at {@code at}. Events that do not change a portfolio
     * view leave {@code before} as it is, so a whole aggregate stream can be folded.
     *
     * @param before the view before the event, null before the portfolio was created
     * @throws IllegalStateException when a change arrives for a portfolio that has no view yet:
     *                               applying it to nothing would hide a lost creation event
     */
    public static PortfolioView apply(PortfolioView before, Object event, Instant at) {
        if (event instanceof PortfolioCreatedEvent e) {
            return PortfolioView.created(e, at);
        }
        if (event instanceof PortfolioRenamedEvent e) {
            return existing(before, event).on(e, at);
        }
        if (event instanceof PortfolioArchivedEvent e) {
            return existing(before, event).on(e, at);
        }
        return before;
    }

    private static PortfolioView existing(PortfolioView before, Object event) {
        if (before == null) {
            throw new IllegalStateException(
                    "No portfolio view to apply " + event.getClass().getSimpleName() + " to");
        }
        return before;
    }
}
