package dev.portfolioledger.command.portfolio;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioStatus;

import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The portfolio directory's rules without a database, for aggregate fixtures. */
public class InMemoryPortfolioDirectory implements PortfolioDirectory {

    private final Map<PortfolioId, String> nameKeys = new HashMap<>();
    private final Map<PortfolioId, PortfolioStatus> statuses = new HashMap<>();
    private final Map<PortfolioId, Currency> currencies = new HashMap<>();

    @Override
    public Optional<PortfolioFacts> find(PortfolioId portfolioId) {
        return Optional.ofNullable(statuses.get(portfolioId)).map(status -> new PortfolioFacts(portfolioId, status,
                currencies.get(portfolioId)));
    }

    @Override
    public boolean register(PortfolioId portfolioId, String name, Currency currency) {
        String key = PortfolioDirectory.nameKey(name);
        if (statuses.containsKey(portfolioId) || nameKeys.containsValue(key)) {
            return false;
        }
        nameKeys.put(portfolioId, key);
        statuses.put(portfolioId, PortfolioStatus.ACTIVE);
        currencies.put(portfolioId, currency);
        return true;
    }

    @Override
    public boolean claimName(PortfolioId portfolioId, String name) {
        String key = PortfolioDirectory.nameKey(name);
        boolean heldByAnother = nameKeys.entrySet().stream()
                .anyMatch(entry -> entry.getValue().equals(key) && !entry.getKey().equals(portfolioId));
        if (heldByAnother || !nameKeys.containsKey(portfolioId)) {
            return false;
        }
        nameKeys.put(portfolioId, key);
        return true;
    }

    @Override
    public void markArchived(PortfolioId portfolioId) {
        if (statuses.replace(portfolioId, PortfolioStatus.ARCHIVED) == null) {
            throw new IllegalStateException("no portfolio " + portfolioId);
        }
    }

    /** Test convenience: a portfolio in EUR known to the directory, as if created earlier. */
    public PortfolioId add(PortfolioId portfolioId, String name, PortfolioStatus status) {
        return add(portfolioId, name, status, Currency.getInstance("EUR"));
    }

    /** Test convenience: a portfolio known to the directory, as if created earlier. */
    public PortfolioId add(PortfolioId portfolioId, String name, PortfolioStatus status, Currency currency) {
        nameKeys.put(portfolioId, PortfolioDirectory.nameKey(name));
        statuses.put(portfolioId, status);
        currencies.put(portfolioId, currency);
        return portfolioId;
    }

    @Override
    public Optional<Currency> currencyOf(PortfolioId portfolioId) {
        return Optional.ofNullable(currencies.get(portfolioId));
    }

    public Optional<String> nameKeyOf(PortfolioId portfolioId) {
        return Optional.ofNullable(nameKeys.get(portfolioId));
    }
}
