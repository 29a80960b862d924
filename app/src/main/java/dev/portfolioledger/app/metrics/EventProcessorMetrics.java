package dev.portfolioledger.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * What an operator watches to see a view fall behind before users do, read from the database so
 * that every instance reports every segment, whichever instance owns it:
 * <ul>
 *   <li>{@value #LAG} ({@code portfolio_processor_lag_events}): per processor and segment, how many
 *       events the segment's token is behind the head of the event store (the newest global index
 *       minus the token's position; a segment's token advances past the events of other segments
 *       too, so this is the distance to being caught up). -1 while the segment has no token yet;</li>
 *   <li>{@value #DEAD_LETTERS} ({@code portfolio_dead_letters}): events parked in the dead-letter queue,
 *       per processing group (0 for a group that has none: a missing series would not alert);</li>
 *   <li>{@value #OWNED} ({@code portfolio_processor_segment_claimed}): 1 when some instance holds the
 *       segment's claim, 0 when nobody does.</li>
 * </ul>
 * Refreshed every {@code portfolio.metrics.refresh-interval} (5 s) with two statements, not on every
 * scrape, so that a scraper polling often costs the database nothing more.
 */
@Component
public class EventProcessorMetrics {

    static final String LAG = "portfolio.processor.lag";
    static final String DEAD_LETTERS = "portfolio.dead.letters";
    static final String OWNED = "portfolio.processor.segment.claimed";

    private static final Logger log = LoggerFactory.getLogger(EventProcessorMetrics.class);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final MultiGauge lag;
    private final MultiGauge deadLetters;
    private final MultiGauge owned;

    public EventProcessorMetrics(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.lag = MultiGauge.builder(LAG).baseUnit("events")
                .description("Events between the head of the event store and the segment's token").register(meters);
        this.deadLetters = MultiGauge.builder(DEAD_LETTERS)
                .description("Events parked in the dead-letter queue, by processing group").register(meters);
        this.owned = MultiGauge.builder(OWNED)
                .description("1 when an instance holds the segment's claim, else 0").register(meters);
        refresh();
    }

    @Scheduled(initialDelayString = "${portfolio.metrics.refresh-interval:PT5S}",
               fixedDelayString = "${portfolio.metrics.refresh-interval:PT5S}")
    void scheduledRefresh() {
        try {
            refresh();
        } catch (RuntimeException failed) {
            log.warn("Could not refresh the processor metrics: {}", failed.toString());
        }
    }

    /** Reads the token table, the head and the dead letters, and replaces every series. */
    public void refresh() {
        Long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        List<MultiGauge.Row<?>> lags = new ArrayList<>();
        List<MultiGauge.Row<?>> claims = new ArrayList<>();
        List<String> processors = new ArrayList<>();
        jdbc.query("SELECT processorname, segment, token, tokentype, owner FROM tokenentry ORDER BY processorname, segment",
                rs -> {
                    String processor = rs.getString(1);
                    Tags tags = Tags.of("processor", processor, "segment", Integer.toString(rs.getInt(2)));
                    long position = position(rs.getBytes(3), rs.getString(4));
                    long behind = position < 0 ? -1 : Math.max(0, (head == null ? -1 : head) - position);
                    lags.add(MultiGauge.Row.of(tags, behind));
                    claims.add(MultiGauge.Row.of(tags, rs.getString(5) == null ? 0 : 1));
                    if (!processors.contains(processor)) {
                        processors.add(processor);
                    }
                });
        List<MultiGauge.Row<?>> parked = new ArrayList<>();
        List<String> withLetters = new ArrayList<>();
        jdbc.query("SELECT processinggroup, count(*) FROM deadletterentry GROUP BY processinggroup", rs -> {
            parked.add(MultiGauge.Row.of(Tags.of("group", rs.getString(1)), rs.getLong(2)));
            withLetters.add(rs.getString(1));
        });
        for (String processor : processors) {
            if (!withLetters.contains(processor)) {
                parked.add(MultiGauge.Row.of(Tags.of("group", processor), 0));
            }
        }
        lag.register(lags, true);
        owned.register(claims, true);
        deadLetters.register(parked, true);
    }

    /** The token's position (the lower bound of a replay token), or -1 when there is none yet. */
    private long position(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return -1;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
        TrackingToken lowerBound = tracking == null ? null : WrappedToken.unwrapLowerBound(tracking);
        return lowerBound == null ? -1 : lowerBound.position().orElse(-1);
    }
}
