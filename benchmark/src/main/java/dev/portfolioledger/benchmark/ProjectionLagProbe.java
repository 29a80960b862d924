package dev.portfolioledger.benchmark;

import dev.portfolioledger.api.project.ProjectId;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures how long after a command's commit its project appears in project_view (the "views"
 * processing group). Senders record when sendAndWait returned (the event is committed by then);
 * a watcher polls the view for the ids still pending and takes the start of the first poll that
 * sees a row as its arrival. The figure is therefore an upper bound, over by at most one poll
 * interval plus one poll's duration: the resolution printed with it.
 */
final class ProjectionLagProbe {

    /** Ids asked for per poll; more pending ones wait for the next poll (keeps polls short). */
    private static final int MAX_IDS_PER_POLL = 2000;
    /** After the senders stop, how long the watcher waits for the last projects. */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

    record Result(int senders, int ratePerSecond, long sent, long sendErrors, long seen, long unseen,
                  double p50Millis, double p99Millis, double maxMillis, double pollIntervalMillis,
                  double meanPollMillis, String firstError) {
    }

    private final GatewayBenchmark commands;
    private final BenchDatabase database;
    private final Map<UUID, Long> pending = new ConcurrentHashMap<>();

    ProjectionLagProbe(GatewayBenchmark commands, BenchDatabase database) {
        this.commands = commands;
        this.database = database;
    }

    Result run(int senders, int ratePerSecond, Duration measured, Duration pollInterval) throws Exception {
        AtomicLong sent = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long end = System.nanoTime() + measured.toNanos();
        // Each sender paces itself to its share of the rate on a fixed schedule (no drift from
        // slow sends); 0 means unthrottled: the next send as soon as the previous returned.
        long periodNanos = ratePerSecond <= 0 ? 0 : TimeUnit.SECONDS.toNanos(1) * senders / ratePerSecond;

        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            long offset = periodNanos * i / senders; // spread the senders over the period
            Thread sender = new Thread(() -> {
                GatewayBenchmark.actAsBenchmarkUser();
                long next = System.nanoTime() + offset;
                int failures = 0;
                while (true) {
                    if (periodNanos > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        next += periodNanos;
                    }
                    if (System.nanoTime() >= end || failures >= 50) {
                        break;
                    }
                    ProjectId id = ProjectId.random();
                    try {
                        commands.propose(id);
                        pending.put(id.value(), System.nanoTime());
                        sent.incrementAndGet();
                    } catch (Exception e) {
                        failures++;
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, LoadRun.describe(e));
                    }
                }
            }, "bench-lag-sender-" + i);
            sender.setDaemon(true);
            threads.add(sender);
        }

        SampleBuffer lags = new SampleBuffer();
        SampleBuffer pollDurations = new SampleBuffer();
        threads.forEach(Thread::start);
        try (Connection connection = database.connect();
             PreparedStatement poll = connection.prepareStatement("SELECT id FROM project_view WHERE id = ANY(?)")) {
            long drainDeadline = end + DRAIN_LIMIT.toNanos();
            while (true) {
                boolean sendersDone = threads.stream().noneMatch(Thread::isAlive);
                if (sendersDone && pending.isEmpty() || System.nanoTime() > drainDeadline) {
                    break;
                }
                long pollStart = System.nanoTime();
                if (!pending.isEmpty()) {
                    pollOnce(connection, poll, pollStart, lags);
                    pollDurations.add(System.nanoTime() - pollStart);
                }
                long sleep = pollStart + pollInterval.toNanos() - System.nanoTime();
                if (sleep > 0) {
                    LockSupport.parkNanos(sleep);
                }
            }
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(40));
        }

        Percentiles lag = Percentiles.of(SampleBuffer.concat(List.of(lags)));
        long[] polls = SampleBuffer.concat(List.of(pollDurations));
        double meanPoll = 0;
        for (long p : polls) {
            meanPoll += p;
        }
        meanPoll = polls.length == 0 ? 0 : meanPoll / polls.length / 1e6;
        return new Result(senders, ratePerSecond, sent.get(), errors.get(), lag.count(), pending.size(),
                lag.at(50) / 1e6, lag.at(99) / 1e6, lag.max() / 1e6, pollInterval.toNanos() / 1e6, meanPoll,
                firstError.get());
    }

    private void pollOnce(Connection connection, PreparedStatement poll, long pollStart, SampleBuffer lags)
            throws SQLException {
        List<UUID> ids = new ArrayList<>(Math.min(pending.size(), MAX_IDS_PER_POLL));
        for (UUID id : pending.keySet()) {
            ids.add(id);
            if (ids.size() == MAX_IDS_PER_POLL) {
                break;
            }
        }
        Array array = connection.createArrayOf("uuid", ids.toArray());
        poll.setArray(1, array);
        try (ResultSet rs = poll.executeQuery()) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                Long committed = pending.remove(id);
                if (committed != null) {
                    // The row was in the poll's snapshot, taken at (about) pollStart.
                    lags.add(Math.max(0, pollStart - committed));
                }
            }
        }
        array.free();
    }

    /**
     * Waits until project_view holds a row for every proposed project in the event store, so a
     * backlog from one phase does not slow the next. Returns the seconds it took, or -1 when
     * {@code limit} passed first.
     */
    static double awaitViewsCaughtUp(BenchDatabase database, Duration limit) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        try (Connection connection = database.connect();
             PreparedStatement check = connection.prepareStatement("""
                     SELECT (SELECT count(*) FROM domainevententry
                              WHERE payloadtype = 'dev.portfolioledger.api.project.ProjectProposedEvent')
                          - (SELECT count(*) FROM project_view)""")) {
            while (System.nanoTime() - start < limit.toNanos()) {
                try (ResultSet rs = check.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) <= 0) {
                        return (System.nanoTime() - start) / 1e9;
                    }
                }
                Thread.sleep(50);
            }
        }
        return -1;
    }
}
