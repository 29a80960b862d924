package dev.portfolioledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.program.ProgramCreatedEvent;
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectPutOnHoldEvent;
import dev.portfolioledger.api.project.ProjectResumedEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.changerequest.SubmitChangeRequestCommand;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.DateTimeUtils;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Issue 8's benchmark on a portfolio of realistic size: seeds a year of one portfolio (50 programs,
 * 2,000 projects, about 200,000 events) straight into the event store, measures the replay of every
 * processing group from scratch against a raw paged read of the same table, then the latency of
 * live against as-of GraphQL reads, and the storage the history costs per event.
 */
final class ScaleBenchmark {

    /** Every group that builds from the event store; command-lookups is subscribing (no tokens). */
    static final List<String> GROUPS = List.of(ProcessingGroups.VIEWS, ProcessingGroups.AUDIT, ProcessingGroups.HISTORY);
    static final double TARGET_REPLAY_RATE = 20_000;
    static final double TARGET_REPLAY_RATIO = 0.3;
    static final double TARGET_AS_OF_RATIO = 1.5;
    static final double TARGET_PORTFOLIO_AS_OF_P99_MS = 100;
    private static final long SEED = 8;
    private static final int WARM_UP_PAIRS = 20;
    private static final int PAGE = 1000;
    /** What the groups write: emptied when an already seeded database is replayed again. */
    private static final List<String> READ_SIDE = List.of("portfolio_view", "program_view", "project_view",
            "deliverable_view", "milestone_view", "budget_line_view", "change_request_view",
            "baseline_version_view", "audit_entry", "view_version", "view_history_position", "deadletterentry");
    private static final List<String> LIVE_VIEWS = READ_SIDE.subList(0, 8);

    private static final String COUNTS = "projectCounts { proposed approved active onHold closed cancelled total }";
    private static final String PORTFOLIO_QUERY = """
            query($id: ID!, $asOf: DateTime) { portfolio(id: $id, asOf: $asOf) {
              id name %s
              programs(first: 50) { edges { node { id name status } } }
              projects(first: 100) { edges { node { id name status } } }
            } }""".formatted(COUNTS);
    private static final String PROGRAM_QUERY = """
            query($id: ID!, $asOf: DateTime) { program(id: $id, asOf: $asOf) {
              id name status %s
              projects(first: 100) { edges { node { id name status } } }
            } }""".formatted(COUNTS);
    private static final String PROJECT_QUERY = """
            query($id: ID!, $asOf: DateTime) { project(id: $id, asOf: $asOf) {
              id name status baselineVersion
              deliverables { id name plannedCost { amount currency } plannedStart plannedFinish }
              milestones { id name dueDate }
              budget { lines { category amount { amount currency } } total { amount currency } }
              changeRequests(first: 20) { edges { node { id status } } }
            } }""";

    record Prepared(long events, boolean seeded, double seedSeconds) {
    }

    record Latencies(String query, Percentiles live, Percentiles asOf, int checked, int mismatches,
                     String firstMismatch) {
        double ratio() {
            return asOf.at(99) / live.at(99);
        }
    }

    private final BenchDatabase database;
    private final BenchmarkOptions options;
    private final Consumer<String> out;
    private final ObjectMapper json = new ObjectMapper();

    ScaleBenchmark(BenchDatabase database, BenchmarkOptions options, Consumer<String> out) {
        this.database = database;
        this.options = options;
        this.out = out;
    }

    // --- 1. seed ---

    /**
     * Creates the schema, then seeds it unless the database already holds events; then, with
     * {@code replayExisting}, its read side is emptied instead, so the replay starts from scratch
     * either way (otherwise the app goes on from its tokens).
     */
    Prepared prepare(boolean replayExisting) throws Exception {
        return prepare(replayExisting, false);
    }

