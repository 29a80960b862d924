package dev.portfolioledger.query.finance;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount of earned-value arithmetic in the portfolio's currency, shown as GraphQL {@code Money}.
 * Unlike {@code api.Money} (what a command may carry) it keeps more decimals than the currency's
 * minor units: PV and the estimates are exact, rounded only for display.
 */
public record Amount(BigDecimal amount, Currency currency) {
}
