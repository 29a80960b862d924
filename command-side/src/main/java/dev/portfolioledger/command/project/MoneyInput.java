package dev.portfolioledger.command.project;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.Money;

import java.math.BigDecimal;

/** GraphQL {@code MoneyInput}; the currency code is checked when it becomes {@link Money}. */
public record MoneyInput(BigDecimal amount, String currency) {

    /** The range is checked first, so that Money's own arithmetic never meets an absurd amount. */
    public Money toMoney(String field) {
        return new Money(Checks.amount(amount, field), Checks.currency(currency));
    }
}
