package dev.portfolioledger.app.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health of the event processors that build the views: each must be running and not in error.
 * Events parked in the dead-letter queue are counted per group: those views are missing changes
 * until the letters are retried, which an operator must know.
 */
@Component("eventProcessors")
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

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
        if (healthy) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
