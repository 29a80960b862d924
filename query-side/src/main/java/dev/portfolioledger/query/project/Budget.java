package dev.portfolioledger.query.project;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.project.BudgetLine;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * A project's budget as GraphQL shows it: the planned lines and their sum, the budget at
 * completion (BAC).
 *
 * @param total in the portfolio's currency, which every line uses too; zero without lines
 */
public record Budget(List<BudgetLine> lines, Money total) {

    public Budget {
        lines = List.copyOf(lines);
    }

    public static Budget of(List<BudgetLine> lines, Currency portfolioCurrency) {
        BigDecimal sum = lines.stream().map(l -> l.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Budget(lines, new Money(sum, portfolioCurrency));
    }
}
