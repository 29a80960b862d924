package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.TimeLogReversedEvent;
import dev.portfolioledger.api.resource.TimeLoggedEvent;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * The time logged on a project: hours and their cost, entries minus reversals (a reversal
 * repeats its entry's hours and cost).
 *
 * @param cost null when no time was logged on the project at all (an entry and its reversal make zero)
 */
public record Labour(BigDecimal hours, Money cost) {

    public static final Labour NONE = new Labour(BigDecimal.ZERO.setScale(2), null);

    /**
     * Sums written alike by the database and the fold: hours with at least two decimals, cost with
     * at least the currency's minor units, no trailing zeros beyond those.
     */
    public static Labour of(long entries, BigDecimal hours, BigDecimal cost, Currency currency) {
        if (entries == 0) {
            return NONE;
        }
        return new Labour(scaled(hours, 2), new Money(scaled(cost, currency.getDefaultFractionDigits()), currency));
    }

    private static BigDecimal scaled(BigDecimal value, int minScale) {
        BigDecimal stripped = value.stripTrailingZeros();
        return value.setScale(Math.max(minScale, Math.max(stripped.scale(), 0)));
    }

    /** Sums a project's entries and reversals from events in any order (the fold's reference). */
    public static final class Ledger {

        private final ProjectId projectId;
        private long entries;
        private BigDecimal hours = BigDecimal.ZERO;
        private BigDecimal cost = BigDecimal.ZERO;
        private Currency currency;

        public Ledger(ProjectId projectId) {
            this.projectId = projectId;
        }

        public void add(Object event) {
            if (event instanceof TimeLoggedEvent e && e.projectId().equals(projectId)) {
                entries++;
                hours = hours.add(e.hours());
                cost = cost.add(e.cost().amount());
                currency = e.cost().currency();
            } else if (event instanceof TimeLogReversedEvent e && e.projectId().equals(projectId)) {
                hours = hours.subtract(e.hours());
                cost = cost.subtract(e.cost().amount());
            }
        }

        public Labour total() {
            return of(entries, hours, cost, currency);
        }
    }
}
