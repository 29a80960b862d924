package dev.portfolioledger.app.rebuild;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.axon.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds a processing group's read models from the event store: the group stops, its tokens are
 * reset (its reset handlers clear its tables) and it starts again from the first event. Progress
 * is counted against the events stored when the rebuild started, logged every few seconds until
 * the group has caught up, and answered to the operator query.
 *
 * <p>The processor must not run on another instance meanwhile (its segments would stay claimed
 * there); a rebuild is started on the instance that runs the group, as the README says.
 */
@Component
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Map<String, Started> rebuilds = new ConcurrentHashMap<>();

    public ProjectionRebuilds(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** What a rebuild started with (who, when, the store's head and size then), and when it caught up. */
    private static final class Started {

        final String processingGroup;
        final String startedBy;
        final Instant startedAt;
        final long head;
        final long total;
        volatile Instant finishedAt;

        Started(String processingGroup, String startedBy, Instant startedAt, long head, long total) {
            this.processingGroup = processingGroup;
            this.startedBy = startedBy;
            this.startedAt = startedAt;
            this.head = head;
            this.total = total;
        }
    }

    /**
     * Starts rebuilding the group.
     *
     * @throws RuleViolation NOT_FOUND for a group that is not a streaming processor here, CONFLICT
     *                       while a rebuild of the group is still catching up
     */
    public synchronized ProjectionRebuild start(String requestedGroup, String actor) {
        String group = Checks.name(requestedGroup, "processingGroup");
        if (group.equals(ProcessingGroups.INTEGRITY)) {
            // a reset would append every event again, after the leaves it has: the log only grows
            throw new RuleViolation(ErrorCode.VALIDATION_FAILED, "The audit log (processing group "
                    + ProcessingGroups.INTEGRITY + ") is append-only and is never rebuilt");
        }
        StreamingEventProcessor processor = processor(group);
        Started running = rebuilds.get(group);
        if (running != null && progress(running).finishedAt() == null) {
            throw new RuleViolation(ErrorCode.CONFLICT, "Processing group " + group
                    + " is being rebuilt already; its progress is in projectionRebuild");
        }
        Long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
        Long total = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        Started started = new Started(group, actor, Instant.now(), head, total);
        rebuilds.put(group, started);
        log.info("Rebuilding processing group {} from the event store ({} events), started by {}", group, total,
                 actor);
        return progress(started);
    }

    /** The last rebuild of the group started on this instance; null if there was none. */
    public ProjectionRebuild last(String requestedGroup) {
        Started started = rebuilds.get(Checks.name(requestedGroup, "processingGroup"));
        return started == null ? null : progress(started);
    }

    @Scheduled(fixedDelayString = "${portfolio.rebuild.log-interval:PT5S}")
    void logProgress() {
        for (Started started : rebuilds.values()) {
            if (started.finishedAt != null) {
                continue;
            }
            ProjectionRebuild progress = progress(started);
            log.info("Rebuild of {}: {} of {} events, {} events/s{}", progress.processingGroup(),
                     progress.eventsDone(), progress.eventsTotal(),
                     progress.eventsPerSecond() == null ? "-" : Math.round(progress.eventsPerSecond()),
                     progress.caughtUp() ? ", caught up" : "");
        }
    }

    private synchronized ProjectionRebuild progress(Started started) {
        StreamingEventProcessor processor = processor(started.processingGroup);
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        long position = statuses.isEmpty() ? -1 : statuses.stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
        long reached = Math.min(position, started.head);
        Long done = reached < 0 ? Long.valueOf(0) : jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE globalindex <= ?", Long.class, reached);
        if (started.finishedAt == null && !statuses.isEmpty() && position >= started.head
                && statuses.stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState())) {
            started.finishedAt = Instant.now();
        }
        Instant until = started.finishedAt == null ? Instant.now() : started.finishedAt;
        double seconds = Duration.between(started.startedAt, until).toNanos() / 1e9;
        Double rate = seconds > 0 ? done / seconds : null;
        return new ProjectionRebuild(started.processingGroup, started.startedBy, started.startedAt,
                                     started.finishedAt, started.total, done, rate);
    }

    private StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow(() -> new RuleViolation(
                ErrorCode.NOT_FOUND, "No streaming processing group is named " + group));
    }
}
