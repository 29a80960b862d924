package dev.portfolioledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.portfolio.PortfolioCreatedEvent;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 12's benchmark: the money reads of the scale portfolio (its projects' plans, progress
 * reports and cost ledgers, see {@link ScaleHistory}), live and as of an instant, and the summary
 * export of all its projects.
 */
final class FinanceBenchmark {

    static final double TARGET_LIVE_P99_MS = 100;
    static final double TARGET_AS_OF_RATIO = 1.5;
    private static final int EXPORT_ROUNDS = 10;

    private static final String DASHBOARD = """
            query($id: ID!, $at: Date, $asOf: DateTime) { portfolio(id: $id, asOf: $asOf) {
              dashboard(at: $at, first: 20) { %s }
            } }""";
    private static final String EARNED_VALUE = """
            query($id: ID!, $at: Date, $asOf: DateTime) { portfolio(id: $id, asOf: $asOf) {
              earnedValue(at: $at) { %s }
            } }""";
    private static final String SERIES = """
            query($id: ID!, $from: Date!, $to: Date!, $asOf: DateTime) { portfolio(id: $id, asOf: $asOf) {
              earnedValueSeries(from: $from, to: $to, granularity: MONTH) { %s }
            } }""";

    /** One read's latencies in microseconds, live and as of, and whether as of the head it equals live. */
    record Reads(String query, Percentiles live, Percentiles asOf, boolean asOfHeadEqualsLive) {
        double ratio() {
            return asOf.at(99) / live.at(99);
        }
    }

    /** The export of every project: rows, bytes, times and the heap the app grew by while writing it. */
    record Export(String format, boolean asOf, int rows, long bytes, Percentiles millis, long peakHeapGrowthBytes,
                  long allocatedBytes, boolean totalsMatch) {
    }

    private final BenchDatabase database;
    private final ObjectMapper json = new ObjectMapper();

    FinanceBenchmark(BenchDatabase database) {
        this.database = database;
    }

