package dev.portfolioledger.command.project;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.Money;

import java.math.BigDecimal;

/** GraphQL {@code MoneyInput}; the currency code is checked when it becomes {@link Money}. */
public record MoneyInput(BigDecimal amount, String currency) {

    public Money toMoney() {
        return new Money(amount, Checks.currency(currency));
    }
}
