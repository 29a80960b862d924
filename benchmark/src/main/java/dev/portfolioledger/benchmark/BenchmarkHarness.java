package dev.portfolioledger.benchmark;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.app.PortfolioLedgerApplication;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
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
    /** Longest wait for the views to drain a phase's backlog before the next phase starts. */
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(90);

    private final BenchmarkOptions options;
    private final Report report = new Report();
    private final Map<Integer, LoadResult> rawBefore = new LinkedHashMap<>();
    private final Map<Integer, LoadResult> rawAfter = new LinkedHashMap<>();
    private String pagedReadRow;

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
            report.line("Phases: raw" + (options.phases().contains("gateway") ? " (before and after the gateway phase)" : "")
                    + ", " + String.join(", ", options.phases()));
            report.line("PostgreSQL: " + database.scalar("SELECT version()"));
            report.line("  synchronous_commit=" + database.scalar("SHOW synchronous_commit")
                    + ", fsync=" + database.scalar("SHOW fsync")
                    + ", shared_buffers=" + database.scalar("SHOW shared_buffers")
                    + ", max_connections=" + database.scalar("SHOW max_connections"));
            report.blank();

            Map<Integer, LoadResult> raw = runRaw(database);
            ConfigurableApplicationContext app = null;
            try {
                app = startApp(database);
            } catch (Exception e) {
                failed = true;
                // Spring Boot has already logged the stack trace.
                report.line("APP DID NOT START: " + LoadRun.describe(e));
                rawSummary(raw);
            }
            if (app != null) {
                try {
                    runAppPhases(app, database, raw);
                } catch (Exception e) {
                    failed = true;
                    report.line("APP PHASE FAILED: " + LoadRun.describe(e));
                    e.printStackTrace();
                } finally {
                    long stop = System.nanoTime();
                    app.close();
                    System.out.printf("(app stopped in %.1f s)%n", (System.nanoTime() - stop) / 1e9);
                }
            }
            if (options.keep()) {
                report.line("Kept database " + database.jdbcUrl());
            } else {
                new RawInsertBenchmark(database).dropTable();
            }
        }
        report.line(loadAverage("at the end"));
        report.printSummaryAndWrite(options.resultsFile());
        return failed ? 1 : 0;
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
    private void runRawAgain(BenchDatabase database, Map<Integer, LoadResult> raw) throws Exception {
        RawInsertBenchmark rawBench = new RawInsertBenchmark(database);
        report.line("== 2b. Raw JDBC baseline again, after the gateway phase (the app idle, views caught up)");
        for (int clients : options.concurrency()) {
            LoadResult again = rawBench.run(clients, options.warmup(), options.measured());
            report.load(again, null);
            rawAfter.put(clients, again);
            raw.put(clients, LoadResult.meanRate(rawBefore.get(clients), again));
        }
        report.blank();
    }

    private ConfigurableApplicationContext startApp(BenchDatabase database) {
        report.line("== Starting the app in-process (Hikari pool " + options.appPoolSize() + ")");
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
            runRawAgain(database, raw);
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

        void printSummaryAndWrite(Path file) throws IOException {
            List<String> block = new ArrayList<>();
            block.add("==================== SUMMARY ====================");
            block.addAll(summary);
            block.add("(ratio = ops/s divided by raw JDBC inserts/s at the same concurrency)");
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
