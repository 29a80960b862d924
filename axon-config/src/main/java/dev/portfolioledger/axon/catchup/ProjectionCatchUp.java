package dev.portfolioledger.axon.catchup;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.axon.command.CommandReceipt;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Read your writes: waits until a processing group has handled the events a command stored.
 *
 * <p>It reads the group's tracking tokens from the token table rather than asking the local
 * processor, because with several instances another node may own the segment that handles the
 * aggregate. Events are sequenced per aggregate, so only the segment that matches the
 * aggregate's identifier has to have passed the event's global index (and must not hold it as a
 * gap). An event that was dead-lettered is passed by the token yet missing from the view: that
 * is reported, never returned as if it were current.
 *
 * <p>Every wait is timed in {@value #WAIT_METER} (Prometheus {@code portfolio_read_your_writes_wait_seconds}),
 * tagged with the group and the outcome: {@code CAUGHT_UP}, {@code TIMEOUT} or {@code VIEW_OUT_OF_DATE}.
 */
@Component
public class ProjectionCatchUp {

    public static final String WAIT_METER = "portfolio.read_your_writes.wait";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final Duration timeout;
    private final Duration pollInterval;
    private final MeterRegistry meters;

    public ProjectionCatchUp(JdbcTemplate jdbc, MeterRegistry meters,
                             @Qualifier("serializer") Serializer serializer,
                             ObjectProvider<EventProcessingConfiguration> processing,
                             @Value("${portfolio.read-your-writes.timeout:PT10S}") Duration timeout,
                             @Value("${portfolio.read-your-writes.poll-interval:PT0.005S}") Duration pollInterval) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.meters = meters;
    }

    /**
     * Returns once the group's view reflects the receipt's events.
     *
     * @throws RuleViolation with {@link ErrorCode#TIMEOUT} when the bounded wait runs out, or
     *                       {@link ErrorCode#VIEW_OUT_OF_DATE} when the aggregate's events are
     *                       parked in the dead-letter queue
     */
    public void await(String processingGroup, CommandReceipt receipt) {
        if (receipt.globalIndex() < 0) {
            return;
        }
        long started = System.nanoTime();
        String outcome = "TIMEOUT";
        try {
            long deadline = started + timeout.toNanos();
            while (!hasProcessed(processingGroup, receipt.eventStream(), receipt.globalIndex())) {
                if (System.nanoTime() > deadline) {
                    throw new RuleViolation(ErrorCode.TIMEOUT, "The change was stored, but the " + processingGroup
                            + " view did not catch up within " + timeout.toMillis() + " ms; read it again shortly");
                }
                sleep();
            }
            if (isDeadLettered(processingGroup, receipt.eventStream())) {
                outcome = "VIEW_OUT_OF_DATE";
                throw new RuleViolation(ErrorCode.VIEW_OUT_OF_DATE, "The change was stored, but the "
                        + processingGroup + " view could not apply it; operators have been alerted");
            }
            outcome = "CAUGHT_UP";
        } finally {
            Timer.builder(WAIT_METER)
                    .description("Read-your-writes waits of mutations for their views, by processing group and outcome")
                    .tag("group", processingGroup)
                    .tag("outcome", outcome)
                    .register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Returns once every segment of the group has handled every event stored before this call (the
     * event store's head at its start): for a read that spans aggregates, such as a project's
     * figures, which its ledger and the time logged by resources make too.
     *
     * @throws RuleViolation with {@link ErrorCode#TIMEOUT} when the bounded wait runs out
     */
    public void awaitHead(String processingGroup) {
        Long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        if (head == null) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasProcessedEverywhere(processingGroup, head)) {
            if (System.nanoTime() > deadline) {
                throw new RuleViolation(ErrorCode.TIMEOUT, "The " + processingGroup + " views did not catch up with"
                        + " the stored events within " + timeout.toMillis() + " ms; try again shortly");
            }
            sleep();
        }
    }

    /** Every segment (as the token table lists them) has passed the index: in memory where owned here. */
    boolean hasProcessedEverywhere(String processingGroup, long globalIndex) {
        List<StoredToken> tokens = jdbc.query(
                "SELECT segment, token, tokentype FROM tokenentry WHERE processorname = ?",
                (rs, n) -> new StoredToken(rs.getInt(1), rs.getBytes(2), rs.getString(3)),
                processingGroup);
        if (tokens.isEmpty()) {
            return false;
        }
        Map<Integer, EventTrackerStatus> local = new HashMap<>();
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        if (configuration != null) {
            configuration.eventProcessor(processingGroup, StreamingEventProcessor.class)
                    .ifPresent(processor -> local.putAll(processor.processingStatus()));
        }
        for (StoredToken stored : tokens) {
            EventTrackerStatus status = local.get(stored.segment());
            boolean covered = status != null && !status.isErrorState()
                    ? covers(status.getTrackingToken(), globalIndex) : covers(stored, globalIndex);
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    boolean hasProcessed(String processingGroup, String aggregateId, long globalIndex) {
        Boolean local = processedLocally(processingGroup, aggregateId, globalIndex);
        return local != null ? local : storedTokenCovers(processingGroup, aggregateId, globalIndex);
    }

    /*
     * When this instance owns the segment, its in-memory status is exact and immediate: a work
     * package advances it for events it does not handle too, whereas it stores such a position in
     * the token table only when it next extends its claim (seconds later). Null: not owned here.
     */
    private Boolean processedLocally(String processingGroup, String aggregateId, long globalIndex) {
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        if (configuration == null) {
            return null;
        }
        var processor = configuration.eventProcessor(processingGroup, StreamingEventProcessor.class);
        if (processor.isEmpty()) {
            return null;
        }
        int hash = Objects.hashCode(aggregateId);
        for (EventTrackerStatus status : processor.get().processingStatus().values()) {
            if (status.getSegment().matches(hash) && !status.isErrorState()) {
                return covers(status.getTrackingToken(), globalIndex);
            }
        }
        return null;
    }

    private boolean storedTokenCovers(String processingGroup, String aggregateId, long globalIndex) {
        List<StoredToken> tokens = jdbc.query(
                "SELECT segment, token, tokentype FROM tokenentry WHERE processorname = ?",
                (rs, n) -> new StoredToken(rs.getInt(1), rs.getBytes(2), rs.getString(3)),
                processingGroup);
        if (tokens.isEmpty()) {
            return false;
        }
        int[] segmentIds = tokens.stream().mapToInt(StoredToken::segment).toArray();
        int hash = Objects.hashCode(aggregateId);
        for (StoredToken stored : tokens) {
            Segment segment = Segment.computeSegment(stored.segment(), segmentIds);
            if (segment.matches(hash)) {
                return covers(stored, globalIndex);
            }
        }
        return false;
    }

    private boolean covers(StoredToken stored, long globalIndex) {
        if (stored.token() == null || stored.tokenType() == null) {
            return false;
        }
        return covers(serializer.<byte[], TrackingToken>deserialize(
                new SimpleSerializedObject<>(stored.token(), byte[].class, stored.tokenType(), null)), globalIndex);
    }

    private static boolean covers(TrackingToken token, long globalIndex) {
        if (token == null) {
            return false;
        }
        TrackingToken lowerBound = WrappedToken.unwrapLowerBound(token);
        if (lowerBound instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= globalIndex && !gapAware.getGaps().contains(globalIndex);
        }
        return lowerBound != null && lowerBound.position().orElse(-1) >= globalIndex;
    }

    private boolean isDeadLettered(String processingGroup, String aggregateId) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM deadletterentry WHERE processinggroup = ? AND sequenceidentifier = ?",
                Integer.class, processingGroup, aggregateId);
        return count != null && count > 0;
    }

    private void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis(), pollInterval.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuleViolation(ErrorCode.TIMEOUT, "Interrupted while waiting for the view to catch up");
        }
    }

    private record StoredToken(int segment, byte[] token, String tokenType) {
    }
}
