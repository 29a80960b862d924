package dev.portfolioledger.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command-line options. Defaults keep a full run under about four minutes on a 2-core machine:
 * three load phases x three concurrency levels x (warm-up + measured) plus the lag probe.
 */
record BenchmarkOptions(
        Duration warmup,
        Duration measured,
        List<Integer> concurrency,
        String adminJdbcUrl,
        String jdbcUrl,
        String user,
        String password,
        boolean keep,
        int appPoolSize,
        int lagSenders,
        int lagRatePerSecond,
        Duration lagPollInterval,
        Path resultsFile,
        Set<String> phases,
        List<String> appArgs,
        int scaleProjects,
        int scaleRequests,
        int proofRequests,
        Path appJar) {

    /** The phases in run order; the raw baseline always runs, the others can be left out. */
    static final List<String> DEFAULT_PHASES = List.of("gateway", "graphql", "lag", "history", "resources");
    /**
     * Seeds its own data set before the app starts and replays it, so it runs on its own (with its
     * own raw baseline, a read of the seeded event table) and only when asked for.
     */
    static final String SCALE_PHASE = "scale";
    /**
     * Issue 14's phase: on the scale data set (seeded like the scale phase's), the audit log's full
     * verification and proof latency, and the write rates with the log on and off; runs on its own.
     */
    static final String INTEGRITY_PHASE = "integrity";
    /**
     * Issue 12's phase: the money reads and the summary export on the scale data set (seeded as the
     * scale phase seeds it when the database is empty, otherwise used as it is); runs on its own.
     */
    static final String FINANCE_PHASE = "finance";
    /**
     * Issue 15's phase: proposeProject over GraphQL through one instance (the packaged jar, a process of
     * its own) and through two (the jar and an in-process app) on one database, then a kill -9 of the jar
     * and the time the other takes to own its segments; runs on its own.
     */
    static final String INSTANCES_PHASE = "instances";
    /**
     * Issue 13's phase: the portfolio's risk heatmap, top risks and health on the scale data set with
     * risk registers and status reports (seeded so when the database is empty, otherwise used as it
     * is); runs on its own.
     */
    static final String RISKS_PHASE = "risks";
    /** The phases that run on their own. */
    static final List<String> SOLO_PHASES = List.of(SCALE_PHASE, INTEGRITY_PHASE, FINANCE_PHASE, INSTANCES_PHASE,
            RISKS_PHASE);

    static final String USAGE = """
            Portfolio Ledger benchmark harness. Options (all optional):
              --seconds=N          measured seconds per step (default 10)
              --warmup=N           warm-up seconds per step, not counted (default 3)
              --concurrency=1,4,16 concurrent clients/senders per step (default 1,4,16)
              --jdbc-url=URL       use this database as it is (no create/drop); it must be empty or
                                   hold only this app's schema. Default: create a fresh database
                                   pl_bench_<timestamp> on --admin-url and drop it at the end.
                                   With --phases=scale, a database that holds events is not
                                   seeded again: its read side is emptied and replayed
              --admin-url=URL      server for the fresh database
                                   (default jdbc:postgresql://127.0.0.1:5432/postgres)
              --user=NAME          database user (default postgres)
              --password=SECRET    database password (default empty)
              --keep               keep the fresh database (and bench_raw_event) at the end
              --app-pool=N         the app's Hikari pool size (default 40)
              --lag-senders=N      senders of the projection-lag probe (default 4)
              --lag-rate=N         total commands/s of the lag probe; 0 = unthrottled (default 200)
              --lag-poll-ms=N      watcher poll interval, i.e. the lag resolution (default 2)
              --out=FILE           results file (default benchmark/target/benchmark-results.txt)
              --phases=a,b         app phases to run, of gateway,graphql,lag,history,resources (default all);
                                   the raw baseline always runs, before the app and again after it.
                                   --phases=scale (on its own) seeds a year of one large portfolio
                                   into the event store, replays every processing group from
                                   scratch, then times live against as-of reads (issue 8).
                                   --phases=integrity (on its own) seeds the same data set (or reuses
                                   the one --jdbc-url holds), verifies the whole audit trail, times
                                   auditProof, and runs the gateway and GraphQL loads with the audit
                                   log on and off (issue 14)
                                   --phases=finance (on its own) times the money reads and the
                                   summary export on the scale data set (issue 12); on an empty
                                   database it seeds the data set first, on a seeded one (with
                                   --jdbc-url) the app goes on from its tokens
                                   --phases=instances (on its own) times proposeProject at each
                                   concurrency through one instance and through two on the same
                                   database, and the takeover of a killed instance's segments
                                   (issue 15); needs the packaged jar (--app-jar)
                                   --phases=risks (on its own) times portfolio.riskHeatmap, topRisks(20)
                                   and health live and as of random instants on the scale data set
                                   with 5 risks per project and status reports (issue 13); on an
                                   empty database it seeds that data set first, on a seeded one
                                   (with --jdbc-url) the app goes on from its tokens
              --app-jar=FILE       the packaged app for --phases=instances
                                   (default app/target/portfolio-ledger-exec.jar)
              --scale-projects=N   projects of the scale data set, 1 program per 40 (default 2000,
                                   about 200,000 events)
              --scale-requests=N   live and as many as-of requests per query of the scale phase
                                   (default 200)
              --proof-requests=N   auditProof requests of the integrity phase (default 1000)
              --app-arg=ARG        extra Spring Boot argument for the app, repeatable
                                   (e.g. --app-arg=--axon.timeout.enabled=true to compare settings)
            """;

    static BenchmarkOptions parse(String[] args) {
        Duration warmup = Duration.ofSeconds(3);
        Duration measured = Duration.ofSeconds(10);
        List<Integer> concurrency = List.of(1, 4, 16);
        String adminUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
        String jdbcUrl = null;
        String user = "postgres";
        String password = "";
        boolean keep = false;
        int pool = 40;
        int lagSenders = 4;
        int lagRate = 200;
        Duration lagPoll = Duration.ofMillis(2);
        Path out = null;
        Set<String> phases = new LinkedHashSet<>(DEFAULT_PHASES);
        int scaleProjects = 2000;
        int scaleRequests = 200;
        int proofRequests = 1000;
        List<String> appArgs = new ArrayList<>();
        Path appJar = defaultAppJar();
        for (String arg : args) {
            String key = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (key) {
                case "--seconds" -> measured = Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
                case "--warmup" -> warmup = Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
                case "--concurrency" -> {
                    List<Integer> levels = new ArrayList<>();
                    for (String level : value.split(",")) {
                        levels.add(Integer.parseInt(level.strip()));
                    }
                    concurrency = List.copyOf(levels);
                }
                case "--admin-url" -> adminUrl = value;
                case "--jdbc-url" -> jdbcUrl = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--keep" -> keep = true;
                case "--app-pool" -> pool = Integer.parseInt(value);
                case "--lag-senders" -> lagSenders = Integer.parseInt(value);
                case "--lag-rate" -> lagRate = Integer.parseInt(value);
                case "--lag-poll-ms" -> lagPoll = Duration.ofMillis(Long.parseLong(value));
                case "--out" -> out = Path.of(value);
                case "--phases" -> {
                    phases = new LinkedHashSet<>();
                    for (String phase : value.split(",")) {
                        if (!DEFAULT_PHASES.contains(phase.strip()) && !SOLO_PHASES.contains(phase.strip())) {
                            throw new IllegalArgumentException("Unknown phase " + phase + "\n" + USAGE);
                        }
                        phases.add(phase.strip());
                    }
                }
                case "--app-arg" -> appArgs.add(value);
                case "--app-jar" -> appJar = Path.of(value);
                case "--scale-projects" -> scaleProjects = Integer.parseInt(value);
                case "--scale-requests" -> scaleRequests = Integer.parseInt(value);
                case "--proof-requests" -> proofRequests = Integer.parseInt(value);
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        for (String solo : SOLO_PHASES) {
            if (phases.contains(solo) && phases.size() > 1) {
                throw new IllegalArgumentException("--phases=" + solo + " runs on its own\n" + USAGE);
            }
        }
        return new BenchmarkOptions(warmup, measured, concurrency, adminUrl, jdbcUrl, user, password, keep,
                pool, lagSenders, lagRate, lagPoll, out == null ? defaultResultsFile() : out, Set.copyOf(phases),
                List.copyOf(appArgs), scaleProjects, scaleRequests, proofRequests, appJar);
    }

    /** The packaged app, from the repository root or from the benchmark module. */
    private static Path defaultAppJar() {
        Path fromRoot = Path.of("app", "target", "portfolio-ledger-exec.jar");
        return Files.exists(fromRoot) ? fromRoot : Path.of("..", "app", "target", "portfolio-ledger-exec.jar");
    }

    /** benchmark/target when run from the repository root, target when run from the module. */
    private static Path defaultResultsFile() {
        if (Files.isDirectory(Path.of("benchmark", "target"))) {
            return Path.of("benchmark", "target", "benchmark-results.txt");
        }
        if (Files.isDirectory(Path.of("target"))) {
            return Path.of("target", "benchmark-results.txt");
        }
        return Path.of("benchmark-results.txt");
    }
}
