package dev.portfolioledger.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Watches processing groups replay the event store from scratch: when each group's first token
 * row appears (its processor started) and when every one of its segments has passed the head.
 * Started before the app, because the processors start while the Spring context is still being
 * refreshed; until the context is handed over ({@link #attach}) it reads the token table, after
 * that also the processors' own status, which is exact where a stored token lags (a segment
 * stores its position only when it commits a batch or extends its claim).
 *
 * <p>Also keeps where the CPU time went: the JVM's, the threads of each group's processor (their
 * names carry the group's), and the PostgreSQL server's processes (every database on the server).
 */
final class ReplayWatch {

    private static final Duration POLL = Duration.ofMillis(20);

    record GroupReplay(String group, double startedSeconds, double caughtUpSeconds, double threadCpuSeconds,
                       List<String> threads, String firstToken) {
        double seconds() {
            return caughtUpSeconds - startedSeconds;
        }
    }

    record Result(long head, double appStartedSeconds, double allCaughtUpSeconds, double firstStartSeconds,
                  Map<String, GroupReplay> groups, double jvmCpuSeconds, double postgresCpuSeconds,
                  double gcSeconds, double jitSeconds, String busiestThreads, boolean complete) {
    }

    private final BenchDatabase database;
    private final List<String> groups;
    private final long head;
    private final AtomicReference<EventProcessingConfiguration> processing = new AtomicReference<>();
    private final ObjectMapper json = new ObjectMapper();
    /** Per group, the first token stored (type and JSON): tells where the processor started from. */
    private final Map<String, String> firstTokens = new HashMap<>();
    private final Map<String, Long> startedAt = new HashMap<>();
    private final Map<String, Long> caughtUpAt = new HashMap<>();
    private long origin;
    private double appStartedSeconds = Double.NaN;
    private long jvmCpuAtOrigin;
    private long gcMillisAtOrigin;
    private long jitMillisAtOrigin;
    private double postgresCpuAtOrigin;

    ReplayWatch(BenchDatabase database, List<String> groups, long head) {
        this.database = database;
        this.groups = List.copyOf(groups);
        this.head = head;
    }

    /** The clock starts here: call right before the app is started. */
    Thread start() {
        origin = System.nanoTime();
        jvmCpuAtOrigin = jvmCpuNanos();
        gcMillisAtOrigin = gcMillis();
        jitMillisAtOrigin = jitMillis();
        postgresCpuAtOrigin = postgresCpuSeconds();
        Thread watcher = new Thread(this::watch, "bench-replay-watch");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }

    /** The app is up: from now on its processors report their own positions. */
    void attach(ConfigurableApplicationContext app) {
        appStartedSeconds = (System.nanoTime() - origin) / 1e9;
        processing.set(app.getBean(EventProcessingConfiguration.class));
    }

    Result await(Thread watcher, Duration limit) throws InterruptedException {
        watcher.join(limit.toMillis());
        boolean complete = !watcher.isAlive();
        watcher.interrupt();
        watcher.join(1000);
        double jvmCpu = (jvmCpuNanos() - jvmCpuAtOrigin) / 1e9;
        double postgresCpu = postgresCpuSeconds() - postgresCpuAtOrigin;
        double gc = (gcMillis() - gcMillisAtOrigin) / 1e3;
        double jit = (jitMillis() - jitMillisAtOrigin) / 1e3;
        Map<String, GroupReplay> replays = new LinkedHashMap<>();
        double last = 0;
        double first = Double.MAX_VALUE;
        synchronized (this) {
            for (String group : groups) {
                double started = seconds(startedAt.get(group));
                double caughtUp = seconds(caughtUpAt.get(group));
                last = Math.max(last, caughtUp);
                first = Math.min(first, started);
                List<String> threads = new ArrayList<>();
                double cpu = threadCpuSeconds(group, threads);
                replays.put(group, new GroupReplay(group, started, caughtUp, cpu, threads, firstTokens.get(group)));
            }
        }
        return new Result(head, appStartedSeconds, last, first, replays, jvmCpu, postgresCpu, gc, jit,
                busiestThreads(6), complete);
    }

    private double seconds(Long at) {
        return at == null ? Double.NaN : (at - origin) / 1e9;
    }

    private void watch() {
        try (Connection connection = database.connect();
             PreparedStatement tokens = connection.prepareStatement(
                     "SELECT processorname, convert_from(token, 'UTF8'), tokentype FROM tokenentry "
                             + "WHERE processorname = ANY(?)")) {
            tokens.setArray(1, connection.createArrayOf("varchar", groups.toArray()));
            while (!Thread.currentThread().isInterrupted()) {
                long now = System.nanoTime();
                Map<String, List<Long>> positions = new HashMap<>();
                try (ResultSet rs = tokens.executeQuery()) {
                    while (rs.next()) {
                        positions.computeIfAbsent(rs.getString(1), g -> new ArrayList<>()).add(index(rs.getString(2)));
                        if (rs.getString(3) != null) {
                            synchronized (this) {
                                firstTokens.putIfAbsent(rs.getString(1), rs.getString(3)
                                        .substring(rs.getString(3).lastIndexOf('.') + 1) + " " + rs.getString(2));
                            }
                        }
                    }
                }
                boolean all;
                synchronized (this) {
                    for (var entry : positions.entrySet()) {
                        startedAt.putIfAbsent(entry.getKey(), now);
                        if (entry.getValue().stream().allMatch(position -> position >= head)
                                || processorsPassedHead(entry.getKey(), entry.getValue().size())) {
                            caughtUpAt.putIfAbsent(entry.getKey(), now);
                        }
                    }
                    all = caughtUpAt.keySet().containsAll(groups);
                }
                if (all) {
                    return;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("replay watch failed", e);
        }
    }

    private boolean processorsPassedHead(String group, int segments) {
        EventProcessingConfiguration configuration = processing.get();
        if (configuration == null) {
            return false;
        }
        var processor = configuration.eventProcessor(group, StreamingEventProcessor.class);
        if (processor.isEmpty()) {
            return false;
        }
        Collection<EventTrackerStatus> statuses = processor.get().processingStatus().values();
        return statuses.size() == segments
                && statuses.stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
    }

    /**
     * The position of a stored token as Jackson wrote it: a GapAwareTrackingToken's index, or, in
     * a ReplayToken, that of its current token (whose tokenAtReset is where the replay ends); -1
     * for none yet.
     */
    private long index(String token) throws JsonProcessingException {
        if (token == null) {
            return -1;
        }
        JsonNode node = json.readTree(token);
        while (node.has("tokenAtReset")) {
            node = node.path("currentToken");
        }
        return node.path("index").asLong(-1);
    }

    static long jvmCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** Collection time of every collector (wall time, all GC threads together). */
    static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    /**
     * CPU time of the JIT compiler threads ("C1/C2 CompilerThread", from /proc/self/task on Linux),
     * in milliseconds; elsewhere the CompilationMXBean's compilation time, which is elapsed time
     * summed over the compiler threads and overstates their CPU on a busy machine.
     */
    static long jitMillis() {
        double ticks = threadTicks(name -> name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre"));
        if (!Double.isNaN(ticks)) {
            return Math.round(ticks * 10);
        }
        var compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime() : 0;
    }

    /** User and system clock ticks (100 a second) of this JVM's threads whose names match; NaN without /proc. */
    private static double threadTicks(java.util.function.Predicate<String> name) {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return Double.NaN;
        }
        long ticks = 0;
        try (Stream<Path> entries = Files.list(tasks)) {
            for (Path task : entries.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (open < 0 || close < 0 || !name.test(stat.substring(open + 1, close))) {
                        continue;
                    }
                    String[] fields = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (Exception gone) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (Exception e) {
            return Double.NaN;
        }
        return ticks;
    }

    /** The Java threads that used the most CPU since they started, "name s" each. */
    private static String busiestThreads(int count) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Map.Entry<String, Long>> busiest = new ArrayList<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                busiest.add(Map.entry(info.getThreadName(), threads.getThreadCpuTime(info.getThreadId())));
            }
        }
        busiest.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        return String.join(", ", busiest.stream().limit(count)
                .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue() / 1e9)).toList());
    }

    /** CPU time of the threads whose names carry the group's name, e.g. Axon's "WorkPackage[views]-0". */
    private static double threadCpuSeconds(String group, List<String> names) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("[" + group + "]")) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    total += cpu;
                    names.add(info.getThreadName());
                }
            }
        }
        return total / 1e9;
    }

    /**
     * User and system time of every process named postgres on this machine and of the backends
     * that ended, from /proc (Linux; NaN elsewhere). Clock ticks are taken as 100 per second, the Linux default.
     */
    static double postgresCpuSeconds() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return Double.NaN;
        }
        long ticks = 0;
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                try {
                    String stat = Files.readString(entry.resolve("stat"), StandardCharsets.UTF_8);
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (open < 0 || close < 0 || !stat.substring(open + 1, close).equals("postgres")) {
                        continue;
                    }
                    String[] fields = stat.substring(close + 2).split(" ");
                    // fields after the name start at field 3 (state): utime and stime are 14 and 15,
                    // cutime and cstime 16 and 17, where the postmaster accrues the backends that ended
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                            + Long.parseLong(fields[14]);
                } catch (Exception gone) {
                    // the process ended between the listing and the read
                }
            }
        } catch (Exception e) {
            return Double.NaN;
        }
        return ticks / 100.0;
    }
}
