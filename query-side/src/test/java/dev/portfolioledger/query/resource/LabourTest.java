package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.resource.TimeEntryId;
import dev.portfolioledger.api.resource.TimeLogReversedEvent;
import dev.portfolioledger.api.resource.TimeLoggedEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;

import static dev.portfolioledger.query.resource.ResourceFixtures.APOLLO;
import static dev.portfolioledger.query.resource.ResourceFixtures.GEMINI;
import static dev.portfolioledger.query.resource.ResourceFixtures.RESOURCE;
import static dev.portfolioledger.query.resource.ResourceFixtures.day;
import static org.assertj.core.api.Assertions.assertThat;

class LabourTest {

    private static TimeLoggedEvent logged(TimeEntryId id, String hours, String cost) {
        return new TimeLoggedEvent(RESOURCE, id, APOLLO, day("2027-03-02"), new BigDecimal(hours), null,
                                   Money.of("95.00", "EUR"), Money.of(cost, "EUR"));
    }

    @Test
    void entriesMinusReversalsOfTheProjectOnly() {
        TimeEntryId first = TimeEntryId.random();
        Labour.Ledger ledger = new Labour.Ledger(APOLLO);
        ledger.add(logged(first, "7.5", "712.50"));
        ledger.add(logged(TimeEntryId.random(), "2", "190"));
        ledger.add(new TimeLoggedEvent(RESOURCE, TimeEntryId.random(), GEMINI, day("2027-03-02"), BigDecimal.ONE,
                                       null, Money.of("95", "EUR"), Money.of("95", "EUR")));
        ledger.add(new TimeLogReversedEvent(RESOURCE, first, APOLLO, day("2027-03-02"), new BigDecimal("7.5"),
                                            Money.of("712.50", "EUR"), "Wrong project"));

        assertThat(ledger.total()).isEqualTo(new Labour(new BigDecimal("2.00"), Money.of("190.00", "EUR")));
    }

    @Test
    void nothingLoggedIsZeroHoursAndNoCost() {
        assertThat(new Labour.Ledger(APOLLO).total()).isEqualTo(Labour.NONE);
        assertThat(Labour.NONE.cost()).isNull();
    }

    @Test
    void anEntryAndItsReversalMakeZeroNotNothing() {
        assertThat(Labour.of(1, new BigDecimal("0.0"), new BigDecimal("0.000"), Currency.getInstance("EUR")))
                .isEqualTo(new Labour(new BigDecimal("0.00"), Money.of("0.00", "EUR")));
    }

    @Test
    void sumsAreWrittenTheSameWhateverTheirScale() {
        assertThat(Labour.of(2, new BigDecimal("100"), new BigDecimal("9500.000"), Currency.getInstance("EUR")))
                .isEqualTo(Labour.of(2, new BigDecimal("100.00"), new BigDecimal("9500.00"),
                                     Currency.getInstance("EUR")));
    }
}
