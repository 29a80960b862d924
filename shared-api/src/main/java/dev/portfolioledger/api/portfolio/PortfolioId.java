package dev.portfolioledger.api.portfolio;

import dev.portfolioledger.api.Checks;

import java.util.Objects;
import java.util.UUID;

/** Identifies a portfolio. Its string form is the bare UUID, which is also the aggregate identifier. */
public record PortfolioId(UUID value) {

    public PortfolioId {
        Objects.requireNonNull(value, "PortfolioId value");
    }

    public static PortfolioId of(String value) {
        return new PortfolioId(Checks.uuid(value, "portfolio id"));
    }

    public static PortfolioId random() {
        return new PortfolioId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
