package dev.portfolioledger.benchmark;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.app.PortfolioLedgerApplication;
import dev.portfolioledger.app.integrity.StoredCheckpoint;
import dev.portfolioledger.app.rebuild.ProjectionRebuild;
import dev.portfolioledger.app.rebuild.ProjectionRebuilds;
import dev.portfolioledger.axon.ProcessingGroups;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs every phase in one JVM against one database and prints one summary:
 * raw JDBC baseline, command gateway, GraphQL over HTTP, projection lag. See {@link #main}.
 *
 * <pre>
 * mvn -B -Pbenchmark -pl benchmark -am package -DskipTests
 * java -jar benchmark/target/portfolio-ledger-benchmark.jar [--seconds=10 --warmup=3 ...]
 * </pre>
 */
public final class BenchmarkHarness {

    private static final String GRAPHQL_USER = "pmo";
    private static final String GRAPHQL_PASSWORD = "pmo-demo";
    private static final double TARGET_GATEWAY_RATIO = 0.3;
    private static final int RESOURCES = 500;
    private static final int STAFFED_PROJECTS = 200;
    /** Longest wait for the views to drain a phase's backlog before the next phase starts. */
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(90);
    /** Longest wait for the scale phase's replay. */
    private static final Duration REPLAY_LIMIT = Duration.ofMinutes(15);

    private final BenchmarkOptions options;
    private final Report report = new Report();
    private final Map<Integer, LoadResult> rawBefore = new LinkedHashMap<>();
    private final Map<Integer, LoadResult> rawAfter = new LinkedHashMap<>();
    private String pagedReadRow;
    /** The replay half of the scale phase's closing line; the reads add theirs. */
    private String scaleReplayTarget;
    /** The scale phase's replay rate (S3) and the write ceiling (S5b), for the ratios printed after them. */
    private double replayRate = Double.NaN;
    private double writeCeilingRate = Double.NaN;

    private BenchmarkHarness(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        // Axon's update checker phones home (get.axoniq.io) unless this JVM system property is
        // set; a Spring property of the same name is not read. The benchmark sends localhost
        // traffic only.
        System.setProperty("axoniq.update-checker.disabled", "true");
        int status;
        try {
            status = new BenchmarkHarness(BenchmarkOptions.parse(args)).run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        // The app's non-daemon threads (Tomcat, Axon processors) must not outlive the run.
        System.exit(status);
    }

    private int run() throws Exception {
        Locale.setDefault(Locale.ROOT);
        Runtime runtime = Runtime.getRuntime();
        report.line("Portfolio Ledger benchmark, " + LocalDateTime.now().withNano(0));
        report.line("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", availableProcessors=" + runtime.availableProcessors()
                + ", maxHeap=" + runtime.maxMemory() / (1024 * 1024) + " MiB"
                + ", os=" + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        report.line(loadAverage("at start"));
        report.line("Steps: " + options.warmup().toMillis() / 1000.0 + " s warm-up + "
                + options.measured().toMillis() / 1000.0 + " s measured, concurrency " + options.concurrency());

        boolean failed = false;
        try (BenchDatabase database = BenchDatabase.open(options)) {
            report.line("Database: " + database.description());
            boolean scale = options.phases().contains(BenchmarkOptions.SCALE_PHASE);
            boolean integrity = options.phases().contains(BenchmarkOptions.INTEGRITY_PHASE);
            boolean finance = options.phases().contains(BenchmarkOptions.FINANCE_PHASE);
            boolean instances = options.phases().contains(BenchmarkOptions.INSTANCES_PHASE);
            boolean risks = options.phases().contains(BenchmarkOptions.RISKS_PHASE);
            report.line(instances ? "Phases: instances (raw before and after; one instance, then two, then a kill -9)"
                    : scale ? "Phases: scale (" + options.scaleProjects() + " projects, its own raw baseline)"
                    : integrity ? "Phases: integrity (" + options.scaleProjects() + " projects of the scale data set; "
                    + "raw before the app and after it)"
                    : finance ? "Phases: finance (on the scale data set, " + options.scaleProjects() + " projects)"
                    : risks ? "Phases: risks (on the scale data set with risks and status reports, "
                    + options.scaleProjects() + " projects)"
                    : "Phases: raw" + (options.phases().contains("gateway") ? " (before and after the gateway phase)" : "")
                    + ", " + String.join(", ", options.phases()));
            report.line("PostgreSQL: " + database.scalar("SELECT version()"));
            report.line("  synchronous_commit=" + database.scalar("SHOW synchronous_commit")
                    + ", fsync=" + database.scalar("SHOW fsync")
                    + ", shared_buffers=" + database.scalar("SHOW shared_buffers")
                    + ", max_connections=" + database.scalar("SHOW max_connections"));
            report.blank();

            failed = instances ? !runInstances(database) : scale ? !runScale(database)
                    : integrity ? !runIntegrity(database) : finance ? !runFinance(database)
                    : risks ? !runRisks(database) : !runDefaultPhases(database);
            if (options.keep()) {
                report.line("Kept database " + database.jdbcUrl());
            } else {
                new RawInsertBenchmark(database).dropTable();
            }
        }
        report.line(loadAverage("at the end"));
        report.printSummaryAndWrite(options.resultsFile(), !options.phases().contains(BenchmarkOptions.SCALE_PHASE)
                && !options.phases().contains(BenchmarkOptions.FINANCE_PHASE)
                && !options.phases().contains(BenchmarkOptions.RISKS_PHASE));
        return failed ? 1 : 0;
    }

    /** The raw baseline, then the app phases on one app. False when something failed. */
    private boolean runDefaultPhases(BenchDatabase database) throws Exception {
        Map<Integer, LoadResult> raw = runRaw(database);
        ConfigurableApplicationContext app;
        try {
            app = startApp(database);
        } catch (Exception e) {
            // Spring Boot has already logged the stack trace.
            report.line("APP DID NOT START: " + LoadRun.describe(e));
            rawSummary(raw);
            return false;
        }
        try {
            runAppPhases(app, database, raw);
            return true;
        } catch (Exception e) {
            report.line("APP PHASE FAILED: " + LoadRun.describe(e));
            e.printStackTrace();
            return false;
        } finally {
            stop(app);
        }
    }

    /**
     * Issue 15's phase: proposeProject over GraphQL at each concurrency through one instance (the packaged
     * jar, a process of its own, which claims every segment as the first one up), then through two (the
     * jar and an in-process app on the same database, senders alternating between them), then a kill -9 of
     * the jar while the in-process app stands by: the time until it owns every segment, and one mutation
     * sent right after the kill. Both instances share this machine's cores, so two cannot be faster than
     * the CPU allows: the ratio two/one measures what a second instance costs or gains here, not on two
     * machines. False when something failed.
     */
    private boolean runInstances(BenchDatabase database) throws Exception {
        Map<Integer, LoadResult> raw = runRaw(database);
        Path jar = options.appJar();
        if (!Files.exists(jar)) {
            report.line("NO PACKAGED APP at " + jar.toAbsolutePath() + " (mvn -B -pl app -am package -DskipTests, or --app-jar)");
            rawSummary(raw);
            return false;
        }
        Path log = options.resultsFile().toAbsolutePath().resolveSibling("instances-second.log");
        report.line("== I1. One instance: " + jar + " as a process of its own on this database (log " + log + ")");
        long start = System.nanoTime();
        InstancesBenchmark.ExternalInstance first = InstancesBenchmark.ExternalInstance.start(jar, database, options, log);
        ConfigurableApplicationContext second = null;
        try {
            report.line(String.format("   started in %.1f s, pid %d", (System.nanoTime() - start) / 1e9, first.pid()));
            GraphQlClient client = new GraphQlClient(first.graphQl(), GRAPHQL_USER, GRAPHQL_PASSWORD);
            String created = client.post("mutation($input: CreatePortfolioInput!) { createPortfolio(input: $input) "
                    + "{ portfolio { id } } }", "{\"input\":{\"name\":\"Instances " + System.currentTimeMillis()
                    + "\",\"currency\":\"EUR\",\"owner\":\"Bench\"}}").body();
            String portfolioId = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            Map<Integer, LoadResult> one = new LinkedHashMap<>();
            GraphQlBenchmark throughFirst = new GraphQlBenchmark(first.graphQl(), portfolioId, GRAPHQL_USER, GRAPHQL_PASSWORD);
            for (int senders : options.concurrency()) {
                LoadResult result = throughFirst.run(senders, options.warmup(), options.measured());
                one.put(senders, result);
                report.load(result, raw.get(senders));
            }
            ProjectionLagProbe.awaitViewsCaughtUp(database, CATCH_UP_LIMIT);
            report.blank();

            report.line("== I2. Two instances: an in-process app joins on the same database; senders alternate "
                    + "between the two");
            second = startApp(database);
            int port = ((WebServerApplicationContext) second).getWebServer().getPort();
            URI secondEndpoint = URI.create("http://localhost:" + port + "/graphql");
            long survivorPid = ProcessHandle.current().pid();
            report.line(String.format("   segments held: jar %d, in-process %d",
                    InstancesBenchmark.segmentsOwnedBy(database, options, first.pid()),
                    InstancesBenchmark.segmentsOwnedBy(database, options, survivorPid)));
            Map<Integer, LoadResult> two = new LinkedHashMap<>();
            GraphQlBenchmark throughBoth = new GraphQlBenchmark(List.of(first.graphQl(), secondEndpoint), portfolioId,
                    GRAPHQL_USER, GRAPHQL_PASSWORD);
            for (int senders : options.concurrency()) {
                LoadResult result = throughBoth.run(senders, options.warmup(), options.measured());
                two.put(senders, result);
                report.load(result, raw.get(senders));
                report.line(String.format("      two/one at %d senders: %.2f", senders,
                        result.perSecond() / one.get(senders).perSecond()));
            }
            ProjectionLagProbe.awaitViewsCaughtUp(database, CATCH_UP_LIMIT);
            report.blank();

            report.line("== I3. kill -9 of the jar (which holds the segments); the in-process app takes them over");
            GraphQlClient survivor = new GraphQlClient(secondEndpoint, GRAPHQL_USER, GRAPHQL_PASSWORD);
            long killedPid = first.pid();
            long killedAt = System.nanoTime();
            first.kill();
            GraphQlClient.Response probe = survivor.post("mutation($input: ProposeProjectInput!) { proposeProject(input: "
                    + "$input) { project { id status } } }", "{\"input\":{\"portfolioId\":\"" + portfolioId
                    + "\",\"name\":\"After the kill " + killedAt + "\",\"manager\":\"M\",\"sponsor\":\"S\","
                    + "\"methodology\":\"SCRUM\",\"plannedStart\":\"" + GatewayBenchmark.PLANNED_START
                    + "\",\"plannedFinish\":\"" + GatewayBenchmark.PLANNED_FINISH + "\"}}");
            long takeover = InstancesBenchmark.awaitTakeover(database, options, survivorPid, killedPid, killedAt,
                    Duration.ofSeconds(60));
            String takeoverLine = String.format("takeover of a killed instance's segments: %s (target <= 3,000 ms: %s); "
                            + "the first proposeProject through the survivor, sent right after the kill, answered in "
                            + "%.0f ms", takeover < 0 ? "not within 60 s" : String.format("%,d ms", takeover),
                    met(takeover >= 0 && takeover <= 3000), probe.micros() / 1000.0);
            report.line("   " + takeoverLine);
            report.blank();
            stop(second);
            second = null;

            runRawAgain(database, raw, "after both instances");
            rawSummary(raw);
            StringBuilder ratios = new StringBuilder();
            for (int senders : options.concurrency()) {
                report.summaryRow("GraphQL, one instance", one.get(senders), raw.get(senders));
                report.summaryRow("GraphQL, two instances", two.get(senders), raw.get(senders));
                ratios.append(String.format("%s%d senders %.2f", ratios.isEmpty() ? "" : ", ", senders,
                        two.get(senders).perSecond() / one.get(senders).perSecond()));
            }
            report.summary.add("two instances / one instance: " + ratios);
            report.targetLine = takeoverLine;
            return true;
        } catch (Exception e) {
            report.line("INSTANCES PHASE FAILED: " + LoadRun.describe(e));
            e.printStackTrace();
            return false;
        } finally {
            if (second != null) {
                stop(second);
            }
            first.close();
        }
    }

    private static void stop(ConfigurableApplicationContext app) {
        long stop = System.nanoTime();
        app.close();
        System.out.printf("(app stopped in %.1f s)%n", (System.nanoTime() - stop) / 1e9);
    }

    /**
     * Issue 8's benchmark (see {@link ScaleBenchmark}): seed before the app ever starts, replay
     * from scratch, reads, storage. False when something failed.
     */
    private boolean runScale(BenchDatabase database) throws Exception {
        ScaleBenchmark scale = new ScaleBenchmark(database, options, report::line);
        report.line("== S1. Seed: the app's Flyway migrations, run by the harness; then, unless the database holds "
                + "events already, one portfolio, " + options.scaleProjects() + " projects and a year of their events "
                + "straight into domainevententry");
        ScaleBenchmark.Prepared prepared = scale.prepare(true);
        report.blank();

        report.line("== S2. Raw paged read of domainevententry: 1,000 rows/page in global-index order, every column "
                + "fetched, 1 connection, twice");
        double cold = scale.pagedRead();
        double warm = scale.pagedRead();
        report.line(String.format("   first pass %,.0f rows/s, second pass %,.0f rows/s (the replay is compared "
                + "with the second: the event table is as warm for the processors)", cold, warm));
        report.summary.add(String.format("raw paged read of domainevententry (1,000 rows/page): %,.0f rows/s", warm));
        report.blank();

        long head = scale.head();
        report.line("== S3. Replay: the app starts on the seeded database with no tokens, so " + ScaleBenchmark.GROUPS
                + " build from scratch; watched until every segment of every group has passed global index "
                + String.format("%,d", head));
        Watched watched = startWatched(database, head);
        if (watched == null) {
            return false;
        }
        ConfigurableApplicationContext app = watched.app();
        try {
            ReplayWatch.Result replay = watched.result();
            reportReplay(replay, prepared.events(), warm, scale);
            for (String group : ScaleBenchmark.GROUPS) {
                report.line("   " + processorStatus(app, group));
            }
            report.blank();

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            URI endpoint = URI.create("http://localhost:" + port + "/graphql");
            boolean replaying = anyReplaying(app, List.of(ProcessingGroups.HISTORY));
            report.line("== S4. Reads over GraphQL as " + GRAPHQL_USER + ", right after the replay: "
                    + options.scaleRequests() + " rounds (after 20 not counted), each sending every query live and "
                    + "as of a random instant, alternating which goes first; every answer checked against the events");
            Map<String, long[]> before = scale.scans();
            List<ScaleBenchmark.Latencies> reads = scale.reads(endpoint, GRAPHQL_USER, GRAPHQL_PASSWORD,
                    options.scaleRequests());
            reportReads(reads, "right after the replay");
            report.line("   table scans during these reads: " + scansAfterFlush(scale, before));
            report.blank();

            report.line("== S4b. One command through the gateway on the seeded data");
            report.line("   " + scale.probeCommand(app.getBean(CommandGateway.class)));
            awaitNotReplaying(app, Duration.ofSeconds(30));
            for (String group : ScaleBenchmark.GROUPS) {
                report.line("   after it: " + processorStatus(app, group));
            }
            if (replaying) {
                report.line("   Axon flagged the history as replaying during S4 (as-of reads use it once it has caught up, "
                        + "see HistoryReadiness); the same reads again, now that a new event has ended the replay:");
                before = scale.scans();
                reads = scale.reads(endpoint, GRAPHQL_USER, GRAPHQL_PASSWORD, options.scaleRequests());
                reportReads(reads, "history ready");
                report.line("   table scans during these reads: " + scansAfterFlush(scale, before));
            }
            report.blank();

            report.line("== S5. Storage per event");
            ScaleBenchmark.Storage storage = scale.storage();
            String storageLine = String.format("storage per event (%,d events): history %.0f B (view_version %,d rows "
                            + "+ view_history_position), event table %.0f B, live views %.0f B, audit_entry %.0f B",
                    storage.events(), (double) storage.historyBytes() / storage.events(), storage.versions(),
                    (double) storage.eventTableBytes() / storage.events(),
                    (double) storage.liveViewBytes() / storage.events(), (double) storage.auditBytes() / storage.events());
            report.line("   " + storageLine);
            report.summary.add(storageLine);
            report.blank();

            report.line("== S5b. Write ceiling: the rows the replay wrote, copied inside PostgreSQL (INSERT ... SELECT "
                    + "into empty copies of the tables with their indexes)");
            ScaleBenchmark.WriteCeiling ceiling = scale.writeCeiling();
            StringBuilder perTable = new StringBuilder();
            ceiling.seconds().forEach((table, took) -> perTable.append(perTable.isEmpty() ? "" : ", ")
                    .append(String.format("%s %.1f s", table, took)));
            report.line("   " + perTable);
            writeCeilingRate = storage.events() / ceiling.total();
            String ceilingLine = String.format("write ceiling: storing the read side's rows takes PostgreSQL %.1f s "
                            + "by itself, so no replay of these %,d events can pass %,.0f events/s on this server; the replay "
                            + "reached %.2f of it", ceiling.total(), storage.events(), writeCeilingRate,
                    replayRate / writeCeilingRate);
            report.line("   " + ceilingLine);
            report.summary.add(ceilingLine);
            report.blank();

            report.line("== S6. Rebuild in the running app, as an operator would (rebuildProjection of every group at "
                    + "once): the JVM is warm now, where S3 paid for its warm-up");
            boolean identical = rebuildWarm(app, scale);
            report.blank();
            return replay.complete() && identical && reads.stream().allMatch(r -> r.mismatches() == 0);
        } catch (Exception e) {
            report.line("SCALE PHASE FAILED: " + LoadRun.describe(e));
            e.printStackTrace();
            return false;
        } finally {
            stop(app);
        }
    }

    /**
     * Issue 14's figures (see {@link IntegrityBenchmark}): on the scale data set, with the audit log on,
     * a full verification (three times) and auditProof for random events; then the gateway and GraphQL
     * loads with the log on and, in a second app on the same database, off
     * ({@code --portfolio.integrity.enabled=false}); the raw baseline before and after. False when
     * something failed.
     */
    private boolean runIntegrity(BenchDatabase database) throws Exception {
        report.line("== I1. The scale data set: the app's Flyway migrations, run by the harness; then, unless the "
                + "database holds events already, one portfolio and " + options.scaleProjects() + " projects with a "
                + "year of their events");
        ScaleBenchmark.Prepared prepared = new ScaleBenchmark(database, options, report::line).prepare(false);
        report.blank();
        Map<Integer, LoadResult> raw = runRaw(database);
        Map<Integer, LoadResult> gatewayOn = new LinkedHashMap<>();
        Map<Integer, LoadResult> graphQlOn = new LinkedHashMap<>();
        Map<Integer, LoadResult> gatewayOff = new LinkedHashMap<>();
        Map<Integer, LoadResult> graphQlOff = new LinkedHashMap<>();
        IntegrityBenchmark integrity = new IntegrityBenchmark(database);
        List<IntegrityBenchmark.Verification> verifications = new ArrayList<>();
        IntegrityBenchmark.Proofs proofs;

        ConfigurableApplicationContext app;
        try {
            app = startApp(database, List.of());
        } catch (Exception e) {
            report.line("APP DID NOT START: " + LoadRun.describe(e));
            return false;
        }
        try {
            long start = System.nanoTime();
            if (!IntegrityBenchmark.awaitHead(app, database, IntegrityBenchmark.GROUPS, REPLAY_LIMIT)) {
                report.line("   NOT CAUGHT UP within " + REPLAY_LIMIT.toMinutes() + " min");
                return false;
            }
            report.line(String.format("== I2. Audit log on: %s at the head of %,d events %.1f s after the start",
                    IntegrityBenchmark.GROUPS, prepared.events(), (System.nanoTime() - start) / 1e9));
            report.blank();

            report.line("== I3. Full verification of the audit trail (AuditTrailVerifier.verify, what verifyAuditTrail "
                    + "and the background job run), three times");
            for (int run = 0; run < 3; run++) {
                IntegrityBenchmark.Verification verification = IntegrityBenchmark.verify(app);
                verifications.add(verification);
                report.line(String.format("   %,d events, %,d leaves in %.2f s: %,.0f events/s, %s", verification.events(),
                        verification.leaves(), verification.seconds(), verification.eventsPerSecond(),
                        verification.intact() ? "intact" : verification.findings() + " FINDINGS"));
            }
            report.blank();

            StoredCheckpoint checkpoint = IntegrityBenchmark.sign(app);
            report.line("== I4. auditProof(eventId) over GraphQL as " + GRAPHQL_USER + " for " + options.proofRequests()
                    + " random events (after 20 not counted), each proof verified against checkpoint "
                    + checkpoint.number() + " (tree size " + checkpoint.checkpoint().treeSize() + ")");
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            proofs = integrity.proofs(new GraphQlClient(URI.create("http://localhost:" + port + "/graphql"),
                    GRAPHQL_USER, GRAPHQL_PASSWORD), options.proofRequests());
            report.line(String.format("   p50 %.2f ms, p99 %.2f ms, max %.2f ms; %d proofs verified",
                    proofs.micros().at(50) / 1000, proofs.micros().at(99) / 1000, proofs.micros().at(100) / 1000,
                    proofs.verified()));
            report.blank();

            report.line("== I5. Writes with the audit log on");
            integrityLoads(app, database, "on", IntegrityBenchmark.GROUPS, gatewayOn, graphQlOn);
        } catch (Exception e) {
            report.line("INTEGRITY PHASE FAILED: " + LoadRun.describe(e));
            e.printStackTrace();
            return false;
        } finally {
            stop(app);
        }

        try {
            app = startApp(database, List.of("--portfolio.integrity.enabled=false"));
        } catch (Exception e) {
            report.line("APP DID NOT START: " + LoadRun.describe(e));
            return false;
        }
        try {
            report.line("== I6. Writes with the audit log off (--portfolio.integrity.enabled=false: no appender, "
                    + "checkpoints, verification or command guard), same database");
            integrityLoads(app, database, "off", ScaleBenchmark.GROUPS, gatewayOff, graphQlOff);
        } catch (Exception e) {
            report.line("INTEGRITY PHASE FAILED: " + LoadRun.describe(e));
            e.printStackTrace();
            return false;
        } finally {
            stop(app);
        }
        runRawAgain(database, raw, "after both apps stopped");

        rawSummary(raw);
        for (int senders : options.concurrency()) {
            report.summaryRow("gateway, audit log on", gatewayOn.get(senders), raw.get(senders));
            report.summaryRow("gateway, audit log off", gatewayOff.get(senders), raw.get(senders));
        }
        for (int senders : options.concurrency()) {
            report.summaryRow("GraphQL, audit log on", graphQlOn.get(senders), raw.get(senders));
            report.summaryRow("GraphQL, audit log off", graphQlOff.get(senders), raw.get(senders));
        }
        for (int senders : options.concurrency()) {
            report.summary.add(String.format("audit log on / off at %2d senders: gateway %.2f, GraphQL mutation %.2f",
                    senders, ratio(gatewayOn.get(senders), gatewayOff.get(senders)),
                    ratio(graphQlOn.get(senders), graphQlOff.get(senders))));
        }
        double rate = verifications.stream().mapToDouble(IntegrityBenchmark.Verification::eventsPerSecond).sorted()
                .skip(1).findFirst().orElse(Double.NaN);
        boolean intact = verifications.stream().allMatch(IntegrityBenchmark.Verification::intact);
        String verifyLine = String.format("full verification of %,d events: median of 3 %,.0f events/s (target >= %,.0f:"
                        + " %s), %s; auditProof p50 %.2f ms, p99 %.2f ms (%d random events)",
                verifications.get(0).events(), rate, IntegrityBenchmark.TARGET_VERIFY_RATE,
                met(rate >= IntegrityBenchmark.TARGET_VERIFY_RATE), intact ? "intact" : "FINDINGS",
                proofs.micros().at(50) / 1000, proofs.micros().at(99) / 1000, proofs.micros().count());
        report.targetLine = verifyLine;
        return intact;
    }

    /** The gateway's and then GraphQL's proposeProject at each concurrency, waiting for the groups after each step. */
    private void integrityLoads(ConfigurableApplicationContext app, BenchDatabase database, String log,
                                List<String> groups, Map<Integer, LoadResult> viaGateway,
                                Map<Integer, LoadResult> viaGraphQl) throws Exception {
        CommandGateway gateway = app.getBean(CommandGateway.class);
        PortfolioId portfolio = GatewayBenchmark.createPortfolio(gateway,
                "Integrity benchmark, audit log " + log + ", " + System.currentTimeMillis());
        GatewayBenchmark gatewayBench = new GatewayBenchmark(gateway, portfolio);
        report.line("   command gateway: ProposeProjectCommand with sendAndWait");
        for (int senders : options.concurrency()) {
            LoadResult result = gatewayBench.run(senders, options.warmup(), options.measured());
            viaGateway.put(senders, result);
            report.load(result, null);
            caughtUp(app, database, groups);
        }
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        GraphQlBenchmark graphQl = new GraphQlBenchmark(URI.create("http://localhost:" + port + "/graphql"),
                portfolio.toString(), GRAPHQL_USER, GRAPHQL_PASSWORD);
        report.line("   GraphQL proposeProject mutation (includes the read-your-writes wait)");
        for (int senders : options.concurrency()) {
            LoadResult result = graphQl.run(senders, options.warmup(), options.measured());
            viaGraphQl.put(senders, result);
            report.load(result, null);
            caughtUp(app, database, groups);
        }
        report.blank();
    }

    /** No step starts with the previous step's backlog of events still being handled. */
    private void caughtUp(ConfigurableApplicationContext app, BenchDatabase database, List<String> groups)
            throws Exception {
        long start = System.nanoTime();
        boolean caughtUp = IntegrityBenchmark.awaitHead(app, database, groups, CATCH_UP_LIMIT);
        report.line(caughtUp ? String.format("     %s caught up %.1f s after the step", groups,
                (System.nanoTime() - start) / 1e9) : "     still behind after " + CATCH_UP_LIMIT.toSeconds() + " s");
    }

    /**
     * Issue 12's benchmark (see {@link FinanceBenchmark}): the scale data set with its progress
     * reports and cost ledgers, caught up by the app, then the portfolio's money reads live and as
     * of an instant, and the summary export. False when something failed.
     */
    private boolean runFinance(BenchDatabase database) throws Exception {
        Watched watched = catchUpOnScaleDataSet(database, "F", "The scale data set", false);
        if (watched == null) {
            return false;
        }
        ConfigurableApplicationContext app = watched.app();
        try {
            ReplayWatch.Result caughtUp = watched.result();
            FinanceBenchmark finance = new FinanceBenchmark(database);
            report.blank();

            String portfolio = finance.portfolioId();
            Instant past = finance.pastInstant();
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            URI base = URI.create("http://localhost:" + port);
            GraphQlClient client = new GraphQlClient(base.resolve("/graphql"), GRAPHQL_USER, GRAPHQL_PASSWORD);
            report.line("== F3. Money reads of portfolio " + portfolio + " over GraphQL as " + GRAPHQL_USER + ": "
                    + options.scaleRequests() + " rounds (after 20 not counted) of each, live and as of " + past
                    + ", alternating which goes first; status date today");
            List<FinanceBenchmark.Reads> reads = finance.reads(client, portfolio, past, options.scaleRequests());
            boolean ok = caughtUp.complete();
            StringBuilder targets = new StringBuilder();
            for (FinanceBenchmark.Reads read : reads) {
                boolean liveMet = read.live().at(99) / 1000 < FinanceBenchmark.TARGET_LIVE_P99_MS;
                boolean ratioMet = read.ratio() <= FinanceBenchmark.TARGET_AS_OF_RATIO;
                String line = String.format("%-11s live p50 %6.1f ms p99 %6.1f ms | as-of p50 %6.1f ms p99 %6.1f ms | "
                                + "as-of/live p99 %.2f | as of now = live: %s", read.query(), read.live().at(50) / 1000,
                        read.live().at(99) / 1000, read.asOf().at(50) / 1000, read.asOf().at(99) / 1000, read.ratio(),
                        read.asOfHeadEqualsLive() ? "yes" : "NO");
                report.line("   " + line);
                report.summary.add(line);
                ok &= read.asOfHeadEqualsLive();
                if (!read.query().startsWith("series")) {
                    targets.append(targets.isEmpty() ? "" : "; ").append(String.format(
                            "%s live p99 < %.0f ms: %s, as-of/live <= %.1f: %s", read.query(),
                            FinanceBenchmark.TARGET_LIVE_P99_MS, met(liveMet), FinanceBenchmark.TARGET_AS_OF_RATIO,
                            met(ratioMet)));
                }
            }
            report.blank();
            report.line("== F4. Summary export of every project of the portfolio (10 downloads after 2 not counted)");
            for (String format : List.of("csv", "jsonl")) {
                for (Instant asOf : Arrays.asList(null, past)) {
                    FinanceBenchmark.Export export = finance.export(base, GRAPHQL_USER, GRAPHQL_PASSWORD, client,
                            portfolio, format, asOf);
                    String line = String.format("export %-5s %-6s %,d rows, %,d bytes: p50 %.0f ms, max %.0f ms; peak heap "
                                    + "growth %.1f MiB, allocated %.1f MiB; totals = portfolio.earnedValue: %s",
                            export.format(), export.asOf() ? "as-of" : "live", export.rows(), export.bytes(),
                            export.millis().at(50), export.millis().max(), export.peakHeapGrowthBytes() / (1024.0 * 1024),
                            export.allocatedBytes() / (1024.0 * 1024),
                            export.totalsMatch() ? "yes" : "NO");
                    report.line("   " + line);
                    report.summary.add(line);
                    ok &= export.totalsMatch();
                }
            }
            report.targetLine = "finance: " + targets;
            report.blank();
            return ok;
        } catch (Exception e) {
            report.line("FINANCE PHASE FAILED: " + LoadRun.describe(e));
            e.printStackTrace();
            return false;
        } finally {
            stop(app);
        }
    }

    /**
     * Issue 13's phase: on the scale data set with risk registers and status reports, the portfolio's
     * risk heatmap (counts, and with each cell's first risks), its top 20 risks and its health, live
     * and as of random instants of the seeded year, every answer checked against the events.
     */
    private boolean runRisks(BenchDatabase database) throws Exception {
        Watched watched = catchUpOnScaleDataSet(database, "R", "The scale data set with "
                + ScaleHistory.RISKS_PER_PROJECT + " risks per project and status reports", true);
        if (watched == null) {
            return false;
        }
        ConfigurableApplicationContext app = watched.app();
        try {
            ReplayWatch.Result caughtUp = watched.result();
            FinanceBenchmark finance = new FinanceBenchmark(database);
            report.line("   risk rows: " + database.scalar("SELECT (SELECT count(*) FROM risk_version) || ' risk_version, ' "
                    + "|| (SELECT count(*) FROM risk_history_view) || ' risk_history_view, ' "
                    + "|| (SELECT count(*) FROM status_report_view) || ' status_report_view'"));
            report.blank();

            String portfolio = finance.portfolioId();
            RiskBenchmark risks = new RiskBenchmark(database);
            RiskBenchmark.Reference reference = risks.reference();
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            GraphQlClient client = new GraphQlClient(URI.create("http://localhost:" + port).resolve("/graphql"),
                    GRAPHQL_USER, GRAPHQL_PASSWORD);
            report.line("== R3. Risk and health reads of portfolio " + portfolio + " over GraphQL as " + GRAPHQL_USER + ": "
                    + options.scaleRequests() + " rounds (after 20 not counted) of each, live and as of a random instant "
                    + "of the seeded year, alternating which goes first");
            report.line("   the events hold " + reference.describe());
            List<RiskBenchmark.Reads> reads = risks.reads(client, portfolio, reference, options.scaleRequests());
            boolean ok = caughtUp.complete();
            StringBuilder targets = new StringBuilder();
            for (RiskBenchmark.Reads read : reads) {
                boolean ratioMet = read.ratio() <= RiskBenchmark.TARGET_AS_OF_RATIO;
                String line = String.format("%-13s live p50 %6.1f ms p99 %6.1f ms | as-of p50 %6.1f ms p99 %6.1f ms | "
                                + "as-of/live p99 %.2f (target <= %.1f: %s) | %d of %d answers differ from the events",
                        read.query(), read.live().at(50) / 1000, read.live().at(99) / 1000, read.asOf().at(50) / 1000,
                        read.asOf().at(99) / 1000, read.ratio(), RiskBenchmark.TARGET_AS_OF_RATIO, met(ratioMet),
                        read.mismatches(), read.checked());
                report.line("   " + line);
                if (read.firstMismatch() != null) {
                    report.line("     first difference: " + read.firstMismatch());
                }
                String nearHead = String.format("%-13s near the head (as of an hour before the last seeded event, %d rounds "
                                + "after 10): live p50 %6.1f ms p99 %6.1f ms | as-of p50 %6.1f ms p99 %6.1f ms",
                        read.query(), RiskBenchmark.HEAD_ROUNDS, read.headLive().at(50) / 1000,
                        read.headLive().at(99) / 1000, read.nearHead().at(50) / 1000, read.nearHead().at(99) / 1000);
                report.line("   " + nearHead);
                report.summary.add(line);
                report.summary.add("  " + nearHead);
                ok &= read.mismatches() == 0;
                targets.append(targets.isEmpty() ? "" : "; ").append(String.format("%s as-of p99 <= %.1f x live: %s",
                        read.query(), RiskBenchmark.TARGET_AS_OF_RATIO, met(ratioMet)));
            }
            report.targetLine = "risks: " + targets;
            report.blank();
            return ok;
        } catch (Exception e) {
            report.line("RISKS PHASE FAILED: " + LoadRun.describe(e));
            e.printStackTrace();
            return false;
        } finally {
            stop(app);
        }
    }

    /** The app started with a watch on its processors until every group passed {@code head}. */
    private record Watched(ConfigurableApplicationContext app, ReplayWatch.Result result) {
    }

    /**
     * Steps 1 and 2 of the phases on the scale data set: seed it unless the database holds events
     * (with the risk registers and status reports when {@code registers}), start the app and watch it
     * catch up, probe a command, and ANALYZE the read side. Null when the app did not start; the app
     * is stopped here if a step after its start fails.
     */
    private Watched catchUpOnScaleDataSet(BenchDatabase database, String step, String dataSet, boolean registers)
            throws Exception {
        ScaleBenchmark scale = new ScaleBenchmark(database, options, report::line);
        report.line("== " + step + "1. " + dataSet + " (seeded unless the database holds events already)");
        scale.prepare(false, registers);
        report.blank();
        long head = scale.head();
        report.line("== " + step + "2. The app starts and its processors catch up to global index "
                + String.format("%,d", head));
        Watched watched = startWatched(database, head);
        if (watched == null) {
            return null;
        }
        try {
            ReplayWatch.Result caughtUp = watched.result();
            report.line(String.format("   caught up %.1f s after the start (%s)", caughtUp.allCaughtUpSeconds(),
                    caughtUp.complete() ? "complete" : "NOT COMPLETE"));
            report.line("   " + scale.probeCommand(watched.app().getBean(CommandGateway.class)));
            awaitNotReplaying(watched.app(), Duration.ofSeconds(30));
            report.line("   dead letters: " + scale.deadLetters());
            report.line(String.format("   ANALYZE of the read side (what autovacuum does to tables that grew; the catch-up "
                    + "left the new tables without statistics): %.1f s", new FinanceBenchmark(database).analyze()));
            return watched;
        } catch (Exception e) {
            stop(watched.app());
            throw e;
        }
    }

    /** Null when the app did not start (said in the report). */
    private Watched startWatched(BenchDatabase database, long head) throws InterruptedException {
        ReplayWatch watch = new ReplayWatch(database, ScaleBenchmark.GROUPS, head);
        Thread watcher = watch.start();
        ConfigurableApplicationContext app;
        try {
            app = startApp(database);
        } catch (Exception e) {
            report.line("APP DID NOT START: " + LoadRun.describe(e));
            return null;
        }
        watch.attach(app);
        return new Watched(app, watch.await(watcher, REPLAY_LIMIT));
    }

    private void reportReplay(ReplayWatch.Result replay, long events, double rawRowsPerSecond, ScaleBenchmark scale)
            throws Exception {
        if (!replay.complete()) {
            report.line("   NOT CAUGHT UP within " + REPLAY_LIMIT.toMinutes() + " min");
        }
        report.line(String.format("   app context up %.1f s after the start call (the processors start during the "
                + "refresh, before it returns)", replay.appStartedSeconds()));
        report.line(String.format("   %-8s %11s %13s %9s %10s %13s  %s", "group", "started s", "caught up s",
                "replay s", "events/s", "thread CPU s", "threads"));
        for (ReplayWatch.GroupReplay group : replay.groups().values()) {
            report.line(String.format("   %-8s %11.1f %13.1f %9.1f %,10.0f %13.1f  %s", group.group(),
                    group.startedSeconds(), group.caughtUpSeconds(), group.seconds(), events / group.seconds(),
                    group.threadCpuSeconds(), String.join(", ", group.threads())));
        }
        for (ReplayWatch.GroupReplay group : replay.groups().values()) {
            report.line("   first token stored by " + group.group() + ": " + group.firstToken());
        }
        double seconds = replay.allCaughtUpSeconds() - replay.firstStartSeconds();
        double rate = events / seconds;
        replayRate = rate;
        double ratio = rate / rawRowsPerSecond;
        String replayLine = String.format("replay of %,d events into all projections: %.1f s from the first group's "
                        + "start (%.1f s after the app's start call): %,.0f events/s (target >= %,.0f: %s); ratio to the "
                        + "raw read %.3f (target >= %.1f: %s)", events, seconds, replay.allCaughtUpSeconds(), rate,
                ScaleBenchmark.TARGET_REPLAY_RATE, met(rate >= ScaleBenchmark.TARGET_REPLAY_RATE), ratio,
                ScaleBenchmark.TARGET_REPLAY_RATIO, met(ratio >= ScaleBenchmark.TARGET_REPLAY_RATIO));
        report.line("   " + replayLine);
        report.summary.add(replayLine);
        for (ReplayWatch.GroupReplay group : replay.groups().values()) {
            report.summary.add(String.format("  %-8s %6.1f s, %,8.0f events/s, its threads' CPU %.1f s", group.group(),
                    group.seconds(), events / group.seconds(), group.threadCpuSeconds()));
        }
        String cpu = String.format("CPU from the start call to the last group caught up (%.1f s wall, %d cores): "
                        + "JVM %.1f s (GC %.1f s, JIT compiler threads %.1f s), PostgreSQL server %.1f s (all its "
                        + "databases)",
                replay.allCaughtUpSeconds(), Runtime.getRuntime().availableProcessors(), replay.jvmCpuSeconds(),
                replay.gcSeconds(), replay.jitSeconds(), replay.postgresCpuSeconds());
        report.line("   " + cpu);
        report.line("   busiest JVM threads (CPU since they started): " + replay.busiestThreads());
        report.summary.add("  " + cpu);
        report.line("   dead letters after the replay: " + scale.deadLetters());
        report.line("   read side after the replay: " + scale.readSideRows());
        report.targetLine = scaleReplayTarget;
        scaleReplayTarget = String.format("scale replay %,.0f events/s (target >= %,.0f: %s), ratio to raw %.3f "
                        + "(target >= %.1f: %s)", rate, ScaleBenchmark.TARGET_REPLAY_RATE,
                met(rate >= ScaleBenchmark.TARGET_REPLAY_RATE), ratio, ScaleBenchmark.TARGET_REPLAY_RATIO,
                met(ratio >= ScaleBenchmark.TARGET_REPLAY_RATIO));
    }

    /**
     * Rebuilds every group through {@link ProjectionRebuilds} and waits until each reports caught
     * up; prints the rate, the CPU, and whether the read side is row for row what S3 built. False
     * when it differs or does not finish.
     */
    private boolean rebuildWarm(ConfigurableApplicationContext app, ScaleBenchmark scale) throws Exception {
        Map<String, String> before = scale.checksums();
        ProjectionRebuilds rebuilds = app.getBean(ProjectionRebuilds.class);
        long jvmCpu = ReplayWatch.jvmCpuNanos();
        long jit = ReplayWatch.jitMillis();
        double postgres = ReplayWatch.postgresCpuSeconds();
        long start = System.nanoTime();
        Map<String, Double> finished = new LinkedHashMap<>();
        long total = 0;
        for (String group : ScaleBenchmark.GROUPS) {
            total = rebuilds.start(group, "benchmark").eventsTotal();
        }
        long deadline = start + REPLAY_LIMIT.toNanos();
        while (finished.size() < ScaleBenchmark.GROUPS.size() && System.nanoTime() < deadline) {
            for (String group : ScaleBenchmark.GROUPS) {
                if (!finished.containsKey(group) && rebuilds.last(group).caughtUp()) {
                    finished.put(group, (System.nanoTime() - start) / 1e9);
                }
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (finished.size() < ScaleBenchmark.GROUPS.size()) {
            report.line("   NOT CAUGHT UP within " + REPLAY_LIMIT.toMinutes() + " min: " + finished);
            return false;
        }
        double rate = total / seconds;
        for (String group : ScaleBenchmark.GROUPS) {
            ProjectionRebuild last = rebuilds.last(group);
            report.line(String.format("   %-8s caught up after %6.1f s: %,8.0f events/s", group, finished.get(group),
                    last.eventsTotal() / finished.get(group)));
        }
        String line = String.format("warm rebuild of %,d events into all projections: %.1f s, %,.0f events/s "
                        + "(target >= %,.0f: %s); CPU: JVM %.1f s (JIT compiler threads %.1f s), PostgreSQL server %.1f s",
                total, seconds, rate, ScaleBenchmark.TARGET_REPLAY_RATE, met(rate >= ScaleBenchmark.TARGET_REPLAY_RATE),
                (ReplayWatch.jvmCpuNanos() - jvmCpu) / 1e9, (ReplayWatch.jitMillis() - jit) / 1e3,
                ReplayWatch.postgresCpuSeconds() - postgres);
        report.line("   " + line);
        report.summary.add(line);
        String ofCeiling = String.format("warm rebuild: %.2f of the write ceiling (%,.0f events/s)",
                rate / writeCeilingRate, writeCeilingRate);
        report.line("   " + ofCeiling);
        report.summary.add(ofCeiling);
        Map<String, String> after = scale.checksums();
        boolean identical = before.equals(after);
        report.line("   read side after the rebuild " + (identical ? "identical to S3's, row for row (count and checksum "
                + "of every table)" : "DIFFERS from S3's: before " + before + ", after " + after));
        return identical;
    }

    /** PostgreSQL's table statistics reach the views about a second after the transactions that made them. */
    private static String scansAfterFlush(ScaleBenchmark scale, Map<String, long[]> before) throws Exception {
        Thread.sleep(1500);
        return ScaleBenchmark.scansBetween(before, scale.scans());
    }

    private static StreamingEventProcessor processor(ConfigurableApplicationContext app, String group) {
        return app.getBean(EventProcessingConfiguration.class).eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow();
    }

    private static String processorStatus(ConfigurableApplicationContext app, String group) {
        Collection<EventTrackerStatus> statuses = processor(app, group).processingStatus().values();
        return String.format("%s: %d segments, caught up %s, replaying %s, positions %s", group, statuses.size(),
                statuses.stream().allMatch(EventTrackerStatus::isCaughtUp),
                statuses.stream().anyMatch(EventTrackerStatus::isReplaying),
                statuses.stream().map(s -> String.valueOf(s.getCurrentPosition().orElse(-1))).toList());
    }

    private static boolean anyReplaying(ConfigurableApplicationContext app, List<String> groups) {
        return groups.stream().anyMatch(group -> processor(app, group).processingStatus().values().stream()
                .anyMatch(EventTrackerStatus::isReplaying));
    }

    private static void awaitNotReplaying(ConfigurableApplicationContext app, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (anyReplaying(app, ScaleBenchmark.GROUPS) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private void reportReads(List<ScaleBenchmark.Latencies> reads, String when) {
        StringBuilder targets = new StringBuilder();
        for (ScaleBenchmark.Latencies read : reads) {
            double ratio = read.ratio();
            String line = String.format("%-9s live p50 %6.1f ms p99 %6.1f ms | as-of p50 %6.1f ms p99 %6.1f ms | "
                            + "as-of/live p99 %.2f (target <= %.1f: %s)", read.query(), read.live().at(50) / 1000,
                    read.live().at(99) / 1000, read.asOf().at(50) / 1000, read.asOf().at(99) / 1000, ratio,
                    ScaleBenchmark.TARGET_AS_OF_RATIO, met(ratio <= ScaleBenchmark.TARGET_AS_OF_RATIO));
            if (read.query().equals("portfolio")) {
                double p99 = read.asOf().at(99) / 1000;
                line += String.format("; as-of p99 < %.0f ms: %s", ScaleBenchmark.TARGET_PORTFOLIO_AS_OF_P99_MS,
                        met(p99 < ScaleBenchmark.TARGET_PORTFOLIO_AS_OF_P99_MS));
            }
            report.line("   " + line);
            report.line(String.format("             answers checked against the events: %d, differing: %d%s",
                    read.checked(), read.mismatches(), read.firstMismatch() == null ? "" : " (first: "
                            + read.firstMismatch() + ")"));
            report.summary.add(line + " [" + when + "]");
            targets.append(String.format("; %s as-of/live p99 %.2f", read.query(), ratio));
        }
        report.targetLine = scaleReplayTarget + " [reads " + when + "]" + targets;
    }

    private static String met(boolean met) {
        return met ? "MET" : "NOT MET";
    }

    private Map<Integer, LoadResult> runRaw(BenchDatabase database) throws Exception {
        RawInsertBenchmark rawBench = new RawInsertBenchmark(database);
        rawBench.createTable();
        report.line("== 1. Raw JDBC baseline: one-row autocommit inserts into " + RawInsertBenchmark.TABLE
                + " (payload " + RawInsertBenchmark.PAYLOAD.length + " B, metadata "
                + RawInsertBenchmark.METADATA.length + " B)");
        Map<Integer, LoadResult> results = new LinkedHashMap<>();
        for (int clients : options.concurrency()) {
            LoadResult result = rawBench.run(clients, options.warmup(), options.measured());
            results.put(clients, result);
            report.load(result, null);
        }
        rawBefore.putAll(results);
        RawInsertBenchmark.PagedRead read = rawBench.pagedRead(Duration.ofSeconds(5));
        report.line(String.format("   paged read, 100 rows/page in global-index order, 1 connection: "
                + "%,.0f rows/s (%,d rows in %.2f s)", read.perSecond(), read.rows(), read.seconds()));
        report.summary.add(String.format("%-28s %8s %12s %8s %9s %9s %7s", "phase", "senders", "ops/s",
                "ratio", "p50 ms", "p99 ms", "errors"));
        pagedReadRow = String.format("%-28s %8d %12.0f %8s", "raw JDBC paged read", 1, read.perSecond(), "-");
        report.blank();
        return results;
    }

    /**
     * The raw baseline once more, right after the gateway phase, on the same table and database:
     * this machine's speed drifts by tens of percent within minutes, so every ratio is taken
     * against the mean of the raw rate measured before the app started and this one.
     */
    private void runRawAgain(BenchDatabase database, Map<Integer, LoadResult> raw, String when) throws Exception {
        RawInsertBenchmark rawBench = new RawInsertBenchmark(database);
        report.line("== 2b. Raw JDBC baseline again, " + when);
        for (int clients : options.concurrency()) {
            LoadResult again = rawBench.run(clients, options.warmup(), options.measured());
            report.load(again, null);
            rawAfter.put(clients, again);
            raw.put(clients, LoadResult.meanRate(rawBefore.get(clients), again));
        }
        report.blank();
    }

    private ConfigurableApplicationContext startApp(BenchDatabase database) {
        return startApp(database, List.of());
    }

    /** @param settings Spring Boot arguments of this start only, after those of {@code --app-arg} */
    private ConfigurableApplicationContext startApp(BenchDatabase database, List<String> settings) {
        report.line("== Starting the app in-process (Hikari pool " + options.appPoolSize() + ")"
                + (settings.isEmpty() ? "" : " with " + settings));
        long start = System.nanoTime();
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + options.user(),
                "--spring.datasource.password=" + options.password(),
                "--spring.datasource.hikari.maximum-pool-size=" + options.appPoolSize(),
                "--server.port=0",
                "--spring.main.banner-mode=off",
                // Figures, not logs: the app's INFO lines would bury the results.
                "--logging.level.root=WARN"));
        args.addAll(options.appArgs());
        args.addAll(settings);
        if (!options.appArgs().isEmpty()) {
            report.line("   extra app arguments: " + options.appArgs());
        }
        SpringApplication application = new SpringApplication(PortfolioLedgerApplication.class);
        ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
        report.line(String.format("   started in %.1f s", (System.nanoTime() - start) / 1e9));
        return context;
    }

    private void runAppPhases(ConfigurableApplicationContext app, BenchDatabase database,
                              Map<Integer, LoadResult> raw) throws Exception {
        CommandGateway gateway = app.getBean(CommandGateway.class);
        PortfolioId portfolio = GatewayBenchmark.createPortfolio(gateway,
                "Benchmark portfolio " + System.currentTimeMillis());
        GatewayBenchmark gatewayBench = new GatewayBenchmark(gateway, portfolio);
        report.blank();

        Map<Integer, LoadResult> viaGateway = new LinkedHashMap<>();
        if (options.phases().contains("gateway")) {
            runGateway(gatewayBench, database, viaGateway);
            runRawAgain(database, raw, "after the gateway phase (the app idle, views caught up)");
        }
        rawSummary(raw);
        for (var entry : viaGateway.entrySet()) {
            report.summaryRow("command gateway", entry.getValue(), raw.get(entry.getKey()));
        }

        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        URI endpoint = URI.create("http://localhost:" + port + "/graphql");
        if (options.phases().contains("graphql")) {
            runGraphQl(endpoint, portfolio, database, raw);
        }
        if (options.phases().contains("lag")) {
            runLag(gatewayBench, database);
        }
        if (options.phases().contains("history")) {
            runHistory(app, endpoint, portfolio, database);
        }
        if (options.phases().contains("resources")) {
            runResources(gateway, endpoint, database, raw);
        }

        // How big real events are, to check that the raw baseline's rows are comparable.
        report.line("Real ProjectProposedEvent rows: avg payload "
                + database.scalar("SELECT round(avg(octet_length(payload))) FROM domainevententry "
                + "WHERE payloadtype = 'dev.portfolioledger.api.project.ProjectProposedEvent'")
                + " B, avg metadata "
                + database.scalar("SELECT round(avg(octet_length(metadata))) FROM domainevententry "
                + "WHERE payloadtype = 'dev.portfolioledger.api.project.ProjectProposedEvent'")
                + " B; events stored: " + database.scalar("SELECT count(*) FROM domainevententry")
                + ", actor on the last one: "
                + database.scalar("SELECT convert_from(metadata, 'UTF8') FROM domainevententry "
                + "ORDER BY globalindex DESC LIMIT 1"));

        if (!viaGateway.isEmpty()) {
            int top = options.concurrency().get(options.concurrency().size() - 1);
            double ratio = ratio(viaGateway.get(top), raw.get(top));
            report.targetLine = String.format("gateway ratio at %d senders: %.2f (target >= %.1f)%s", top, ratio,
                    TARGET_GATEWAY_RATIO, ratio >= TARGET_GATEWAY_RATIO ? "  MET" : "  NOT MET");
        }
    }

    private void runGateway(GatewayBenchmark gatewayBench, BenchDatabase database,
                            Map<Integer, LoadResult> viaGateway) throws Exception {
        report.line("== 2. Command gateway: ProposeProjectCommand with sendAndWait (commit, no view wait)");
        for (int senders : options.concurrency()) {
            LoadResult result = gatewayBench.run(senders, options.warmup(), options.measured());
            viaGateway.put(senders, result);
            // no ratio yet: it is taken against the raw rate measured before and after (summary)
            report.load(result, null);
            double caughtUp = ProjectionLagProbe.awaitViewsCaughtUp(database, CATCH_UP_LIMIT);
            report.line(caughtUp < 0 ? "     views still behind after " + CATCH_UP_LIMIT.toSeconds() + " s"
                    : String.format("     views caught up %.1f s after the step", caughtUp));
        }
        report.blank();
    }

    /**
     * Issue 11: a pool of {@link #RESOURCES} resources over a year for {@link #STAFFED_PROJECTS}
     * projects of a portfolio of its own, built through the gateway; then allocateResource and
     * reallocateResource through the gateway at each concurrency, as ratios to the raw rate.
     */
    private void runResources(CommandGateway gateway, URI endpoint, BenchDatabase database,
                              Map<Integer, LoadResult> raw) throws Exception {
        report.line("== 6. Resources: " + RESOURCES + " resources, " + STAFFED_PROJECTS + " projects, a year of "
                + "allocations and leave, built through the command gateway");
        PortfolioId portfolio = GatewayBenchmark.createPortfolio(gateway, "Resource pool " + System.currentTimeMillis());
        ResourceBenchmark resources = new ResourceBenchmark(gateway);
        ResourceBenchmark.Pool pool = resources.seed(portfolio, STAFFED_PROJECTS, RESOURCES);
        report.line(String.format("   seeded with %,d commands in %.1f s (%,.0f commands/s, one sender)",
                pool.commands(), pool.seconds(), pool.commands() / pool.seconds()));
        ProjectionLagProbe.awaitViewsCaughtUp(database, CATCH_UP_LIMIT);
        Thread.sleep(1000);
        java.time.Instant built = java.time.Instant.now();
        Thread.sleep(1000);
        ResourceBenchmark.Reads reads = ResourceBenchmark.utilisation(
                new GraphQlClient(endpoint, GRAPHQL_USER, GRAPHQL_PASSWORD), pool, built, 400);
        String readLine = String.format("portfolio.utilisation, 52 weeks x %d resources (%d periods in the answer): "
                        + "live p50/p90/p99 %.1f/%.1f/%.1f ms, as of %.1f/%.1f/%.1f ms, as-of/live p50 %.2f p99 %.2f "
                        + "(targets: live p99 < 200 ms, as-of/live p99 <= 1.5)", reads.resources(), reads.periods(),
                reads.live().at(50) / 1000, reads.live().at(90) / 1000, reads.live().at(99) / 1000,
                reads.asOf().at(50) / 1000, reads.asOf().at(90) / 1000, reads.asOf().at(99) / 1000,
                reads.asOf().at(50) / reads.live().at(50), reads.asOf().at(99) / reads.live().at(99));
        report.line("   " + readLine);
        report.summary.add(readLine);
        report.line("   allocateResource (1 % for one random day of " + ResourceBenchmark.ALLOCATION_YEAR.getYear()
                + ", random resource and project), sendAndWait:");
        for (int senders : options.concurrency()) {
            LoadResult result = resources.allocate(pool, senders, options.warmup(), options.measured());
            report.load(result, raw.get(senders));
            report.summaryRow("allocateResource (gateway)", result, raw.get(senders));
        }
        report.line("   reallocateResource (1 % for one random day of " + ResourceBenchmark.REALLOCATION_YEAR.getYear()
                + " from the project every resource is half allocated to), sendAndWait:");
        for (int senders : options.concurrency()) {
            LoadResult result = resources.reallocate(pool, senders, options.warmup(), options.measured());
            report.load(result, raw.get(senders));
            report.summaryRow("reallocateResource (gateway)", result, raw.get(senders));
        }
        report.blank();
    }

    /** The raw rows of the summary: before, after (when measured) and the mean the ratios use. */
    private void rawSummary(Map<Integer, LoadResult> raw) {
        for (int clients : options.concurrency()) {
            report.summaryRow("raw JDBC insert, before app", rawBefore.get(clients), null);
            if (rawAfter.containsKey(clients)) {
                report.summaryRow("raw JDBC insert, after", rawAfter.get(clients), null);
                report.summaryRow("raw JDBC insert, mean", raw.get(clients), null);
            }
        }
        report.summary.add(pagedReadRow);
    }

    private void runGraphQl(URI endpoint, PortfolioId portfolio, BenchDatabase database,
                            Map<Integer, LoadResult> raw) throws Exception {
        GraphQlBenchmark graphQl = new GraphQlBenchmark(endpoint, portfolio.toString(), GRAPHQL_USER, GRAPHQL_PASSWORD);
        report.line("== 3. GraphQL over HTTP/1.1: proposeProject mutation (includes the read-your-writes wait), "
                + endpoint);
        Map<Integer, LoadResult> viaGraphQl = new LinkedHashMap<>();
        for (int senders : options.concurrency()) {
            LoadResult result = graphQl.run(senders, options.warmup(), options.measured());
            viaGraphQl.put(senders, result);
            report.load(result, raw.get(senders));
        }
        for (var entry : viaGraphQl.entrySet()) {
            report.summaryRow("GraphQL mutation", entry.getValue(), raw.get(entry.getKey()));
        }
        ProjectionLagProbe.awaitViewsCaughtUp(database, CATCH_UP_LIMIT);
        report.blank();
    }

    private void runLag(GatewayBenchmark gatewayBench, BenchDatabase database) throws Exception {
        String rate = options.lagRatePerSecond() <= 0 ? "unthrottled" : options.lagRatePerSecond() + " commands/s in total";
        report.line("== 4. Projection lag, commit (sendAndWait returned) to row visible in project_view: "
                + options.lagSenders() + " senders, " + rate);
        ProjectionLagProbe.Result lag = new ProjectionLagProbe(gatewayBench, database)
                .run(options.lagSenders(), options.lagRatePerSecond(), options.measured(), options.lagPollInterval());
        String lagLine = String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (%,d seen, %,d never seen, "
                        + "%,d send errors; resolution: poll every %.0f ms + poll time %.2f ms)",
                lag.p50Millis(), lag.p99Millis(), lag.maxMillis(), lag.seen(), lag.unseen(), lag.sendErrors(),
                lag.pollIntervalMillis(), lag.meanPollMillis());
        report.line("   " + lagLine);
        if (lag.firstError() != null) {
            report.line("   first error: " + lag.firstError());
        }
        report.blank();
        report.lagLine = "projection lag (" + options.lagSenders() + " senders, " + rate + "): " + lagLine;
    }

    private void runHistory(ConfigurableApplicationContext app, URI endpoint, PortfolioId portfolio,
                            BenchDatabase database) throws Exception {
        report.line("== 5. History: one project with ~1,000 events and 100 revised baselines; GraphQL latency of "
                + "project(id, asOf) at random instants, scopeHistory and baselineDiff(1, 101)");
        HistoryBenchmark.Result history = new HistoryBenchmark(app.getBean(CommandGateway.class), endpoint,
                GRAPHQL_USER, GRAPHQL_PASSWORD).run(portfolio, database, 200);
        report.historyLine = String.format("history (%,d events, %d baseline versions): as-of p50 %.1f ms, p99 %.1f ms "
                        + "(target p99 < 50 ms: %s); scopeHistory p50 %.1f ms, p99 %.1f ms; baselineDiff(1, %d) p50 %.1f ms, "
                        + "p99 %.1f ms",
                history.events(), history.versions(), history.asOf().at(50) / 1000, history.asOf().at(99) / 1000,
                history.asOf().at(99) / 1000 < 50 ? "MET" : "NOT MET",
                history.scopeHistory().at(50) / 1000, history.scopeHistory().at(99) / 1000, history.versions(),
                history.diff().at(50) / 1000, history.diff().at(99) / 1000);
        report.line("   " + report.historyLine);
        report.blank();
    }

    /** Other work on a 2-core machine skews every figure; the load average tells whether it did. */
    private static String loadAverage(String when) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format("System load average (1 min) %s: %.2f", when, load);
    }

    static double ratio(LoadResult app, LoadResult raw) {
        return app == null || raw == null || raw.perSecond() == 0 ? Double.NaN : app.perSecond() / raw.perSecond();
    }

    /** Everything printed as it happens, plus the summary table kept for the end and the file. */
    private static final class Report {
        private final List<String> lines = new ArrayList<>();
        private final List<String> summary = new ArrayList<>();
        private String lagLine;
        private String historyLine;
        private String targetLine;

        void line(String text) {
            System.out.println(text);
            lines.add(text);
        }

        void blank() {
            line("");
        }

        void load(LoadResult r, LoadResult raw) {
            String ratio = raw == null ? "" : String.format(", ratio to raw %.2f", ratio(r, raw));
            line(String.format("   %2d %-8s %,10.0f /s%s  (latency p50 %.2f ms, p99 %.2f ms, max %.1f ms; %,d ops, %d errors)",
                    r.workers(), r.workers() == 1 ? "client" : "clients", r.perSecond(), ratio,
                    r.p50Millis(), r.p99Millis(), r.maxMillis(), r.operations(), r.errors()));
            if (r.firstError() != null) {
                line("      first error: " + r.firstError());
            }
        }

        void summaryRow(String phase, LoadResult r, LoadResult raw) {
            summary.add(String.format("%-28s %8d %12.0f %8s %9.2f %9.2f %7d", phase, r.workers(), r.perSecond(),
                    raw == null ? "-" : String.format("%.2f", ratio(r, raw)), r.p50Millis(), r.p99Millis(), r.errors()));
        }

        /** @param loadRatios whether the summary holds load rows with ratios to the raw inserts */
        void printSummaryAndWrite(Path file, boolean loadRatios) throws IOException {
            List<String> block = new ArrayList<>();
            block.add("==================== SUMMARY ====================");
            block.addAll(summary);
            if (loadRatios) {
                block.add("(ratio = ops/s divided by raw JDBC inserts/s at the same concurrency)");
            }
            if (historyLine != null) {
                block.add(historyLine);
            }
            if (lagLine != null) {
                block.add(lagLine);
            }
            block.add(targetLine != null ? targetLine : "gateway ratio: not measured (the app phases did not run)");
            block.forEach(System.out::println);

            List<String> all = new ArrayList<>(lines);
            all.add("");
            all.addAll(block);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, all);
            System.out.println("Results written to " + file.toAbsolutePath());
        }
    }
}
