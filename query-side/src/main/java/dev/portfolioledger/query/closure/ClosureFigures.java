package dev.portfolioledger.query.closure;

import dev.portfolioledger.api.project.FinalFigures;
import dev.portfolioledger.query.finance.Amount;

import java.math.BigDecimal;
import java.time.LocalDate;

/** GraphQL {@code ClosureFigures}: a closure's final figures, the amounts as {@code Money}. */
public record ClosureFigures(LocalDate statusDate, Amount budgetAtCompletion, Amount actualCost, Amount earnedValue,
                             Amount plannedValue, BigDecimal costPerformanceIndex,
                             BigDecimal schedulePerformanceIndex) {

    static ClosureFigures of(LocalDate statusDate, FinalFigures figures) {
        return new ClosureFigures(statusDate, amount(figures.budgetAtCompletion(), figures),
                                  amount(figures.actualCost(), figures), amount(figures.earnedValue(), figures),
                                  amount(figures.plannedValue(), figures), figures.costPerformanceIndex(),
                                  figures.schedulePerformanceIndex());
    }

    private static Amount amount(BigDecimal value, FinalFigures figures) {
        return value == null ? null : new Amount(value, figures.currency());
    }
}
