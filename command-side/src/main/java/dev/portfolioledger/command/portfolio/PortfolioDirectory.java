package dev.portfolioledger.command.portfolio;

import dev.portfolioledger.api.portfolio.PortfolioId;

import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * The command side's own record of which portfolios exist, their status and which names they
 * hold. Commands consult it for set-based rules (unique names, "the portfolio exists and is not
 * archived") because the query side's views lag behind the event store.
 */
public interface PortfolioDirectory {

    /**
     * The portfolio's facts. Implementations backed by a database hold a shared lock on the row
     * until the command's transaction ends, so an archive cannot slip in between this check and
     * the events that rely on it.
     */
    Optional<PortfolioFacts> find(PortfolioId portfolioId);

    /**
     * The portfolio's currency, which never changes after creation (so no lock is taken).
     *
     * @return empty when no such portfolio exists
     */
    Optional<Currency> currencyOf(PortfolioId portfolioId);

    /**
     * Records a new, active portfolio holding the name, with the currency all money under it uses.
     *
     * @return false, recording nothing, when the id is already known or another portfolio holds
     *         the name
     */
    boolean register(PortfolioId portfolioId, String name, Currency currency);

    /**
     * Moves the portfolio to the name, releasing the one it held.
     *
     * @return false, changing nothing, when another portfolio holds the name
     */
    boolean claimName(PortfolioId portfolioId, String name);

    void markArchived(PortfolioId portfolioId);

    /**
     * Names are unique ignoring case and surrounding whitespace: "Growth " and "growth" are the
     * same name.
     */
    static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