    /** Gathers the planner's statistics of every table; returns the seconds it took. */
    double analyze() throws SQLException {
        long start = System.nanoTime();
        try (java.sql.Connection connection = database.connect();
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    String portfolioId() throws SQLException {
        return database.scalar("SELECT aggregateidentifier FROM domainevententry WHERE payloadtype = '"
                + PortfolioCreatedEvent.class.getName() + "' ORDER BY globalindex LIMIT 1");
    }

    /**
     * The as-of instant of the reads: the record time of the event a tenth of the way back from the
     * head, so that the past answer has the figures of most of the year, but not the latest ones.
     */
    Instant pastInstant() throws SQLException {
        long head = Long.parseLong(database.scalar("SELECT max(globalindex) FROM domainevententry"));
        String stamp = database.scalar("SELECT timestamp FROM domainevententry WHERE globalindex <= "
                + (head - head / 10) + " ORDER BY globalindex DESC LIMIT 1");
        return Instant.parse(stamp);
    }

    /**
     * {@code rounds} rounds (after 20 not counted) of each read, live and as of {@code past},
     * alternating which goes first; before that, each read as of an instant after the head must
     * give the live answer.
     */
    List<Reads> reads(GraphQlClient client, String portfolioId, Instant past, int rounds) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String at = "\"id\":\"" + portfolioId + "\",\"at\":\"" + today + "\"";
        String series = "\"id\":\"" + portfolioId + "\",\"from\":\"" + today.minusMonths(24).withDayOfMonth(1)
                + "\",\"to\":\"" + today.withDayOfMonth(1).minusDays(1) + "\"";
        List<Reads> reads = new ArrayList<>();
        reads.add(read(client, "dashboard", DASHBOARD.formatted(DASHBOARD_FIELDS), at, past, rounds));
        reads.add(read(client, "earnedValue", EARNED_VALUE.formatted(FIGURES), at, past, rounds));
        reads.add(read(client, "series 24m", SERIES.formatted(SERIES_FIELDS), series, past, rounds));
        return reads;
    }

    private Reads read(GraphQlClient client, String name, String query, String variables, Instant past, int rounds)
            throws Exception {
        String live = "{" + variables + "}";
        String asOf = "{" + variables + ",\"asOf\":\"" + past + "\"}";
        String head = "{" + variables + ",\"asOf\":\"" + Instant.now() + "\"}";
        boolean equal = json.readTree(client.post(query, live).body()).equals(json.readTree(client.post(query, head).body()));
        long[] liveMicros = new long[rounds];
        long[] pastMicros = new long[rounds];
        for (int round = -20; round < rounds; round++) {
            boolean liveFirst = (round & 1) == 0;
            long first = client.post(query, liveFirst ? live : asOf).micros();
            long second = client.post(query, liveFirst ? asOf : live).micros();
            if (round >= 0) {
                liveMicros[round] = liveFirst ? first : second;
                pastMicros[round] = liveFirst ? second : first;
            }
        }
        return new Reads(name, Percentiles.of(liveMicros), Percentiles.of(pastMicros), equal);
    }

    /**
     * {@value #EXPORT_ROUNDS} downloads of the summary export (after 2 not counted), live or as of
     * {@code past}, each read to the end; a thread samples the heap's used bytes every millisecond
     * from a collected heap just before the download, so the growth is an upper bound of what the
     * export held (it includes garbage not yet collected). The rows' BAC, AC, EV and PV must sum to
     * the portfolio's earned value of the same instant.
     */
    Export export(URI base, String user, String password, GraphQlClient client, String portfolioId, String format,
                  Instant past) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String query = "?at=" + today + (past == null ? "" : "&asOf=" + past);
        URI uri = base.resolve("/exports/portfolios/" + portfolioId + "/summary." + format + query);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).GET().build();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long[] millis = new long[EXPORT_ROUNDS];
        long peakGrowth = 0;
        long allocated = 0;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] body = null;
        for (int round = -2; round < EXPORT_ROUNDS; round++) {
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(baseline);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "export-heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            long allocatedBefore = allocatedByAllThreads(threads);
            long start = System.nanoTime();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream stream = response.body()) {
                body = stream.readAllBytes();
            }
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            long allocatedDuring = allocatedByAllThreads(threads) - allocatedBefore;
            running.set(false);
            sampler.join();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("export " + uri + " answered HTTP " + response.statusCode() + ": "
                        + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8));
            }
            if (round >= 0) {
                millis[round] = took;
                peakGrowth = Math.max(peakGrowth, peak.get() - baseline);
                allocated = Math.max(allocated, allocatedDuring);
            }
        }
        String text = new String(body, StandardCharsets.UTF_8);
        List<BigDecimal[]> rows = format.equals("csv") ? csvFigures(text) : jsonlFigures(text);
        BigDecimal[] totals = new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (BigDecimal[] row : rows) {
            for (int i = 0; i < 4; i++) {
                totals[i] = totals[i].add(row[i]);
            }
        }
        String variables = "{\"id\":\"" + portfolioId + "\",\"at\":\"" + today + "\""
                + (past == null ? "" : ",\"asOf\":\"" + past + "\"") + "}";
        JsonNode figures = json.readTree(client.post(EARNED_VALUE.formatted(FIGURES), variables).body())
                .path("data").path("portfolio").path("earnedValue");
        boolean match = true;
        for (int i = 0; i < 4; i++) {
            match &= totals[i].compareTo(amount(figures.path(TOTALS[i][1]))) == 0;
        }
        return new Export(format, past != null, rows.size(), body.length, Percentiles.of(millis), peakGrowth, allocated,
                match);
    }

    /** Bytes allocated so far by the JVM's live threads (client, server and sampler alike). */
    private static long allocatedByAllThreads(com.sun.management.ThreadMXBean threads) {
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }

    // The fields below follow finance.graphqls.
    private static final String MONEY = "{ amount currency }";
    private static final String FIGURES = ("at budgetAtCompletion %1$s plannedValue %1$s earnedValue %1$s actualCost %1$s "
            + "costVariance %1$s scheduleVariance %1$s costPerformanceIndex schedulePerformanceIndex "
            + "estimateAtCompletion %1$s estimateToComplete %1$s varianceAtCompletion %1$s toCompletePerformanceIndex")
            .formatted(MONEY);
    private static final String PERFORMANCE = "projectId name status figures { costPerformanceIndex "
            + "schedulePerformanceIndex }";
    private static final String DASHBOARD_FIELDS = ("at projectCounts { proposed approved active onHold closed cancelled "
            + "total } totals { %s } worstCostPerformance { %s } worstSchedulePerformance { %s } spendLast30Days %s")
            .formatted(FIGURES, PERFORMANCE, PERFORMANCE, MONEY);
    private static final String SERIES_FIELDS = "periodEnd figures { plannedValue %1$s earnedValue %1$s actualCost %1$s }"
            .formatted(MONEY);
    /** The portfolio's figures the export's rows must sum to, by the export's column names. */
    private static final String[][] TOTALS = {{"bac", "budgetAtCompletion"}, {"ac", "actualCost"},
            {"ev", "earnedValue"}, {"pv", "plannedValue"}};

    private static BigDecimal amount(JsonNode money) {
        JsonNode amount = money.isObject() ? money.path("amount") : money;
        return amount.isMissingNode() || amount.isNull() ? BigDecimal.ZERO : new BigDecimal(amount.asText());
    }

    /** BAC, AC, EV, PV of every row; the header names the columns. */
    private static List<BigDecimal[]> csvFigures(String text) {
        String[] lines = text.split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        int[] columns = new int[4];
        for (int c = 0; c < 4; c++) {
            columns[c] = header.indexOf(TOTALS[c][0]);
        }
        List<BigDecimal[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            List<String> cells = csvCells(lines[i]);
            BigDecimal[] row = new BigDecimal[4];
            for (int c = 0; c < 4; c++) {
                String cell = cells.get(columns[c]);
                row[c] = cell.isEmpty() ? BigDecimal.ZERO : new BigDecimal(cell);
            }
            rows.add(row);
        }
        return rows;
    }

    /** One RFC 4180 record without line breaks inside quotes (the export's names have none). */
    private static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private List<BigDecimal[]> jsonlFigures(String text) throws Exception {
        List<BigDecimal[]> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = json.readTree(line);
            BigDecimal[] figures = new BigDecimal[4];
            for (int c = 0; c < 4; c++) {
                figures[c] = amount(row.path(TOTALS[c][0]));
            }
            rows.add(figures);
        }
        return rows;
    }
}
