package dev.portfolioledger.query.asof;

import dev.portfolioledger.axon.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;

/**
 * Whether the stored history can answer an as-of read: this instance runs the history processor,
 * every segment it holds has caught up (not rebuilding) and has handled the events stored before
 * the read began. Otherwise as-of reads fold the event store, which is exact but slower; that is
 * what readers get while the history is first built or rebuilt.
 */
@Component
public class HistoryReadiness {

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final JdbcTemplate jdbc;
    private final Duration wait;

    public HistoryReadiness(ObjectProvider<EventProcessingConfiguration> processing, JdbcTemplate jdbc,
                            @Value("${portfolio.history.read-wait:PT2S}") Duration wait) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.wait = wait;
    }

    /** True when the stored history has every event stored so far (waiting a little for the newest). */
    public boolean ready() {
        StreamingEventProcessor processor = processor();
        if (processor == null || !caughtUp(processor.processingStatus().values())) {
            return false;
        }
        Long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        if (head == null) {
            return true;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (!reached(processor.processingStatus().values(), head)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private StreamingEventProcessor processor() {
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        return configuration == null ? null
                : configuration.eventProcessor(ProcessingGroups.HISTORY, StreamingEventProcessor.class).orElse(null);
    }

    /*
     * Not "not replaying": after a reset, and on the first start of a group, Axon flags a segment
     * as replaying until an event newer than the head it started from arrives, although it has
     * handled every stored event. Caught up at or past the head is what counts.
     */
    private static boolean caughtUp(Collection<EventTrackerStatus> statuses) {
        return !statuses.isEmpty() && statuses.stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState());
    }

    private static boolean reached(Collection<EventTrackerStatus> statuses, long head) {
        return caughtUp(statuses) && statuses.stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
    }
}
