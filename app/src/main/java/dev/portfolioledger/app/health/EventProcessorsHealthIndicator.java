package dev.portfolioledger.app.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health of the event processors that build the views: DOWN when one is not running or in error;
 * {@value #DEGRADED_CODE} while events are parked in a dead-letter queue (counted per group: those
 * views miss changes until the letters are retried or skipped, which an operator must know);
 * otherwise UP.
 *
 * <p>Why DEGRADED and not DOWN: the dead-letter queue lives in the shared database, so every
 * instance sees the same letters. DOWN would make every instance fail its load balancer's check
 * for one parked event and take the whole service out, although each instance still answers
 * everything else correctly. DEGRADED answers HTTP 200 and sits between DOWN and UP
 * ({@code management.endpoint.health.status.order}), so the aggregate shows it and alerts can key
 * on it.
 */
@Component("eventProcessors")
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    static final String DEGRADED_CODE = "DEGRADED";
    /** Running, but some events are parked: the views named in the details miss changes. */
    public static final Status DEGRADED = new Status(DEGRADED_CODE,
            "Events are parked in the dead-letter queue; their views miss changes until retried or skipped");

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        super("Event processor health check failed");
        this.processing = processing;
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Long> deadLetters = new LinkedHashMap<>();
        jdbc.query("SELECT processinggroup, count(*) FROM deadletterentry GROUP BY processinggroup",
                   rs -> {
                       deadLetters.put(rs.getString(1), rs.getLong(2));
                   });
        boolean healthy = true;
        for (EventProcessor processor : processing.eventProcessors().values()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", processor.isRunning());
            detail.put("error", processor.isError());
            if (processor instanceof StreamingEventProcessor streaming) {
                detail.put("type", "pooled-streaming");
                detail.put("claimedSegments", streaming.processingStatus().size());
                detail.put("maxSegments", streaming.maxCapacity());
            } else {
                detail.put("type", "subscribing");
            }
            detail.put("deadLetters", deadLetters.getOrDefault(processor.getName(), 0L));
            healthy &= processor.isRunning() && !processor.isError();
            builder.withDetail(processor.getName(), detail);
        }
        long parked = deadLetters.values().stream().mapToLong(Long::longValue).sum();
        builder.withDetail("deadLetters", parked);
        if (!healthy) {
            builder.down();
        } else if (parked > 0) {
            builder.status(DEGRADED);
        } else {
            builder.up();
        }
    }
}
