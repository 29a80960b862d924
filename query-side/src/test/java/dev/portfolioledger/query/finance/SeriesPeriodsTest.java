package dev.portfolioledger.query.finance;

import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.query.resource.Granularity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeriesPeriodsTest {

    @Test
    void monthEndsAreClippedToTheRange() {
        assertThat(EarnedValueQueryController.periodEnds(LocalDate.of(2027, 1, 15), LocalDate.of(2027, 3, 10),
                                                         Granularity.MONTH))
                .containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 10));
    }

    @Test
    void weeksEndOnSunday() {
        // 2027-01-06 is a Wednesday
        assertThat(EarnedValueQueryController.periodEnds(LocalDate.of(2027, 1, 6), LocalDate.of(2027, 1, 17),
                                                         Granularity.WEEK))
                .containsExactly(LocalDate.of(2027, 1, 10), LocalDate.of(2027, 1, 17));
    }

    @Test
    void refusesARangeThatEndsBeforeItStartsOrHasTooManyPeriods() {
        assertThatThrownBy(() -> EarnedValueQueryController.periodEnds(LocalDate.of(2027, 2, 1),
                                                                       LocalDate.of(2027, 1, 1), Granularity.WEEK))
                .isInstanceOf(RuleViolation.class);
        // 261 weeks
        assertThatThrownBy(() -> EarnedValueQueryController.periodEnds(LocalDate.of(2027, 1, 4),
                                                                       LocalDate.of(2027, 1, 4).plusWeeks(261),
                                                                       Granularity.WEEK))
                .isInstanceOf(RuleViolation.class);
        assertThat(EarnedValueQueryController.periodEnds(LocalDate.of(2027, 1, 4),
                                                         LocalDate.of(2027, 1, 4).plusWeeks(260).minusDays(1),
                                                         Granularity.WEEK)).hasSize(260);
    }
}
