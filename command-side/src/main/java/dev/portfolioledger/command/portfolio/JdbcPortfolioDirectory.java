package dev.portfolioledger.command.portfolio;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Currency;
import java.util.Optional;

/**
 * {@link PortfolioDirectory} in the {@code portfolio_directory} table. It runs on the
 * command's own transaction (Axon opens it; JdbcTemplate joins it), so a refused or failed
 * command leaves no trace here.
 */
@Component
class JdbcPortfolioDirectory implements PortfolioDirectory {

    private final JdbcTemplate jdbc;

    JdbcPortfolioDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PortfolioFacts> find(PortfolioId portfolioId) {
        return jdbc.query("SELECT status, currency FROM portfolio_directory WHERE portfolio_id = ? FOR SHARE",
                        (rs, row) -> new PortfolioFacts(portfolioId, PortfolioStatus.valueOf(rs.getString(1)),
                                Currency.getInstance(rs.getString(2))),
                        portfolioId.value())
                .stream().findFirst();
    }

    @Override
    public Optional<Currency> currencyOf(PortfolioId portfolioId) {
        return jdbc.query("SELECT currency FROM portfolio_directory WHERE portfolio_id = ?",
                        (rs, row) -> Currency.getInstance(rs.getString(1)), portfolioId.value())
                .stream().findFirst();
    }

    @Override
    public boolean register(PortfolioId portfolioId, String name, Currency currency) {
        // ON CONFLICT waits for a concurrent claim of the same name or id to commit or roll back,
        // so two commands can never both succeed.
        return jdbc.update("INSERT INTO portfolio_directory (portfolio_id, name_key, status, currency)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                portfolioId.value(), PortfolioDirectory.nameKey(name), PortfolioStatus.ACTIVE.name(),
                currency.getCurrencyCode()) == 1;
    }

    @Override
    public boolean claimName(PortfolioId portfolioId, String name) {
        String key = PortfolioDirectory.nameKey(name);
        try {
            return jdbc.update("UPDATE portfolio_directory SET name_key = ? WHERE portfolio_id = ?"
                            + " AND NOT EXISTS (SELECT 1 FROM portfolio_directory other"
                            + " WHERE other.name_key = ? AND other.portfolio_id <> ?)",
                    key, portfolioId.value(), key, portfolioId.value()) == 1;
        } catch (DuplicateKeyException raceLost) {
            // A concurrent command claimed the name after our NOT EXISTS check; the unique key
            // decided. The transaction is aborted, which is fine: the command is refused.
            return false;
        }
    }

    @Override
    public void markArchived(PortfolioId portfolioId) {
        int updated = jdbc.update("UPDATE portfolio_directory SET status = ? WHERE portfolio_id = ?",
                PortfolioStatus.ARCHIVED.name(), portfolioId.value());
        if (updated != 1) {
            // Silently skipping would let programs and projects into an archived portfolio.
            throw new IllegalStateException("portfolio_directory has no row for portfolio " + portfolioId);
        }
    }
}
