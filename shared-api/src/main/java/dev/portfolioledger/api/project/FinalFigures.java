package dev.portfolioledger.api.project;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * A project's earned value at the end of its closure date, as the finance views showed it when the
 * closure was decided: budget at completion, actual cost, earned and planned value in the
 * portfolio's currency, and the two indexes derived from them. Carried inside
 * {@link ProjectClosedEvent}, so it checks nothing.
 *
 * @param costPerformanceIndex     CPI = EV / AC, null where undefined (no actual cost)
 * @param schedulePerformanceIndex SPI = EV / PV, null where undefined (nothing planned)
 */
public record FinalFigures(Currency currency, BigDecimal budgetAtCompletion, BigDecimal actualCost,
                           BigDecimal earnedValue, BigDecimal plannedValue, BigDecimal costPerformanceIndex,
                           BigDecimal schedulePerformanceIndex) {
}
