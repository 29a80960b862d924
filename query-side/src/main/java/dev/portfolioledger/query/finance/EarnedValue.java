package dev.portfolioledger.query.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The earned-value arithmetic of one deliverable (DESIGN.md, Money and earned value), pure: the
 * live reads, the as-of reads and the tests' fold of the events all use it, and the one SQL
 * aggregate over a portfolio ({@link EarnedValueReads}) spells exactly the same operations, so
 * both give equal numbers with equal scales.
 *
 * <p>Scales, chosen so that no sum is ever rounded:
 * <ul>
 *   <li>the elapsed share of a planned duration is rounded half up to {@link #SHARE_SCALE}
 *       decimals (half up because PostgreSQL's {@code round(numeric)} rounds half away from zero,
 *       and shares are never negative);</li>
 *   <li>PV = planned cost × that share, exact (scale of the cost + 10);</li>
 *   <li>EV = planned cost × percent / 100, exact (scale of the cost + 2);</li>
 *   <li>sums of PV, EV, AC and BAC are exact; ratios and estimates derived from them are in
 *       {@link EarnedValueFigures}.</li>
 * </ul>
 * Money is rounded only for display, by whoever displays it.
 */
public final class EarnedValue {

    /** Decimals of the elapsed share of a planned duration (0..1). */
    public static final int SHARE_SCALE = 10;

    private static final BigDecimal PERCENT = BigDecimal.ONE.movePointLeft(2);

    private EarnedValue() {
    }

    /**
     * The share of the planned window {@code start..finish} (both days included, as plans count
     * them) elapsed by the end of day {@code at}: 0 before the start, 1 from the finish on. A
     * window whose finish is before its start counts as one day.
     */
    public static BigDecimal elapsedShare(LocalDate start, LocalDate finish, LocalDate at) {
        long duration = Math.max(1, ChronoUnit.DAYS.between(start, finish) + 1);
        long elapsed = Math.min(duration, Math.max(0, ChronoUnit.DAYS.between(start, at) + 1));
        return BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(duration), SHARE_SCALE, RoundingMode.HALF_UP);
    }

    /** PV of a deliverable at the end of day {@code at}: its planned cost × the elapsed share of its window. */
    public static BigDecimal plannedValue(BigDecimal plannedCost, LocalDate start, LocalDate finish, LocalDate at) {
        return plannedCost.multiply(elapsedShare(start, finish, at));
    }

    /** EV of a deliverable reported {@code percent} complete (0-100). */
    public static BigDecimal earnedValue(BigDecimal plannedCost, int percent) {
        return plannedCost.multiply(BigDecimal.valueOf(percent).multiply(PERCENT));
    }

    /**
     * The report that counts at the end of day {@code at}: the latest dated on or before it (of
     * reports with one date, the one recorded last); null before the first.
     *
     * @param reports in the order they were recorded
     */
    public static ProgressReport reportAt(List<ProgressReport> reports, LocalDate at) {
        ProgressReport counted = null;
        for (ProgressReport report : reports) {
            if (!report.reportedOn().isAfter(at)
                    && (counted == null || !report.reportedOn().isBefore(counted.reportedOn()))) {
                counted = report;
            }
        }
        return counted;
    }

    /** A deliverable's percent complete as of a status date. */
    public record ProgressReport(int percentComplete, LocalDate reportedOn) {
    }
}
