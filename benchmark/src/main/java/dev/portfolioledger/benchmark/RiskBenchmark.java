package dev.portfolioledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectPutOnHoldEvent;
import dev.portfolioledger.api.project.ProjectResumedEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.api.risk.RiskClosedEvent;
import dev.portfolioledger.api.risk.RiskIdentifiedEvent;
import dev.portfolioledger.api.risk.RiskMitigationStartedEvent;
import dev.portfolioledger.api.risk.RiskOccurredEvent;
import dev.portfolioledger.api.risk.RiskReassessedEvent;
import dev.portfolioledger.api.risk.RiskStatus;
import dev.portfolioledger.api.status.StatusReportPublishedEvent;
import dev.portfolioledger.axon.audit.AuditMetadata;
import org.axonframework.common.DateTimeUtils;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Issue 13's benchmark: the portfolio-wide risk and status reads of the scale portfolio with its
 * risk registers and status reports ({@link ScaleHistory#generate(int, Instant, long, boolean)}):
 * {@code riskHeatmap}, {@code topRisks(limit: 20)} and {@code health}, live and as of random
 * instants of the seeded year. Every answer is checked against a fold of the stored events.
 */
final class RiskBenchmark {

    static final double TARGET_AS_OF_RATIO = 1.5;
    static final int TOP = 20;
    private static final int WARM_UP_PAIRS = 20;
    private static final long SEED = 13;

    private static final String HEATMAP = """
            query($id: ID!, $asOf: DateTime) { portfolio(id: $id, asOf: $asOf) {
              riskHeatmap { openRisks totalExposure cells { probability impact exposure count } }
            } }""";
    private static final String HEATMAP_RISKS = """
            query($id: ID!, $asOf: DateTime) { portfolio(id: $id, asOf: $asOf) {
              riskHeatmap { openRisks totalExposure cells { probability impact exposure count
                risks(first: 5) { id projectId title probability impact exposure status } } }
            } }""";
    private static final String TOP_RISKS = """
            query($id: ID!, $asOf: DateTime) { portfolio(id: $id, asOf: $asOf) {
              topRisks(limit: %d) { id projectId title category probability impact exposure owner response
                reviewDate status identifiedAt statusChangedAt }
            } }""".formatted(TOP);
    private static final String GROUPS = "green { count } amber { count } red { count } none { count }";
    private static final String HEALTH = """
            query($id: ID!, $asOf: DateTime) { portfolio(id: $id, asOf: $asOf) {
              health { at knownAt projectCount byReported { %1$s } bySuggested { %1$s } disagreementCount
                disagreements(first: 20) { projectId name status reported { overall scope schedule cost }
                  suggested { overall scope schedule cost schedulePerformanceIndex costPerformanceIndex
                    pendingChangeRequests }
                  disagreements } }
            } }""".formatted(GROUPS);

    /** The reads, by the name printed. */
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("heatmap", HEATMAP);
        QUERIES.put("heatmap+risks", HEATMAP_RISKS);
        QUERIES.put("topRisks(20)", TOP_RISKS);
        QUERIES.put("health", HEALTH);
    }

    /**
     * One read's latencies in microseconds, and how many of its answers (live and as-of) differed
     * from the events; {@code nearHead}: as of an instant an hour before the last seeded event (the
     * whole year's data, as live has it), alternating with live reads of their own.
     */
    record Reads(String query, Percentiles live, Percentiles asOf, int checked, int mismatches, String firstMismatch,
                 Percentiles headLive, Percentiles nearHead) {
        double ratio() {
            return asOf.at(99) / live.at(99);
        }
    }

    /** Rounds of the near-the-head comparison (after 10 not counted). */
    static final int HEAD_ROUNDS = 50;

    /** One version of a risk: from its decision's record time on. */
    private record Version(RiskStatus status, int probability, int impact) {
        int exposure() {
            return probability * impact;
        }
    }

    private static final class RiskHistory {
        private final String riskId;
        private final Instant identifiedAt;
        private final TreeMap<Instant, Version> versions = new TreeMap<>();

        RiskHistory(String riskId, Instant identifiedAt) {
            this.riskId = riskId;
            this.identifiedAt = identifiedAt;
        }

        Version at(Instant t) {
            var entry = versions.floorEntry(t);
            return entry == null ? null : entry.getValue();
        }
    }

    private record Report(String reportId, String projectId, Instant publishedAt, LocalDate periodStart,
                          LocalDate periodEnd, String overall, String supersedes) {
    }

    /** What the stored events say, with every change at the record time of its decision. */
    static final class Reference {
        private final Map<String, RiskHistory> risks = new LinkedHashMap<>();
        private final Map<String, TreeMap<Instant, ProjectStatus>> statuses = new HashMap<>();
        private final List<Report> reports = new ArrayList<>();
        private Instant first;
        private Instant last;

        private List<RiskHistory> open(Instant t, List<Version> versions) {
            List<RiskHistory> open = new ArrayList<>();
            for (RiskHistory risk : risks.values()) {
                Version version = risk.at(t);
                if (version != null && version.status().isOpen()) {
                    open.add(risk);
                    versions.add(version);
                }
            }
            return open;
        }

        /** What the seeded registers and reports hold at the head. */
        String describe() {
            Map<RiskStatus, Integer> byStatus = new EnumMap<>(RiskStatus.class);
            for (RiskHistory risk : risks.values()) {
                byStatus.merge(risk.versions.lastEntry().getValue().status(), 1, Integer::sum);
            }
            long versions = risks.values().stream().mapToLong(r -> r.versions.size()).sum();
            long corrections = reports.stream().filter(r -> r.supersedes() != null).count();
            long reporting = reports.stream().map(Report::projectId).distinct().count();
            return String.format("%,d risks of %,d projects (%,d risk versions), now %s; %,d status reports "
                            + "(%,d corrections) of %,d projects; %,d projects approved, active or on hold now",
                    risks.size(), statuses.size(), versions, byStatus, reports.size(), corrections, reporting,
                    reportable(Instant.MAX).size());
        }

        private Set<String> reportable(Instant t) {
            Set<String> projects = new HashSet<>();
            statuses.forEach((project, history) -> {
                var status = history.floorEntry(t);
                if (status != null && (status.getValue() == ProjectStatus.APPROVED
                        || status.getValue() == ProjectStatus.ACTIVE || status.getValue() == ProjectStatus.ON_HOLD)) {
                    projects.add(project);
                }
            });
            return projects;
        }

        /** Overall RAG of each reportable project's latest report not superseded at t; "none" without one. */
        private Map<String, Integer> reportedGroups(Instant t) {
            Set<String> projects = reportable(t);
            Set<String> superseded = new HashSet<>();
            for (Report report : reports) {
                if (report.supersedes() != null && !report.publishedAt().isAfter(t)) {
                    superseded.add(report.supersedes());
                }
            }
            Map<String, Report> latest = new HashMap<>();
            Comparator<Report> newest = Comparator.comparing(Report::periodEnd).thenComparing(Report::periodStart)
                    .thenComparing(Report::publishedAt);
            for (Report report : reports) {
                if (projects.contains(report.projectId()) && !report.publishedAt().isAfter(t)
                        && !superseded.contains(report.reportId())) {
                    latest.merge(report.projectId(), report, (a, b) -> newest.compare(a, b) >= 0 ? a : b);
                }
            }
            Map<String, Integer> groups = new LinkedHashMap<>();
            for (String rag : List.of("green", "amber", "red", "none")) {
                groups.put(rag, 0);
            }
            for (String project : projects) {
                Report report = latest.get(project);
                groups.merge(report == null ? "none" : report.overall().toLowerCase(), 1, Integer::sum);
            }
            return groups;
        }
    }

    private final BenchDatabase database;
    private final ObjectMapper json = new ObjectMapper();

    RiskBenchmark(BenchDatabase database) {
        this.database = database;
    }

    /** Folds the risk, status report and lifecycle events of the event store. */
    Reference reference() throws SQLException, IOException {
        Reference reference = new Reference();
        Map<String, ProjectStatus> transitions = Map.of(
                ProjectProposedEvent.class.getName(), ProjectStatus.PROPOSED,
                ProjectApprovedEvent.class.getName(), ProjectStatus.APPROVED,
                ProjectStartedEvent.class.getName(), ProjectStatus.ACTIVE,
                ProjectPutOnHoldEvent.class.getName(), ProjectStatus.ON_HOLD,
                ProjectResumedEvent.class.getName(), ProjectStatus.ACTIVE,
                ProjectCancelledEvent.class.getName(), ProjectStatus.CANCELLED);
        List<String> payloads = List.of(RiskIdentifiedEvent.class.getName(), RiskReassessedEvent.class.getName(),
                RiskMitigationStartedEvent.class.getName(), RiskClosedEvent.class.getName(),
                RiskOccurredEvent.class.getName(), StatusReportPublishedEvent.class.getName());
        List<String> types = new ArrayList<>(transitions.keySet());
        types.addAll(payloads);
        // a decision's events share its causation id; its first event's record time is the decision's
        Map<String, Instant> decisions = new HashMap<>();
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement("SELECT aggregateidentifier, payloadtype, timestamp, "
                     + "CASE WHEN payloadtype = ANY(?) THEN convert_from(payload, 'UTF8') END, "
                     + "convert_from(metadata, 'UTF8') FROM domainevententry WHERE payloadtype = ANY(?) ORDER BY globalindex")) {
            select.setArray(1, connection.createArrayOf("varchar", payloads.toArray()));
            select.setArray(2, connection.createArrayOf("varchar", types.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String aggregate = rs.getString(1);
                    String type = rs.getString(2);
                    Instant recorded = DateTimeUtils.parseInstant(rs.getString(3));
                    String causation = json.readTree(rs.getString(5)).path(AuditMetadata.CAUSATION_ID).asText();
                    Instant at = decisions.merge(causation, recorded, (a, b) -> a.isBefore(b) ? a : b);
                    ProjectStatus status = transitions.get(type);
                    if (status != null) {
                        reference.statuses.computeIfAbsent(aggregate, p -> new TreeMap<>()).put(at, status);
                        continue;
                    }
                    JsonNode payload = json.readTree(rs.getString(4));
                    if (type.equals(StatusReportPublishedEvent.class.getName())) {
                        reference.reports.add(new Report(payload.path("statusReportId").asText(),
                                payload.path("projectId").asText(), at, LocalDate.parse(payload.path("periodStart").asText()),
                                LocalDate.parse(payload.path("periodEnd").asText()), payload.path("overall").asText(),
                                payload.path("supersedes").isTextual() ? payload.path("supersedes").asText() : null));
                        continue;
                    }
                    String riskId = payload.path("riskId").asText();
                    if (type.equals(RiskIdentifiedEvent.class.getName())) {
                        RiskHistory risk = new RiskHistory(riskId, at);
                        risk.versions.put(at, new Version(RiskStatus.OPEN, payload.path("probability").asInt(),
                                payload.path("impact").asInt()));
                        reference.risks.put(riskId, risk);
                        continue;
                    }
                    RiskHistory risk = reference.risks.get(riskId);
                    Version before = risk.versions.lastEntry().getValue();
                    Version after;
                    if (type.equals(RiskReassessedEvent.class.getName())) {
                        after = new Version(before.status(), payload.path("probability").asInt(),
                                payload.path("impact").asInt());
                    } else if (type.equals(RiskMitigationStartedEvent.class.getName())) {
                        after = new Version(RiskStatus.MITIGATING, before.probability(), before.impact());
                    } else if (type.equals(RiskClosedEvent.class.getName())) {
                        after = new Version(RiskStatus.CLOSED, before.probability(), before.impact());
                    } else {
                        after = new Version(RiskStatus.OCCURRED, before.probability(), before.impact());
                    }
                    risk.versions.put(at, after);
                }
            }
        }
        reference.first = Instant.parse(database.scalar("SELECT min(timestamp) FROM domainevententry"));
        reference.last = Instant.parse(database.scalar("SELECT max(timestamp) FROM domainevententry"));
        return reference;
    }

    /**
     * {@code rounds} rounds (after {@value #WARM_UP_PAIRS} not counted); each sends every query once
     * live and once as of a random instant of the seeded year (a new one per query and round),
     * alternating which goes first. Every counted answer is checked against {@code reference}.
     */
    List<Reads> reads(GraphQlClient client, String portfolioId, Reference reference, int rounds) throws Exception {
        Random random = new Random(SEED);
        Map<String, long[]> live = new LinkedHashMap<>();
        Map<String, long[]> asOf = new LinkedHashMap<>();
        Map<String, int[]> checks = new LinkedHashMap<>();
        Map<String, String> firstMismatch = new HashMap<>();
        for (String query : QUERIES.keySet()) {
            live.put(query, new long[rounds]);
            asOf.put(query, new long[rounds]);
            checks.put(query, new int[2]);
        }
        for (int round = -WARM_UP_PAIRS; round < rounds; round++) {
            boolean asOfFirst = (round & 1) == 1;
            for (var query : QUERIES.entrySet()) {
                Instant at = between(random, reference.first, reference.last);
                String liveVariables = "{\"id\":\"" + portfolioId + "\"}";
                String asOfVariables = "{\"id\":\"" + portfolioId + "\",\"asOf\":\"" + at + "\"}";
                GraphQlClient.Response first = client.post(query.getValue(), asOfFirst ? asOfVariables : liveVariables);
                GraphQlClient.Response second = client.post(query.getValue(), asOfFirst ? liveVariables : asOfVariables);
                GraphQlClient.Response liveResponse = asOfFirst ? second : first;
                GraphQlClient.Response asOfResponse = asOfFirst ? first : second;
                if (round < 0) {
                    continue;
                }
                live.get(query.getKey())[round] = liveResponse.micros();
                asOf.get(query.getKey())[round] = asOfResponse.micros();
                int[] counts = checks.get(query.getKey());
                for (var answer : List.of(Map.entry(Instant.MAX, liveResponse), Map.entry(at, asOfResponse))) {
                    String problem = check(reference, query.getKey(), answer.getKey(), answer.getValue().body());
                    counts[0]++;
                    if (problem != null) {
                        counts[1]++;
                        firstMismatch.putIfAbsent(query.getKey(), (answer.getKey() == Instant.MAX ? "live: "
                                : "as of " + answer.getKey() + ": ") + problem);
                    }
                }
            }
        }
        List<Reads> results = new ArrayList<>();
        Instant nearHead = reference.last.minusSeconds(3600);
        for (var query : QUERIES.entrySet()) {
            // the same data as live, read through the as-of path: what the as-of machinery itself costs
            long[] headLive = new long[HEAD_ROUNDS];
            long[] headAsOf = new long[HEAD_ROUNDS];
            String liveVariables = "{\"id\":\"" + portfolioId + "\"}";
            String asOfVariables = "{\"id\":\"" + portfolioId + "\",\"asOf\":\"" + nearHead + "\"}";
            for (int round = -10; round < HEAD_ROUNDS; round++) {
                boolean asOfFirst = (round & 1) == 1;
                long first = client.post(query.getValue(), asOfFirst ? asOfVariables : liveVariables).micros();
                long second = client.post(query.getValue(), asOfFirst ? liveVariables : asOfVariables).micros();
                if (round >= 0) {
                    headLive[round] = asOfFirst ? second : first;
                    headAsOf[round] = asOfFirst ? first : second;
                }
            }
            String name = query.getKey();
            results.add(new Reads(name, Percentiles.of(live.get(name)), Percentiles.of(asOf.get(name)),
                    checks.get(name)[0], checks.get(name)[1], firstMismatch.get(name), Percentiles.of(headLive),
                    Percentiles.of(headAsOf)));
        }
        return results;
    }

    /** Null when the answer is what the events up to {@code t} make it; else what differs. */
    private String check(Reference reference, String query, Instant t, String body) throws IOException {
        JsonNode portfolio = json.readTree(body).path("data").path("portfolio");
        if (portfolio.isNull() || portfolio.isMissingNode()) {
            return "portfolio is null";
        }
        return switch (query) {
            case "heatmap", "heatmap+risks" -> checkHeatmap(reference, t, portfolio.path("riskHeatmap"),
                    query.equals("heatmap+risks"));
            case "topRisks(20)" -> checkTop(reference, t, portfolio.path("topRisks"));
            default -> checkHealth(reference, t, portfolio.path("health"));
        };
    }

    private static String checkHeatmap(Reference reference, Instant t, JsonNode heatmap, boolean withRisks) {
        List<Version> versions = new ArrayList<>();
        reference.open(t, versions);
        int[][] counts = new int[6][6];
        int exposure = 0;
        for (Version version : versions) {
            counts[version.probability()][version.impact()]++;
            exposure += version.exposure();
        }
        StringBuilder differences = new StringBuilder();
        if (heatmap.path("openRisks").asInt(-1) != versions.size()) {
            differences.append(" openRisks ").append(heatmap.path("openRisks").asInt(-1)).append(" (events: ")
                    .append(versions.size()).append(')');
        }
        if (heatmap.path("totalExposure").asInt(-1) != exposure) {
            differences.append(" totalExposure ").append(heatmap.path("totalExposure").asInt(-1)).append(" (events: ")
                    .append(exposure).append(')');
        }
        JsonNode cells = heatmap.path("cells");
        if (cells.size() != 25) {
            differences.append(" ").append(cells.size()).append(" cells");
        }
        int sum = 0;
        for (JsonNode cell : cells) {
            int p = cell.path("probability").asInt();
            int i = cell.path("impact").asInt();
            int count = cell.path("count").asInt(-1);
            sum += count;
            if (p < 1 || p > 5 || i < 1 || i > 5 || count != counts[p][i] || cell.path("exposure").asInt() != p * i) {
                differences.append(" cell ").append(p).append('x').append(i).append(" count ").append(count)
                        .append(" (events: ").append(p >= 1 && p <= 5 && i >= 1 && i <= 5 ? counts[p][i] : -1).append(')');
                continue;
            }
            if (withRisks) {
                JsonNode risks = cell.path("risks");
                if (risks.size() != Math.min(5, count)) {
                    differences.append(" cell ").append(p).append('x').append(i).append(" lists ").append(risks.size());
                }
                for (JsonNode risk : risks) {
                    if (risk.path("probability").asInt() != p || risk.path("impact").asInt() != i
                            || !RiskStatus.valueOf(risk.path("status").asText()).isOpen()) {
                        differences.append(" cell ").append(p).append('x').append(i).append(" lists risk ")
                                .append(risk.path("id").asText()).append(' ').append(risk.path("status").asText());
                    }
                }
            }
        }
        if (sum != versions.size()) {
            differences.append(" cells sum to ").append(sum);
        }
        return differences.isEmpty() ? null : differences.toString().strip();
    }

    /** Exposure descending, then impact descending, then the earliest identified, then id (PostgreSQL's uuid order). */
    private static String checkTop(Reference reference, Instant t, JsonNode top) {
        List<Version> versions = new ArrayList<>();
        List<RiskHistory> open = reference.open(t, versions);
        Map<RiskHistory, Version> at = new HashMap<>();
        for (int i = 0; i < open.size(); i++) {
            at.put(open.get(i), versions.get(i));
        }
        List<RiskHistory> expected = open.stream().sorted(Comparator
                .comparing((RiskHistory r) -> -at.get(r).exposure())
                .thenComparing(r -> -at.get(r).impact())
                .thenComparing(r -> r.identifiedAt)
                .thenComparing(r -> r.riskId)).limit(TOP).toList();
        StringBuilder differences = new StringBuilder();
        if (top.size() != expected.size()) {
            differences.append(" ").append(top.size()).append(" risks (events: ").append(expected.size()).append(')');
        }
        int previousExposure = Integer.MAX_VALUE;
        int previousImpact = Integer.MAX_VALUE;
        for (int i = 0; i < top.size(); i++) {
            JsonNode risk = top.get(i);
            int probability = risk.path("probability").asInt();
            int impact = risk.path("impact").asInt();
            int exposure = risk.path("exposure").asInt();
            if (exposure != probability * impact) {
                differences.append(" #").append(i + 1).append(" exposure ").append(exposure).append(" is not ")
                        .append(probability).append('x').append(impact);
            }
            if (exposure > previousExposure || exposure == previousExposure && impact > previousImpact) {
                differences.append(" #").append(i + 1).append(" out of order (exposure ").append(exposure)
                        .append(", impact ").append(impact).append(')');
            }
            if (!RiskStatus.valueOf(risk.path("status").asText()).isOpen()) {
                differences.append(" #").append(i + 1).append(" is ").append(risk.path("status").asText());
            }
            if (i < expected.size() && !risk.path("id").asText().equals(expected.get(i).riskId)) {
                Version want = at.get(expected.get(i));
                differences.append(" #").append(i + 1).append(' ').append(risk.path("id").asText()).append(" exposure ")
                        .append(exposure).append(" (events: ").append(expected.get(i).riskId).append(" exposure ")
                        .append(want.exposure()).append(')');
            }
            previousExposure = exposure;
            previousImpact = impact;
        }
        return differences.isEmpty() ? null : differences.toString().strip();
    }

    private static String checkHealth(Reference reference, Instant t, JsonNode health) {
        Map<String, Integer> expected = reference.reportedGroups(t);
        int projects = expected.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder differences = new StringBuilder();
        if (health.path("projectCount").asInt(-1) != projects) {
            differences.append(" projectCount ").append(health.path("projectCount").asInt(-1)).append(" (events: ")
                    .append(projects).append(')');
        }
        expected.forEach((rag, count) -> {
            int reported = health.path("byReported").path(rag).path("count").asInt(-1);
            if (reported != count) {
                differences.append(" byReported.").append(rag).append(' ').append(reported).append(" (events: ")
                        .append(count).append(')');
            }
        });
        int suggested = 0;
        for (String rag : expected.keySet()) {
            suggested += health.path("bySuggested").path(rag).path("count").asInt();
        }
        if (suggested != projects) {
            differences.append(" bySuggested sums to ").append(suggested);
        }
        int listed = health.path("disagreements").size();
        if (listed != Math.min(20, health.path("disagreementCount").asInt(-1))) {
            differences.append(" lists ").append(listed).append(" of ").append(health.path("disagreementCount").asInt(-1))
                    .append(" disagreements");
        }
        for (JsonNode project : health.path("disagreements")) {
            if (project.path("disagreements").isEmpty()) {
                differences.append(" disagreement ").append(project.path("projectId").asText()).append(" lists none");
            }
        }
        return differences.isEmpty() ? null : differences.toString().strip();
    }

    private static Instant between(Random random, Instant from, Instant to) {
        long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        return Instant.ofEpochMilli(from.toEpochMilli() + (long) (random.nextDouble() * span));
    }
}
