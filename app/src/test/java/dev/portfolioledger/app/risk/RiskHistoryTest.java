package dev.portfolioledger.app.risk;

import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.Processors;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.query.asof.AggregateEvents;
import dev.portfolioledger.query.asof.RecordTime;
import dev.portfolioledger.query.asof.RecordedEvent;
import dev.portfolioledger.query.risk.RiskChange;
import dev.portfolioledger.query.risk.RiskHeatmap;
import dev.portfolioledger.query.risk.RiskQueryController;
import dev.portfolioledger.query.risk.RiskReads;
import dev.portfolioledger.query.risk.RiskView;
import dev.portfolioledger.query.risk.RiskViewEvolution;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk rows against the reference: random risk decisions on two projects of one portfolio
 * (real commands over HTTP), then at every decision's instant and just before it the stored rows
 * (a project's register with each risk's history, the portfolio's heatmap and top risks) equal the
 * fold of the stored events through {@link RiskViewEvolution}, the function the writer applies;
 * and rebuilding the views gives the risk rows back row for row.
 */
class RiskHistoryTest extends GraphQlIntegrationTest {

    private static final int STEPS = 40;

    @Autowired
    private AggregateEvents aggregateEvents;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private RiskReads reads;
    @Autowired
    private RiskQueryController risks;

    private Random random;
    private final Map<String, List<String>> riskIds = new LinkedHashMap<>();
    private final Map<String, String> statusOf = new HashMap<>();

    @Test
    void storedRowsEqualTheFoldOfTheEventsAtEveryInstant() {
        long seed = Long.getLong("risk.seed", System.nanoTime());
        System.out.println("RiskHistoryTest seed: " + seed);
        random = new Random(seed);
        String portfolio = newPortfolio();
        String planned = newProject(portfolio, null);
        String running = newProject(portfolio, null);
        transition("approveProject", running, "pmo");
        transition("startProject", running, "pm");
        riskIds.put(planned, new ArrayList<>());
        riskIds.put(running, new ArrayList<>());
        for (int step = 0; step < STEPS; step++) {
            step(random.nextBoolean() ? planned : running);
        }
        as("pmo").documentName("cancelProject").variable("input", Map.of("projectId", planned, "reason", "Stopped"))
                .execute().path("cancelProject.project.status").entity(String.class).isEqualTo("CANCELLED");

        List<Instant> instants = new ArrayList<>();
        for (String project : riskIds.keySet()) {
            aggregateEvents.upTo(project, Instant.now()).forEach(e -> instants.add(e.decidedAt()));
        }
        instants.add(Instant.now());
        for (Instant decided : instants.stream().distinct().sorted().toList()) {
            for (Instant at : new Instant[]{decided.minusNanos(1), decided}) {
                compare(portfolio, at, seed);
            }
        }

        Map<String, List<Map<String, Object>>> rows = rows();
        new Processors(processing, jdbc).rebuild(ProcessingGroups.VIEWS, jdbc -> {
        });
        assertThat(rows()).as("risk rows after rebuilding the views (seed %d)", seed).isEqualTo(rows);
    }

    private Map<String, List<Map<String, Object>>> rows() {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (String table : List.of("risk_version", "risk_history_view", "risk_position")) {
            rows.put(table, jdbc.queryForList("SELECT t::text AS row FROM " + table + " t ORDER BY t::text"));
        }
        return rows;
    }

    private void step(String project) {
        List<String> ids = riskIds.get(project);
        List<String> open = ids.stream().filter(id -> List.of("OPEN", "MITIGATING").contains(statusOf.get(id))).toList();
        int pick = open.isEmpty() ? 0 : random.nextInt(6);
        String user = random.nextBoolean() ? "pm" : "program";
        String risk = open.isEmpty() ? null : open.get(random.nextInt(open.size()));
        switch (pick) {
            case 0, 1 -> {
                Map<String, Object> input = new HashMap<>(Map.of("projectId", project, "title", "Risk " + ids.size(),
                        "category", "Technical", "probability", 1 + random.nextInt(5), "impact", 1 + random.nextInt(5),
                        "owner", "Pia", "response", List.of("AVOID", "MITIGATE", "TRANSFER", "ACCEPT").get(random.nextInt(4)),
                        "reviewDate", "2027-0" + (1 + random.nextInt(9)) + "-15"));
                String id = as(user).documentName("identifyRisk").variable("input", input).execute()
                        .path("identifyRisk.riskId").entity(String.class).get();
                ids.add(id);
                statusOf.put(id, "OPEN");
            }
            case 2, 3 -> as(user).documentName("reassessRisk").variable("input", Map.of("projectId", project,
                            "riskId", risk, "probability", 1 + random.nextInt(5), "impact", 1 + random.nextInt(5),
                            "reason", "Reviewed")).execute().path("reassessRisk.riskId").hasValue();
            case 4 -> {
                if ("OPEN".equals(statusOf.get(risk))) {
                    as(user).documentName("startRiskMitigation").variable("input", Map.of("projectId", project,
                            "riskId", risk)).execute().path("startRiskMitigation.riskId").hasValue();
                    statusOf.put(risk, "MITIGATING");
                } else {
                    as(user).documentName("closeRisk").variable("input", Map.of("projectId", project, "riskId", risk,
                            "reason", "Done")).execute().path("closeRisk.riskId").hasValue();
                    statusOf.put(risk, "CLOSED");
                }
            }
            default -> {
                as(user).documentName("recordRiskOccurred").variable("input", Map.of("projectId", project,
                        "riskId", risk, "impactNote", "It happened")).execute().path("recordRiskOccurred.riskId")
                        .hasValue();
                statusOf.put(risk, "OCCURRED");
            }
        }
    }

    private void compare(String portfolio, Instant at, long seed) {
        long ns = RecordTime.nanos(at);
        List<RiskView> allOpen = new ArrayList<>();
        for (String project : riskIds.keySet()) {
            Map<UUID, RiskView> folded = new LinkedHashMap<>();
            Map<UUID, List<RiskChange>> history = new HashMap<>();
            UUID portfolioId = null;
            for (RecordedEvent event : aggregateEvents.upTo(project, at)) {
                if (event.payload() instanceof ProjectProposedEvent e) {
                    portfolioId = e.portfolioId().value();
                }
                if (event.payload() instanceof dev.portfolioledger.api.risk.RiskEvent e) {
                    String actor = jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8')::jsonb ->> 'actor' FROM"
                            + " domainevententry WHERE aggregateidentifier = ? AND sequencenumber = ?", String.class,
                            project, event.sequence());
                    RiskView after = RiskViewEvolution.apply(folded.get(e.riskId().value()), e, event.decidedAt(),
                                                             actor, portfolioId);
                    folded.put(e.riskId().value(), after);
                    history.computeIfAbsent(e.riskId().value(), k -> new ArrayList<>())
                            .add(RiskViewEvolution.change(e, after, event.decidedAt(), actor));
                }
            }
            List<RiskView> stored = reads.ofProject(UUID.fromString(project), null, ns, null, 1000);
            List<RiskView> expected = folded.values().stream()
                    .sorted(Comparator.comparing(RiskView::identifiedAt).thenComparing(r -> r.riskId().toString()))
                    .toList();
            assertThat(stored).as("register of %s at %s (seed %d)", project, at, seed).isEqualTo(expected);
            assertThat(reads.history(folded.keySet(), ns, 500)).as("histories at %s (seed %d)", at, seed)
                    .isEqualTo(history);
            folded.values().stream().filter(RiskView::isOpen).forEach(allOpen::add);
        }
        RiskHeatmap heatmap = risks.heatmap(UUID.fromString(portfolio), ns);
        for (RiskHeatmap.Cell cell : heatmap.cells()) {
            long count = allOpen.stream().filter(r -> r.probability() == cell.probability()
                    && r.impact() == cell.impact()).count();
            assertThat(cell.count()).as("heatmap cell %d x %d at %s (seed %d)", cell.probability(), cell.impact(), at,
                                        seed).isEqualTo((int) count);
        }
        List<RiskView> top = allOpen.stream().sorted(Comparator.comparingInt(RiskView::exposure).reversed()
                        .thenComparing(Comparator.comparingInt(RiskView::impact).reversed())
                        .thenComparing(RiskView::identifiedAt).thenComparing(r -> r.riskId().toString()))
                .limit(100).toList();
        assertThat(risks.top(UUID.fromString(portfolio), ns, 100)).as("top risks at %s (seed %d)", at, seed)
                .isEqualTo(top);
    }
}
