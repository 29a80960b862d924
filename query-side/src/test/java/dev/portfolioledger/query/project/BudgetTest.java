package dev.portfolioledger.query.project;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.project.BudgetLine;
import dev.portfolioledger.api.project.CostCategory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void totalIsTheSumOfTheLines() {
        Budget budget = Budget.of(List.of(new BudgetLine(CostCategory.LABOUR, Money.of("50000", "EUR")),
                                          new BudgetLine(CostCategory.CONTINGENCY, Money.of("5000.50", "EUR"))),
                                  EUR);

        assertThat(budget.total().amount()).isEqualByComparingTo("55000.50");
        assertThat(budget.total().currency()).isEqualTo(EUR);
    }

    @Test
    void totalIsZeroInThePortfolioCurrencyWithoutLines() {
        Budget budget = Budget.of(List.of(), Currency.getInstance("CHF"));

        assertThat(budget.lines()).isEmpty();
        assertThat(budget.total()).isEqualTo(new Money(BigDecimal.ZERO, Currency.getInstance("CHF")));
    }
}
