package dev.portfolioledger.app.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.function.Consumer;

/** Waiting for a processing group to reach the event store's head, and rebuilding one from the events. */
public final class Processors {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    public Processors(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** Returns once every segment of the group has handled every event stored so far. */
    public void awaitHead(String group) {
        StreamingEventProcessor processor = processor(group);
        Long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        Integer segments = jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ?",
                                               Integer.class, group);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            var statuses = processor.processingStatus().values();
            if (segments != null && segments > 0 && statuses.size() == segments
                    && statuses.stream().allMatch(s -> atHead(s, head))) {
                return;
            }
            pause();
        }
        throw new AssertionError("processing group " + group + " did not reach head " + head + ": "
                + processor.processingStatus() + ", running " + processor.isRunning() + ", error "
                + processor.isError());
    }

    /** Stops the group, runs {@code whileStopped}, resets its tokens (the reset handlers run), and waits for the head. */
    public void rebuild(String group, Consumer<JdbcTemplate> whileStopped) {
        StreamingEventProcessor processor = processor(group);
        processor.shutDown();
        whileStopped.accept(jdbc);
        processor.resetTokens();
        processor.start();
        awaitHead(group);
    }

    /** Stops the group, runs {@code whileStopped} (which may delete its tokens), starts it and waits for the head. */
    public void restart(String group, Consumer<JdbcTemplate> whileStopped) {
        StreamingEventProcessor processor = processor(group);
        processor.shutDown();
        whileStopped.accept(jdbc);
        processor.start();
        awaitHead(group);
    }

    private StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
    }

    /* A segment stays "replaying" until an event beyond the reset point arrives; its position is what counts. */
    private static boolean atHead(EventTrackerStatus status, Long head) {
        return status.isCaughtUp() && status.getCurrentPosition().orElse(-1) >= (head == null ? -1 : head);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
