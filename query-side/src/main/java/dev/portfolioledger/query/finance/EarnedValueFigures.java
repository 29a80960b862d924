package dev.portfolioledger.query.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * BAC, PV, EV and AC of a deliverable, a project or a roll-up at one date, and what DESIGN.md
 * derives from them. A roll-up {@link #plus sums} the four and derives its ratios from the sums,
 * never from the ratios of its parts. Every derived figure is null when it is undefined (a
 * division by zero), never an exception or an infinity.
 *
 * <p>Ratios (CPI, SPI, TCPI) and EAC are rounded half even to {@link #DERIVED_SCALE} decimals;
 * EAC is computed as BAC × AC / EV (not BAC / the rounded CPI), ETC = EAC − AC and VAC = BAC − EAC
 * exactly from it.
 *
 * @param at         the status date: the figures are those at the end of this day
 * @param actualCostAmount null where costs are not attributed (a deliverable: expenses and time are
 *                   booked to the project), and then every figure that needs AC is null too
 */
public record EarnedValueFigures(LocalDate at, Currency currency, BigDecimal budgetAtCompletionAmount,
                                 BigDecimal plannedValueAmount, BigDecimal earnedValueAmount,
                                 BigDecimal actualCostAmount) {

    /** Decimals of the ratios and of EAC. */
    public static final int DERIVED_SCALE = 10;

    public EarnedValueFigures {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(budgetAtCompletionAmount, "budgetAtCompletion");
        Objects.requireNonNull(plannedValueAmount, "plannedValue");
        Objects.requireNonNull(earnedValueAmount, "earnedValue");
    }

    /** Nothing planned, earned or spent. */
    public static EarnedValueFigures zero(LocalDate at, Currency currency) {
        return new EarnedValueFigures(at, currency, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** The roll-up of this and {@code other} (of the same date): the four sums (AC unknown if either's is). */
    public EarnedValueFigures plus(EarnedValueFigures other) {
        return new EarnedValueFigures(at, currency, budgetAtCompletionAmount.add(other.budgetAtCompletionAmount),
                                      plannedValueAmount.add(other.plannedValueAmount),
                                      earnedValueAmount.add(other.earnedValueAmount),
                                      actualCostAmount == null || other.actualCostAmount == null
                                              ? null : actualCostAmount.add(other.actualCostAmount));
    }

    public Amount budgetAtCompletion() {
        return amount(budgetAtCompletionAmount);
    }

    public Amount plannedValue() {
        return amount(plannedValueAmount);
    }

    public Amount earnedValue() {
        return amount(earnedValueAmount);
    }

    public Amount actualCost() {
        return amount(actualCostAmount);
    }

    /** CV = EV − AC. */
    public Amount costVariance() {
        return actualCostAmount == null ? null : amount(earnedValueAmount.subtract(actualCostAmount));
    }

    /** SV = EV − PV. */
    public Amount scheduleVariance() {
        return amount(earnedValueAmount.subtract(plannedValueAmount));
    }

    /** CPI = EV / AC; null without actual cost. */
    public BigDecimal costPerformanceIndex() {
        return ratio(earnedValueAmount, actualCostAmount);
    }

    /** SPI = EV / PV; null while nothing is planned to be done. */
    public BigDecimal schedulePerformanceIndex() {
        return ratio(earnedValueAmount, plannedValueAmount);
    }

    /** EAC = BAC / CPI = BAC × AC / EV; null while CPI is null or zero. */
    public Amount estimateAtCompletion() {
        BigDecimal eac = estimateAtCompletionAmount();
        return eac == null ? null : amount(eac);
    }

    /** ETC = EAC − AC. */
    public Amount estimateToComplete() {
        BigDecimal eac = estimateAtCompletionAmount();
        return eac == null ? null : amount(eac.subtract(actualCostAmount));
    }

    /** VAC = BAC − EAC. */
    public Amount varianceAtCompletion() {
        BigDecimal eac = estimateAtCompletionAmount();
        return eac == null ? null : amount(budgetAtCompletionAmount.subtract(eac));
    }

    /** TCPI = (BAC − EV) / (BAC − AC); null when the budget is spent exactly. */
    public BigDecimal toCompletePerformanceIndex() {
        return actualCostAmount == null ? null : ratio(budgetAtCompletionAmount.subtract(earnedValueAmount),
                                                       budgetAtCompletionAmount.subtract(actualCostAmount));
    }

    BigDecimal estimateAtCompletionAmount() {
        if (actualCostAmount == null || actualCostAmount.signum() == 0 || earnedValueAmount.signum() == 0) {
            return null;
        }
        return budgetAtCompletionAmount.multiply(actualCostAmount)
                .divide(earnedValueAmount, DERIVED_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal ratio(BigDecimal dividend, BigDecimal divisor) {
        if (divisor == null || divisor.signum() == 0) {
            return null;
        }
        return dividend.divide(divisor, DERIVED_SCALE, RoundingMode.HALF_EVEN);
    }

    private Amount amount(BigDecimal value) {
        return value == null ? null : new Amount(value, currency);
    }
}
