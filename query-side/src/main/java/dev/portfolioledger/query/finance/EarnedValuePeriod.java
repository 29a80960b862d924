package dev.portfolioledger.query.finance;

import java.time.LocalDate;

/** The figures at the end of one period of a series (GraphQL {@code EarnedValuePeriod}). */
public record EarnedValuePeriod(LocalDate periodEnd, EarnedValueFigures figures) {
}
