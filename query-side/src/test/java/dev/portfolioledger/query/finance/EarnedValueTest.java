package dev.portfolioledger.query.finance;

import dev.portfolioledger.query.finance.EarnedValue.ProgressReport;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Earned value on hand-computed examples; every expected figure is worked out in the comment above it. */
class EarnedValueTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate JAN_1 = LocalDate.of(2027, 1, 1);
    private static final LocalDate JAN_10 = LocalDate.of(2027, 1, 10);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static EarnedValueFigures figures(String bac, String pv, String ev, String ac) {
        return new EarnedValueFigures(JAN_10, EUR, d(bac), d(pv), d(ev), ac == null ? null : d(ac));
    }

    @Test
    void plannedValueIsTheCostTimesTheElapsedShareOfTheWindowWithBothEndsCounted() {
        // Jan 1..Jan 10 is 10 days; by the end of Jan 6, 6 of them have elapsed: 1000.00 × 0.6
        assertThat(EarnedValue.plannedValue(d("1000.00"), JAN_1, JAN_10, LocalDate.of(2027, 1, 6)))
                .isEqualTo(d("600.000000000000"));
        // by the end of the last day the whole cost is planned, and stays so after it
        assertThat(EarnedValue.plannedValue(d("1000.00"), JAN_1, JAN_10, JAN_10)).isEqualByComparingTo("1000");
        assertThat(EarnedValue.plannedValue(d("1000.00"), JAN_1, JAN_10, LocalDate.of(2028, 1, 1)))
                .isEqualByComparingTo("1000");
    }

    @Test
    void aDeliverableNotYetStartedHasNoPlannedValue() {
        // the day before the start: 0 days of 10 elapsed
        assertThat(EarnedValue.plannedValue(d("1000.00"), JAN_1, JAN_10, LocalDate.of(2026, 12, 31)))
                .isEqualByComparingTo("0");
        // and nothing earned before its first report
        assertThat(EarnedValue.reportAt(List.of(new ProgressReport(40, JAN_10)), LocalDate.of(2027, 1, 9))).isNull();
    }

    @Test
    void theShareIsRoundedHalfUpToTenDecimalsAndTheProductIsExact() {
        // Jan 1..Jan 3 is 3 days; after 1: 1/3 = 0.3333333333 (10 decimals), × 100.00 = 33.333333330000 (scale 2 + 10)
        assertThat(EarnedValue.elapsedShare(JAN_1, LocalDate.of(2027, 1, 3), JAN_1)).isEqualTo(d("0.3333333333"));
        assertThat(EarnedValue.plannedValue(d("100.00"), JAN_1, LocalDate.of(2027, 1, 3), JAN_1))
                .isEqualTo(d("33.333333330000"));
        // after 2: 2/3 = 0.6666666666|67 rounds up to 0.6666666667
        assertThat(EarnedValue.elapsedShare(JAN_1, LocalDate.of(2027, 1, 3), LocalDate.of(2027, 1, 2)))
                .isEqualTo(d("0.6666666667"));
    }

    @Test
    void earnedValueCountsTheLatestReportDatedOnOrBeforeTheDay() {
        List<ProgressReport> reports = List.of(new ProgressReport(20, LocalDate.of(2027, 1, 3)),
                                               new ProgressReport(50, LocalDate.of(2027, 1, 7)),
                                               new ProgressReport(45, LocalDate.of(2027, 1, 7)));
        // on Jan 5 the Jan 3 report counts: 1000.00 × 20% = 200.0000
        ProgressReport jan5 = EarnedValue.reportAt(reports, LocalDate.of(2027, 1, 5));
        assertThat(EarnedValue.earnedValue(d("1000.00"), jan5.percentComplete())).isEqualTo(d("200.0000"));
        // on Jan 7 two reports carry that date: the one recorded last (45%) counts
        assertThat(EarnedValue.reportAt(reports, LocalDate.of(2027, 1, 7)).percentComplete()).isEqualTo(45);
    }

    @Test
    void aDeliverableFinishedEarlyIsAheadOfSchedule() {
        // reported 100% on Jan 5; by the end of Jan 6, PV = 1000.00 × 6/10 = 600, EV = 1000
        BigDecimal pv = EarnedValue.plannedValue(d("1000.00"), JAN_1, JAN_10, LocalDate.of(2027, 1, 6));
        int percent = EarnedValue.reportAt(List.of(new ProgressReport(100, LocalDate.of(2027, 1, 5))),
                                           LocalDate.of(2027, 1, 6)).percentComplete();
        BigDecimal ev = EarnedValue.earnedValue(d("1000.00"), percent);
        EarnedValueFigures early = new EarnedValueFigures(JAN_10, EUR, d("1000.00"), pv, ev, null);
        // SPI = 1000 / 600 = 1.6666666667 (10 decimals, half even); SV = 1000 − 600 = +400
        assertThat(early.schedulePerformanceIndex()).isEqualTo(d("1.6666666667"));
        assertThat(early.scheduleVariance().amount()).isEqualByComparingTo("400");
        // a deliverable carries no AC: everything derived from it is null
        assertThat(early.costPerformanceIndex()).isNull();
        assertThat(early.estimateAtCompletion()).isNull();
        assertThat(early.toCompletePerformanceIndex()).isNull();
    }

    @Test
    void zeroCostLeavesEveryRatioOverItUndefined() {
        // BAC 1000, PV 500, EV 400, nothing spent: CPI = 400/0 and EAC = BAC/CPI are undefined
        EarnedValueFigures unspent = figures("1000.00", "500", "400", "0");
        assertThat(unspent.costPerformanceIndex()).isNull();
        assertThat(unspent.estimateAtCompletion()).isNull();
        assertThat(unspent.estimateToComplete()).isNull();
        assertThat(unspent.varianceAtCompletion()).isNull();
        // SPI = 400/500 = 0.8; TCPI = (1000 − 400) / (1000 − 0) = 0.6
        assertThat(unspent.schedulePerformanceIndex()).isEqualTo(d("0.8000000000"));
        assertThat(unspent.toCompletePerformanceIndex()).isEqualTo(d("0.6000000000"));
        // a project with no budget and no cost: TCPI = 0/0, undefined too
        EarnedValueFigures nothing = EarnedValueFigures.zero(JAN_10, EUR);
        assertThat(nothing.toCompletePerformanceIndex()).isNull();
        assertThat(nothing.schedulePerformanceIndex()).isNull();
    }

    @Test
    void zeroPlannedValueLeavesTheSchedulePerformanceUndefined() {
        // nothing planned to be done yet (PV 0) but 50 spent and nothing earned
        EarnedValueFigures early = figures("1000.00", "0", "0", "50.00");
        assertThat(early.schedulePerformanceIndex()).isNull();
        // CPI = 0/50 = 0, and EAC = BAC/0 is undefined (never an infinity)
        assertThat(early.costPerformanceIndex()).isEqualByComparingTo("0");
        assertThat(early.estimateAtCompletion()).isNull();
        // TCPI = (1000 − 0) / (1000 − 50) = 1.0526315789|47 → 1.0526315789
        assertThat(early.toCompletePerformanceIndex()).isEqualTo(d("1.0526315789"));
    }

    @Test
    void estimatesFollowFromTheSums() {
        // BAC 1000, EV 400, AC 500: CPI = 0.8, EAC = 1000 × 500 / 400 = 1250, ETC = 1250 − 500 = 750,
        // VAC = 1000 − 1250 = −250, TCPI = (1000 − 400) / (1000 − 500) = 1.2, CV = 400 − 500 = −100
        EarnedValueFigures over = figures("1000.00", "600", "400", "500");
        assertThat(over.costPerformanceIndex()).isEqualTo(d("0.8000000000"));
        assertThat(over.estimateAtCompletion().amount()).isEqualTo(d("1250.0000000000"));
        assertThat(over.estimateToComplete().amount()).isEqualByComparingTo("750");
        assertThat(over.varianceAtCompletion().amount()).isEqualByComparingTo("-250");
        assertThat(over.toCompletePerformanceIndex()).isEqualTo(d("1.2000000000"));
        assertThat(over.costVariance().amount()).isEqualByComparingTo("-100");
    }

    @Test
    void aReversedCostNoLongerCountsInTheActualCost() {
        // expenses 300 and 200, then the 200 reversed (an entry of −200): AC = 300 + 200 − 200 = 300
        BigDecimal ac = d("300.00").add(d("200.00")).add(d("-200.00"));
        EarnedValueFigures afterReversal = figures("1000.00", "400", "450", ac.toPlainString());
        // CPI = 450 / 300 = 1.5 (it was 450 / 500 = 0.9 before the reversal)
        assertThat(afterReversal.costPerformanceIndex()).isEqualTo(d("1.5000000000"));
        assertThat(figures("1000.00", "400", "450", "500.00").costPerformanceIndex()).isEqualTo(d("0.9000000000"));
    }

    @Test
    void aRollUpDerivesItsRatiosFromTheSumsNotFromTheProjectsRatios() {
        // A: EV 100, AC 50 → CPI 2.0; B: EV 100, AC 200 → CPI 0.5; the average of the two would be 1.25
        EarnedValueFigures a = figures("500", "100", "100", "50");
        EarnedValueFigures b = figures("500", "200", "100", "200");
        assertThat(a.costPerformanceIndex()).isEqualTo(d("2.0000000000"));
        assertThat(b.costPerformanceIndex()).isEqualTo(d("0.5000000000"));
        EarnedValueFigures portfolio = a.plus(b);
        // sums: BAC 1000, PV 300, EV 200, AC 250 → CPI = 200/250 = 0.8, SPI = 200/300 = 0.6666666667
        assertThat(portfolio.budgetAtCompletion().amount()).isEqualByComparingTo("1000");
        assertThat(portfolio.actualCost().amount()).isEqualByComparingTo("250");
        assertThat(portfolio.costPerformanceIndex()).isEqualTo(d("0.8000000000"));
        assertThat(portfolio.schedulePerformanceIndex()).isEqualTo(d("0.6666666667"));
        // EAC = 1000 × 250 / 200 = 1250
        assertThat(portfolio.estimateAtCompletion().amount()).isEqualByComparingTo("1250");
    }
}
