package dev.portfolioledger.query.status;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;

/**
 * Where the numbers turn a dimension amber or red ({@code portfolio.status.suggested-rag.*}): a
 * performance index at or above {@code green-from} suggests GREEN, at or above {@code amber-from}
 * AMBER, below it RED; pending change requests (SUBMITTED or ASSESSED) suggest GREEN when there
 * are none, AMBER up to {@code amber-up-to}, RED above.
 *
 * @param schedule the thresholds of SPI
 * @param cost     the thresholds of CPI
 * @param scope    the thresholds of pending change requests
 */
@ConfigurationProperties("portfolio.status.suggested-rag")
public record SuggestedRagThresholds(Ratio schedule, Ratio cost, Scope scope) {

    /** SPI and CPI: GREEN from 0.95, AMBER from 0.85; scope: AMBER up to 2 pending requests. */
    public static final SuggestedRagThresholds DEFAULTS = new SuggestedRagThresholds(null, null, null);

    public SuggestedRagThresholds {
        schedule = schedule == null ? Ratio.DEFAULT : schedule;
        cost = cost == null ? Ratio.DEFAULT : cost;
        scope = scope == null ? Scope.DEFAULT : scope;
    }

    /**
     * The thresholds of a performance index (SPI or CPI).
     *
     * @param greenFrom the lowest index that suggests GREEN
     * @param amberFrom the lowest index that suggests AMBER; not above {@code greenFrom}
     */
    public record Ratio(BigDecimal greenFrom, BigDecimal amberFrom) {

        static final Ratio DEFAULT = new Ratio(new BigDecimal("0.95"), new BigDecimal("0.85"));

        public Ratio {
            greenFrom = greenFrom == null ? DEFAULT.greenFrom() : greenFrom;
            amberFrom = amberFrom == null ? DEFAULT.amberFrom() : amberFrom;
            if (amberFrom.compareTo(greenFrom) > 0) {
                throw new IllegalArgumentException("amber-from (" + amberFrom + ") must not be above green-from ("
                                                           + greenFrom + ")");
            }
        }
    }

    /**
     * The thresholds of pending change requests.
     *
     * @param amberUpTo the most pending requests that still suggest AMBER (none suggests GREEN); at least 0
     */
    public record Scope(Integer amberUpTo) {

        static final Scope DEFAULT = new Scope(2);

        public Scope {
            amberUpTo = amberUpTo == null ? 2 : amberUpTo;
            if (amberUpTo < 0) {
                throw new IllegalArgumentException("amber-up-to must not be negative: " + amberUpTo);
            }
        }
    }
}