    /**
     * As {@link #prepare(boolean)}; with {@code registers} a data set that is seeded here also has
     * the projects' risks and status reports ({@link ScaleHistory#generate(int, Instant, long, boolean)}).
     */
    Prepared prepare(boolean replayExisting, boolean registers) throws Exception {
        ScaleSeeder seeder = new ScaleSeeder(database, options);
        seeder.migrate();
        long existing = Long.parseLong(database.scalar("SELECT count(*) FROM domainevententry"));
        Prepared prepared;
        if (existing == 0) {
            long start = System.nanoTime();
            Instant end = LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1);
            ScaleHistory history = ScaleHistory.generate(options.scaleProjects(), end, SEED, registers);
            double generated = (System.nanoTime() - start) / 1e9;
            ScaleSeeder.Seeded seeded = seeder.seed(history);
            double inserted = seeded.seconds() - seeded.vacuumSeconds();
            out.accept(String.format("   seeded %,d events (%d programs, %,d projects) in %.1f s: generated in %.1f s, "
                            + "serialized and inserted in JDBC batches of 1,000 (one transaction, lookups included) "
                            + "in %.1f s (%,.0f events/s), VACUUM ANALYZE %.1f s",
                    seeded.events(), history.programIds().size(), history.projectIds().size(), generated + seeded.seconds(),
                    generated, inserted, seeded.events() / inserted, seeded.vacuumSeconds()));
            prepared = new Prepared(seeded.events(), true, generated + seeded.seconds());
        } else if (!replayExisting) {
            out.accept(String.format("   %,d events already stored: seeding skipped, the app goes on from its tokens",
                    existing));
            prepared = new Prepared(existing, false, Double.NaN);
        } else {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM tokenentry WHERE processorname IN ('" + String.join("','", GROUPS) + "')");
                statement.execute("TRUNCATE " + String.join(", ", READ_SIDE));
            }
            out.accept(String.format("   %,d events already stored: seeding skipped; tokens of %s deleted and their "
                    + "tables emptied", existing, GROUPS));
            prepared = new Prepared(existing, false, Double.NaN);
        }
        out.accept("   event mix:");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT payloadtype, count(*), round(avg(octet_length(payload))), "
                     + "round(avg(octet_length(metadata))) FROM domainevententry GROUP BY 1 ORDER BY 2 DESC, 1")) {
            while (rs.next()) {
                String type = rs.getString(1);
                out.accept(String.format("     %-34s %,8d  (%4.1f %%; payload %4d B, metadata %3d B)",
                        type.substring(type.lastIndexOf('.') + 1), rs.getLong(2), 100.0 * rs.getLong(2) / prepared.events(),
                        rs.getLong(3), rs.getLong(4)));
            }
        }
        out.accept("   " + database.scalar("SELECT 'aggregates: ' || string_agg(type || ' ' || n, ', ' ORDER BY type) FROM "
                + "(SELECT type, count(DISTINCT aggregateidentifier) n FROM domainevententry GROUP BY type) t")
                + "; record times " + database.scalar("SELECT min(timestamp) || ' to ' || max(timestamp) FROM domainevententry")
                + "; command-side lookups: " + database.scalar("SELECT (SELECT count(*) FROM portfolio_directory) || ' portfolios, ' "
                + "|| (SELECT count(*) FROM program_directory) || ' programs, ' || (SELECT count(*) FROM project_directory) "
                + "|| ' projects'"));
        return prepared;
    }

    // --- 2. raw read, the replay's ceiling ---

    /**
     * Reads the whole event table in global-index order, {@value #PAGE} rows a page, every column
     * fetched, as a tracking processor reads it. Returns rows/s.
     */
    double pagedRead() throws SQLException {
        return RawInsertBenchmark.pagedRead(database, "domainevententry", PAGE, Duration.ofHours(1)).perSecond();
    }

    long head() throws SQLException {
        return Long.parseLong(database.scalar("SELECT coalesce(max(globalindex), -1) FROM domainevententry"));
    }

    /** Parked events after the replay, per group: a replay that parks events has built wrong views. */
    String deadLetters() throws SQLException {
        String parked = database.scalar("SELECT string_agg(processinggroup || ' ' || n, ', ') FROM "
                + "(SELECT processinggroup, count(*) n FROM deadletterentry GROUP BY 1) t");
        return parked == null ? "none" : parked;
    }

    /** Rows in the read side after the replay, to see that every group wrote what it should. */
    String readSideRows() throws SQLException {
        StringBuilder rows = new StringBuilder();
        for (String table : READ_SIDE.subList(0, READ_SIDE.size() - 1)) {
            rows.append(rows.isEmpty() ? "" : ", ").append(table).append(' ')
                    .append(String.format("%,d", Long.parseLong(database.scalar("SELECT count(*) FROM " + table))));
        }
        return rows.toString();
    }

    // --- 3. reads ---

    /** What the event store says about each project's status over time: the reference for as-of answers. */
    private static final class Reference {
        private final Map<String, String> projectProgram = new HashMap<>();
        private final Map<String, String> projectPortfolio = new HashMap<>();
        private final Map<String, Instant> created = new HashMap<>();
        private final Map<String, TreeMap<Instant, ProjectStatus>> statuses = new HashMap<>();
        private final Map<String, List<String>> programsByPortfolio = new HashMap<>();
        private final Map<String, Instant> programCreated = new LinkedHashMap<>();
        private Instant first;
        private Instant last;

        /** The portfolio with the most projects: the seeded one. */
        String portfolio() {
            Map<String, Integer> projects = new HashMap<>();
            projectPortfolio.values().forEach(p -> projects.merge(p, 1, Integer::sum));
            return projects.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }

        Map<ProjectStatus, Integer> counts(Instant at, String portfolio, String program) {
            Map<ProjectStatus, Integer> counts = new EnumMap<>(ProjectStatus.class);
            statuses.forEach((project, history) -> {
                boolean member = program != null ? program.equals(projectProgram.get(project))
                        : portfolio.equals(projectPortfolio.get(project));
                var status = history.floorEntry(at);
                if (member && status != null) {
                    counts.merge(status.getValue(), 1, Integer::sum);
                }
            });
            return counts;
        }

        ProjectStatus status(String project, Instant at) {
            var status = statuses.get(project).floorEntry(at);
            return status == null ? null : status.getValue();
        }
    }

    private Reference reference() throws SQLException, IOException {
        Reference reference = new Reference();
        Map<String, ProjectStatus> transitions = Map.of(
                ProjectApprovedEvent.class.getName(), ProjectStatus.APPROVED,
                ProjectStartedEvent.class.getName(), ProjectStatus.ACTIVE,
                ProjectPutOnHoldEvent.class.getName(), ProjectStatus.ON_HOLD,
                ProjectResumedEvent.class.getName(), ProjectStatus.ACTIVE,
                ProjectCancelledEvent.class.getName(), ProjectStatus.CANCELLED);
        List<String> types = new ArrayList<>(transitions.keySet());
        types.add(ProjectProposedEvent.class.getName());
        types.add(ProgramCreatedEvent.class.getName());
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement("SELECT aggregateidentifier, payloadtype, timestamp, "
                     + "CASE WHEN payloadtype = ANY(?) THEN convert_from(payload, 'UTF8') END FROM domainevententry "
                     + "WHERE payloadtype = ANY(?) ORDER BY globalindex")) {
            select.setArray(1, connection.createArrayOf("varchar", new String[]{
                    ProjectProposedEvent.class.getName(), ProgramCreatedEvent.class.getName()}));
            select.setArray(2, connection.createArrayOf("varchar", types.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String aggregate = rs.getString(1);
                    String type = rs.getString(2);
                    Instant at = DateTimeUtils.parseInstant(rs.getString(3));
                    if (type.equals(ProgramCreatedEvent.class.getName())) {
                        JsonNode payload = json.readTree(rs.getString(4));
                        reference.programCreated.put(aggregate, at);
                        reference.programsByPortfolio.computeIfAbsent(payload.path("portfolioId").asText(),
                                p -> new ArrayList<>()).add(aggregate);
                    } else if (type.equals(ProjectProposedEvent.class.getName())) {
                        JsonNode payload = json.readTree(rs.getString(4));
                        reference.projectPortfolio.put(aggregate, payload.path("portfolioId").asText());
                        if (!payload.path("programId").isNull()) {
                            reference.projectProgram.put(aggregate, payload.path("programId").asText());
                        }
                        reference.created.put(aggregate, at);
                        reference.statuses.computeIfAbsent(aggregate, p -> new TreeMap<>())
                                .put(at, ProjectStatus.PROPOSED);
                    } else {
                        reference.statuses.get(aggregate).put(at, transitions.get(type));
                    }
                }
            }
        }
        reference.first = Instant.parse(database.scalar("SELECT min(timestamp) FROM domainevententry"));
        reference.last = reference.created.values().stream().max(Instant::compareTo).orElse(reference.first);
        for (TreeMap<Instant, ProjectStatus> history : reference.statuses.values()) {
            reference.last = reference.last.isAfter(history.lastKey()) ? reference.last : history.lastKey();
        }
        return reference;
    }

    /**
     * {@code requests} rounds; each round sends every query once live and once as of a random
     * instant, about the same subject, alternating which goes first, so that live and as-of
     * reads meet the same conditions. Every answer is checked against the event store.
     */
    List<Latencies> reads(URI endpoint, String user, String password, int requests) throws Exception {
        Reference reference = reference();
        String portfolio = reference.portfolio();
        List<String> programs = reference.programsByPortfolio.getOrDefault(portfolio, List.of());
        List<String> projects = reference.projectPortfolio.entrySet().stream()
                .filter(e -> e.getValue().equals(portfolio)).map(Map.Entry::getKey).sorted().toList();
        out.accept(String.format("   portfolio %s: %d programs, %,d projects; as-of instants between %s and %s",
                portfolio, programs.size(), projects.size(), reference.first, reference.last));
        GraphQlClient client = new GraphQlClient(endpoint, user, password);
        Random random = new Random(SEED);
        Map<String, long[]> live = new LinkedHashMap<>();
        Map<String, long[]> asOf = new LinkedHashMap<>();
        Map<String, int[]> checks = new LinkedHashMap<>();
        Map<String, String> firstMismatch = new HashMap<>();
        for (String query : List.of("portfolio", "program", "project")) {
            live.put(query, new long[requests]);
            asOf.put(query, new long[requests]);
            checks.put(query, new int[2]);
        }
        for (int round = -WARM_UP_PAIRS; round < requests; round++) {
            boolean asOfFirst = (round & 1) == 1;
            String program = programs.get(random.nextInt(programs.size()));
            String project = projects.get(random.nextInt(projects.size()));
            Instant portfolioAt = between(random, reference.first, reference.last);
            Instant programAt = between(random, reference.programCreated.get(program), reference.last);
            Instant projectAt = between(random, reference.created.get(project), reference.last);
            Instant now = Instant.now();
            for (String query : List.of("portfolio", "program", "project")) {
                String id = switch (query) {
                    case "portfolio" -> portfolio;
                    case "program" -> program;
                    default -> project;
                };
                Instant at = switch (query) {
                    case "portfolio" -> portfolioAt;
                    case "program" -> programAt;
                    default -> projectAt;
                };
                String text = switch (query) {
                    case "portfolio" -> PORTFOLIO_QUERY;
                    case "program" -> PROGRAM_QUERY;
                    default -> PROJECT_QUERY;
                };
                String liveVariables = "{\"id\":\"" + id + "\"}";
                String asOfVariables = "{\"id\":\"" + id + "\",\"asOf\":\"" + at + "\"}";
                GraphQlClient.Response first = client.post(text, asOfFirst ? asOfVariables : liveVariables);
                GraphQlClient.Response second = client.post(text, asOfFirst ? liveVariables : asOfVariables);
                GraphQlClient.Response liveResponse = asOfFirst ? second : first;
                GraphQlClient.Response asOfResponse = asOfFirst ? first : second;
                if (round >= 0) {
                    live.get(query)[round] = liveResponse.micros();
                    asOf.get(query)[round] = asOfResponse.micros();
                    int[] counts = checks.get(query);
                    for (var answer : List.of(Map.entry(now, liveResponse), Map.entry(at, asOfResponse))) {
                        String problem = check(reference, query, id, answer.getKey(), answer.getValue().body());
                        counts[0]++;
                        if (problem != null) {
                            counts[1]++;
                            firstMismatch.putIfAbsent(query, problem);
                        }
                    }
                }
            }
        }
        List<Latencies> results = new ArrayList<>();
        for (String query : live.keySet()) {
            results.add(new Latencies(query, Percentiles.of(live.get(query)), Percentiles.of(asOf.get(query)),
                    checks.get(query)[0], checks.get(query)[1], firstMismatch.get(query)));
        }
        return results;
    }

    /** Null when the answer is what the events up to {@code at} make it; else what differs. */
    private String check(Reference reference, String query, String id, Instant at, String body) throws IOException {
        JsonNode view = json.readTree(body).path("data").path(query);
        if (view.isNull() || view.isMissingNode()) {
            return query + " " + id + " as of " + at + " is null";
        }
        if (query.equals("project")) {
            ProjectStatus expected = reference.status(id, at);
            String status = view.path("status").asText();
            return expected != null && expected.name().equals(status) ? null
                    : "project " + id + " as of " + at + " is " + status + ", the events say " + expected;
        }
        Map<ProjectStatus, Integer> expected = reference.counts(at, query.equals("portfolio") ? id : null,
                query.equals("program") ? id : null);
        JsonNode counts = view.path("projectCounts");
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();
        String[] fields = {"proposed", "approved", "active", "onHold", "closed", "cancelled"};
        ProjectStatus[] statuses = {ProjectStatus.PROPOSED, ProjectStatus.APPROVED, ProjectStatus.ACTIVE,
                ProjectStatus.ON_HOLD, ProjectStatus.CLOSED, ProjectStatus.CANCELLED};
        StringBuilder differences = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            int want = expected.getOrDefault(statuses[i], 0);
            if (counts.path(fields[i]).asInt(-1) != want) {
                differences.append(' ').append(fields[i]).append(' ').append(counts.path(fields[i]).asInt(-1))
                        .append(" (events: ").append(want).append(')');
            }
        }
        if (counts.path("total").asInt(-1) != total) {
            differences.append(" total ").append(counts.path("total").asInt(-1)).append(" (events: ").append(total)
                    .append(')');
        }
        int listed = view.path("projects").path("edges").size();
        if (listed != Math.min(100, total)) {
            differences.append(" listed projects ").append(listed).append(" (events: ").append(Math.min(100, total))
                    .append(')');
        }
        return differences.isEmpty() ? null : query + " " + id + " as of " + at + ":" + differences;
    }

    private static Instant between(Random random, Instant from, Instant to) {
        long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        return Instant.ofEpochMilli(from.toEpochMilli() + (long) (random.nextDouble() * span));
    }

    /**
     * Submits one change request to a seeded, running project through the gateway, as the demo
     * project manager: the command side loads the aggregate from the seeded events and checks the
     * money against the seeded portfolio lookup, so this shows the seeded data takes commands; and
     * the event moves every processor past the point its first start marked as the end of a replay.
     */
    String probeCommand(CommandGateway gateway) throws SQLException {
        String project = database.scalar("SELECT aggregateidentifier FROM domainevententry WHERE payloadtype = '"
                + ProjectStartedEvent.class.getName() + "' AND aggregateidentifier NOT IN (SELECT aggregateidentifier "
                + "FROM domainevententry WHERE payloadtype = '" + ProjectCancelledEvent.class.getName()
                + "') ORDER BY globalindex LIMIT 1");
        ChangeRequestId request = ChangeRequestId.random();
        HistoryBenchmark.as("pm", () -> gateway.sendAndWait(new SubmitChangeRequestCommand(ProjectId.of(project),
                request, "Benchmark probe", "Shows that a seeded project takes commands",
                List.of(ProposedChange.changeBudget(CostCategory.CONTINGENCY, Money.of("1000", "EUR"))))));
        return "change request " + request + " submitted to seeded project " + project;
    }

    /** Sequential and index scans of the tables the reads use, to tell a stored-history read from a fold. */
    Map<String, long[]> scans() throws SQLException {
        Map<String, long[]> scans = new TreeMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT relname, coalesce(seq_scan, 0), coalesce(idx_scan, 0) "
                     + "FROM pg_stat_user_tables WHERE relname IN ('domainevententry', 'view_version', "
                     + "'view_history_position', 'portfolio_view', 'program_view', 'project_view', "
                     + "'deliverable_view', 'change_request_view')")) {
            while (rs.next()) {
                scans.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)});
            }
        }
        return scans;
    }

    /** The scans between two {@link #scans()}, as "table seq+idx" for the tables that were scanned. */
    static String scansBetween(Map<String, long[]> before, Map<String, long[]> after) {
        StringBuilder text = new StringBuilder();
        after.forEach((table, counts) -> {
            long[] was = before.getOrDefault(table, new long[2]);
            long seq = counts[0] - was[0];
            long idx = counts[1] - was[1];
            if (seq + idx > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(table).append(' ').append(String.format("%,d", seq))
                        .append(" seq + ").append(String.format("%,d", idx)).append(" idx");
            }
        });
        return text.isEmpty() ? "none" : text.toString();
    }

    // --- 4. storage ---

    record Storage(long events, long historyBytes, long eventTableBytes, long liveViewBytes, long auditBytes,
                   long versions) {
    }

    /** What writing the read side costs PostgreSQL alone: seconds per table, and in all. */
    record WriteCeiling(Map<String, Double> seconds, double total) {
    }

    /**
     * The replay's other ceiling: the rows the replay wrote, copied inside the server with one
     * {@code INSERT ... SELECT} per table into an empty copy of the table with the same indexes and
     * constraints (a scratch schema, dropped after). No client, no round trips, no JSON: what the
     * database needs to store the same rows, which no replay can beat.
     */
    WriteCeiling writeCeiling() throws SQLException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        double total = 0;
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS bench_ceiling CASCADE");
            statement.execute("CREATE SCHEMA bench_ceiling");
            try {
                for (String table : READ_SIDE.subList(0, READ_SIDE.size() - 1)) {
                    statement.execute("CREATE TABLE bench_ceiling." + table + " (LIKE public." + table
                            + " INCLUDING ALL)");
                    long start = System.nanoTime();
                    statement.execute("INSERT INTO bench_ceiling." + table + " SELECT * FROM public." + table);
                    double took = (System.nanoTime() - start) / 1e9;
                    seconds.put(table, took);
                    total += took;
                }
            } finally {
                statement.execute("DROP SCHEMA bench_ceiling CASCADE");
            }
        }
        return new WriteCeiling(seconds, total);
    }

    /**
     * Per read-side table, its row count and an order-independent checksum of its rows (the sum of
     * a 60-bit slice of each row's md5): equal before and after a rebuild when the rebuild wrote
     * the same rows.
     */
    Map<String, String> checksums() throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : READ_SIDE.subList(0, READ_SIDE.size() - 1)) {
            sums.put(table, database.scalar("SELECT count(*) || ' rows, sum ' || coalesce(sum(('x' || "
                    + "substr(md5(t::text), 1, 15))::bit(60)::bigint), 0) FROM " + table + " t"));
        }
        return sums;
    }

    Storage storage() throws SQLException {
        long events = Long.parseLong(database.scalar("SELECT count(*) FROM domainevententry"));
        long history = Long.parseLong(database.scalar(
                "SELECT pg_total_relation_size('view_version') + pg_total_relation_size('view_history_position')"));
        long eventTable = Long.parseLong(database.scalar("SELECT pg_total_relation_size('domainevententry')"));
        long liveViews = Long.parseLong(database.scalar("SELECT " + String.join(" + ",
                LIVE_VIEWS.stream().map(t -> "pg_total_relation_size('" + t + "')").toList())));
        long audit = Long.parseLong(database.scalar("SELECT pg_total_relation_size('audit_entry')"));
        long versions = Long.parseLong(database.scalar("SELECT count(*) FROM view_version"));
        return new Storage(events, history, eventTable, liveViews, audit, versions);
    }
}
