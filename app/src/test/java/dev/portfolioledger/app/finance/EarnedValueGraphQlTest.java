package dev.portfolioledger.app.finance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.finance.CostEntryId;
import dev.portfolioledger.api.finance.CostLedgerId;
import dev.portfolioledger.api.finance.CostReversedEvent;
import dev.portfolioledger.api.finance.ExpenseRecordedEvent;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverableProgressReportedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.Processors;
import dev.portfolioledger.app.support.StreamEvents;
import dev.portfolioledger.axon.ProcessingGroups;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Earned value over GraphQL and the portfolio export over HTTP, on a small portfolio whose figures
 * are worked out by hand in the comments: two projects planned and approved through mutations,
 * then costs and progress appended to the event store (their commands are another issue's).
 */
class EarnedValueGraphQlTest extends GraphQlIntegrationTest {

    private static final String FIGURES = """
            fragment figures on EarnedValue {
              at budgetAtCompletion { amount currency } plannedValue { amount } earnedValue { amount }
              actualCost { amount } costPerformanceIndex schedulePerformanceIndex estimateAtCompletion { amount }
              estimateToComplete { amount } varianceAtCompletion { amount } toCompletePerformanceIndex
            }
            """;

    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventProcessingConfiguration processing;

    private StreamEvents streams;
    private Processors processors;
    private String portfolio;
    private String program;
    private ProjectId apollo;
    private ProjectId gemini;
    private String apolloName;
    private String design;
    private String study;
    private ExpenseRecordedEvent laptops;
    private Instant beforeCorrections;

    /**
     * Apollo (in the program, named like a formula): Design 10000.00 over 2027-01-01..2027-01-10,
     * budget 12000. Gemini (no program): Study 4000 over 2027-01-01..2027-01-20, budget 5000.
     * Recorded in this order: Apollo expenses 3000.00 (Jan 3, laptops) and 500.00 (Jan 5); Design
     * 60% on Jan 5; Gemini expense 1000.00 (Jan 4); Study 50% on Jan 5. Then, after
     * {@link #beforeCorrections}: the laptops reversed, Design 80% on Jan 6.
     */
    @BeforeEach
    void portfolioWithCostsAndProgress() {
        streams = new StreamEvents(eventStore, jdbc);
        processors = new Processors(processing, jdbc);
        portfolio = newPortfolio();
        program = newProgram(portfolio);
        apolloName = "=HYPERLINK(\"evil\"), " + unique("Apollo");
        Map<String, Object> input = new HashMap<>(projectInput(portfolio));
        input.put("name", apolloName);
        input.put("programId", program);
        input.put("plannedStart", "2027-01-01");
        apollo = ProjectId.of(as("pm").documentName("proposeProject").variable("input", input).execute()
                                      .path("proposeProject.project.id").entity(String.class).get());
        Map<String, Object> geminiInput = new HashMap<>(projectInput(portfolio));
        geminiInput.put("plannedStart", "2027-01-01");
        gemini = ProjectId.of(as("pm").documentName("proposeProject").variable("input", geminiInput).execute()
                                      .path("proposeProject.project.id").entity(String.class).get());
        design = deliverable(apollo, "Design", "10000.00", "2027-01-10");
        study = deliverable(gemini, "Study", "4000", "2027-01-20");
        budget(apollo, "12000");
        budget(gemini, "5000");
        transition("approveProject", apollo.toString(), "pmo");
        transition("approveProject", gemini.toString(), "pmo");
        laptops = expense(apollo, "3000.00", "2027-01-03", "=cmd|' /C calc'!A0");
        expense(apollo, "500.00", "2027-01-05", "ACME");
        progress(apollo, design, 60, 0, "2027-01-05");
        expense(gemini, "1000.00", "2027-01-04", "Consult, Ltd");
        progress(gemini, study, 50, 0, "2027-01-05");
        processors.awaitHead(ProcessingGroups.VIEWS);
        beforeCorrections = Instant.now();
        while (Instant.now().toEpochMilli() <= beforeCorrections.toEpochMilli()) {
            Thread.onSpinWait(); // the store's record times are milliseconds
        }
        streams.append("CostLedger", CostLedgerId.of(apollo).toString(), "pmo", new CostReversedEvent(
                laptops.ledgerId(), apollo, CostEntryId.random(), laptops.entryId(), laptops.amount(),
                laptops.category(), laptops.incurredOn(), "Charged to the wrong project"));
        progress(apollo, design, 80, 60, "2027-01-06");
        processors.awaitHead(ProcessingGroups.VIEWS);
    }

    @Test
    void projectEarnedValueOnHandComputedFigures() {
        GraphQlTester.Response response = as("member").document("""
                query($id: ID!) { project(id: $id) {
                  earnedValue(at: "2027-01-06") { totals { ...figures }
                    deliverables { deliverableId name percentComplete reportedOn figures { ...figures } } }
                  actualCost(at: "2027-01-06") { amount currency }
                  deliverables { id percentComplete reportedOn expectedFinish }
                } }
                """ + FIGURES).variable("id", apollo.toString()).execute();
        // on Jan 6: PV = 10000.00 × 6/10 = 6000; EV = 10000.00 × 80% = 8000; AC = 500 (the laptops reversed)
        String totals = "project.earnedValue.totals.";
        response.path(totals + "budgetAtCompletion.amount").entity(String.class).isEqualTo("12000");
        response.path(totals + "plannedValue.amount").entity(String.class).isEqualTo("6000.000000000000");
        response.path(totals + "earnedValue.amount").entity(String.class).isEqualTo("8000.0000");
        response.path(totals + "actualCost.amount").entity(String.class).isEqualTo("500.00");
        // CPI = 8000 / 500 = 16, SPI = 8000 / 6000 = 1.3333333333, EAC = 12000 × 500 / 8000 = 750,
        // VAC = 12000 − 750 = 11250, TCPI = (12000 − 8000) / (12000 − 500) = 0.3478260870 (…2608695…)
        response.path(totals + "costPerformanceIndex").entity(String.class).isEqualTo("16.0000000000");
        response.path(totals + "schedulePerformanceIndex").entity(String.class).isEqualTo("1.3333333333");
        response.path(totals + "estimateAtCompletion.amount").entity(String.class).isEqualTo("750.0000000000");
        response.path(totals + "varianceAtCompletion.amount").entity(String.class).isEqualTo("11250.0000000000");
        response.path(totals + "toCompletePerformanceIndex").entity(String.class).isEqualTo("0.3478260870");
        response.path("project.earnedValue.deliverables[0].percentComplete").entity(Integer.class).isEqualTo(80);
        response.path("project.earnedValue.deliverables[0].figures.actualCost").valueIsNull();
        response.path("project.earnedValue.deliverables[0].figures.budgetAtCompletion.amount")
                .entity(String.class).isEqualTo("10000.00");
        response.path("project.actualCost.amount").entity(String.class).isEqualTo("500.00");
        response.path("project.deliverables[0].percentComplete").entity(Integer.class).isEqualTo(80);
        response.path("project.deliverables[0].reportedOn").entity(String.class).isEqualTo("2027-01-06");
        response.path("project.deliverables[0].expectedFinish").valueIsNull();
    }

    @Test
    void asOfAnInstantTheFiguresAreThoseKnownThen() {
        GraphQlTester.Response response = as("auditor").document("""
                query($id: ID!, $asOf: DateTime) { project(id: $id, asOf: $asOf) {
                  earnedValue(at: "2027-01-06") { totals { ...figures } }
                  costEntries { edges { node { id kind reversedBy } } }
                } }
                """ + FIGURES).variable("id", apollo.toString()).variable("asOf", beforeCorrections.toString())
                .execute();
        // before the corrections: EV = 10000.00 × 60% = 6000, AC = 3000 + 500 = 3500
        response.path("project.earnedValue.totals.earnedValue.amount").entity(String.class).isEqualTo("6000.0000");
        response.path("project.earnedValue.totals.actualCost.amount").entity(String.class).isEqualTo("3500.00");
        response.path("project.costEntries.edges[*].node.kind").entityList(String.class)
                .containsExactly("EXPENSE", "EXPENSE");
        response.path("project.costEntries.edges[0].node.reversedBy").valueIsNull();
    }

    @Test
    void rollUpsSumTheProjectsAndDeriveTheirRatiosFromTheSums() {
        GraphQlTester.Response response = as("portfolio").document("""
                query($portfolio: ID!, $program: ID!) {
                  portfolio(id: $portfolio) {
                    earnedValue(at: "2027-01-06") { ...figures }
                    dashboard(at: "2027-01-06", first: 1) {
                      projectCounts { approved } totals { ...figures } spendLast30Days { amount currency }
                      worstCostPerformance { projectId name status figures { costPerformanceIndex } }
                      worstSchedulePerformance { projectId figures { schedulePerformanceIndex } }
                    }
                  }
                  program(id: $program) { earnedValue(at: "2027-01-06") { ...figures } }
                }
                """ + FIGURES).variable("portfolio", portfolio).variable("program", program).execute();
        // Gemini on Jan 6: PV = 4000 × 6/20 = 1200, EV = 4000 × 50% = 2000, AC = 1000: CPI 2, SPI 1.6667;
        // Apollo: CPI 16, SPI 1.3333 (above). Sums: PV 7200, EV 10000, AC 1500, BAC 17000:
        // CPI = 10000 / 1500 = 6.6666666667 (the mean of the projects' CPIs would be 9)
        String figures = "portfolio.earnedValue.";
        response.path(figures + "plannedValue.amount").entity(String.class).isEqualTo("7200.000000000000");
        response.path(figures + "earnedValue.amount").entity(String.class).isEqualTo("10000.0000");
        response.path(figures + "actualCost.amount").entity(String.class).isEqualTo("1500.00");
        response.path(figures + "budgetAtCompletion.amount").entity(String.class).isEqualTo("17000");
        response.path(figures + "costPerformanceIndex").entity(String.class).isEqualTo("6.6666666667");
        response.path(figures + "schedulePerformanceIndex").entity(String.class).isEqualTo("1.3888888889");
        response.path("portfolio.dashboard.projectCounts.approved").entity(Integer.class).isEqualTo(2);
        // spend of Dec 8 .. Jan 6: 500 + 1000 (the laptops reversed)
        response.path("portfolio.dashboard.spendLast30Days.amount").entity(String.class).isEqualTo("1500.00");
        response.path("portfolio.dashboard.worstCostPerformance[*].projectId").entityList(String.class)
                .containsExactly(gemini.toString());
        response.path("portfolio.dashboard.worstSchedulePerformance[*].projectId").entityList(String.class)
                .containsExactly(apollo.toString());
        // the program holds Apollo only
        response.path("program.earnedValue.costPerformanceIndex").entity(String.class).isEqualTo("16.0000000000");
    }

    @Test
    void seriesGivesTheFiguresAtEachPeriodEnd() {
        GraphQlTester.Response response = as("pmo").document("""
                query($id: ID!) { portfolio(id: $id) {
                  earnedValueSeries(from: "2027-01-01", to: "2027-01-12", granularity: WEEK) {
                    periodEnd figures { plannedValue { amount } earnedValue { amount } actualCost { amount } } }
                } }
                """).variable("id", portfolio).execute();
        // weeks end Sun Jan 3 and Sun Jan 10, then Jan 12 (clipped)
        response.path("portfolio.earnedValueSeries[*].periodEnd").entityList(String.class)
                .containsExactly("2027-01-03", "2027-01-10", "2027-01-12");
        // Jan 3: PV = 10000 × 3/10 + 4000 × 3/20 = 3000 + 600; EV 0 (no report dated by then); AC 0
        response.path("portfolio.earnedValueSeries[0].figures.plannedValue.amount").entity(String.class)
                .isEqualTo("3600.000000000000");
        response.path("portfolio.earnedValueSeries[0].figures.earnedValue.amount").entity(BigDecimal.class)
                .satisfies(ev -> assertThat(ev).isEqualByComparingTo("0"));
        // Jan 10: PV = 10000 + 4000 × 10/20 = 12000; EV = 8000 + 2000; AC = 500 + 1000
        response.path("portfolio.earnedValueSeries[1].figures.plannedValue.amount").entity(BigDecimal.class)
                .satisfies(pv -> assertThat(pv).isEqualByComparingTo("12000"));
        response.path("portfolio.earnedValueSeries[1].figures.actualCost.amount").entity(String.class)
                .isEqualTo("1500.00");
    }

    @Test
    void theLedgerPagesInRecordOrderWithReversalLinksAndActors() {
        String query = """
                query($id: ID!, $after: String) { project(id: $id) {
                  costEntries(first: 2, after: $after) {
                    edges { cursor node { id kind category incurredOn amount { amount currency } vendor reason actor
                                          reverses reversedBy recordedAt } }
                    pageInfo { hasNextPage endCursor } } } }
                """;
        GraphQlTester.Response first = as("pm").document(query).variable("id", apollo.toString()).execute();
        first.path("project.costEntries.edges[0].node.id").entity(String.class).isEqualTo(laptops.entryId().toString());
        first.path("project.costEntries.edges[0].node.vendor").entity(String.class).isEqualTo("=cmd|' /C calc'!A0");
        first.path("project.costEntries.edges[0].node.actor").entity(String.class).isEqualTo("finance");
        first.path("project.costEntries.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String reversal = first.path("project.costEntries.edges[0].node.reversedBy").entity(String.class).get();
        String cursor = first.path("project.costEntries.pageInfo.endCursor").entity(String.class).get();
        GraphQlTester.Response next = as("pm").document(query).variable("id", apollo.toString())
                .variable("after", cursor).execute();
        next.path("project.costEntries.edges[*].node.kind").entityList(String.class).containsExactly("REVERSAL");
        next.path("project.costEntries.edges[0].node.id").entity(String.class).isEqualTo(reversal);
        next.path("project.costEntries.edges[0].node.amount.amount").entity(String.class).isEqualTo("-3000.00");
        next.path("project.costEntries.edges[0].node.reverses").entity(String.class)
                .isEqualTo(laptops.entryId().toString());
        next.path("project.costEntries.edges[0].node.reason").entity(String.class)
                .isEqualTo("Charged to the wrong project");
        next.path("project.costEntries.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void badInputIsRefusedAndUnknownIdsAreNull() {
        String series = """
                query($id: ID!, $from: Date!, $to: Date!, $g: Granularity) { portfolio(id: $id) {
                  earnedValueSeries(from: $from, to: $to, granularity: $g) { periodEnd } } }
                """;
        assertRefused(as("pmo").document(series).variable("id", portfolio).variable("from", "2027-02-01")
                              .variable("to", "2027-01-01"), "VALIDATION_FAILED");
        assertRefused(as("pmo").document(series).variable("id", portfolio).variable("from", "2027-01-01")
                              .variable("to", "2033-01-01").variable("g", "WEEK"), "VALIDATION_FAILED");
        assertRefused(as("pmo").document("query($id: ID!) { portfolio(id: $id) { dashboard(first: 0) { at } } }")
                              .variable("id", portfolio), "VALIDATION_FAILED");
        assertRefused(as("pmo").document("query($id: ID!) { portfolio(id: $id) { dashboard(first: 51) { at } } }")
                              .variable("id", portfolio), "VALIDATION_FAILED");
        assertRefused(as("pmo").document("""
                query($id: ID!) { project(id: $id) { costEntries(after: "bm90IGEgY3Vyc29y") { pageInfo { hasNextPage } } } }
                """).variable("id", apollo.toString()), "VALIDATION_FAILED");
        assertRefused(as("pmo").document("""
                query($id: ID!) { project(id: $id) { costEntries(first: 101) { pageInfo { hasNextPage } } } }
                """).variable("id", apollo.toString()), "VALIDATION_FAILED");
        as("pmo").document("query($id: ID!) { portfolio(id: $id) { earnedValue { at } } project(id: $id) { earnedValue { totals { at } } } }")
                .variable("id", UUID.randomUUID().toString()).execute()
                .path("portfolio").valueIsNull().path("project").valueIsNull();
    }

    @Test
    void withoutADateTheFiguresAreToday() {
        as("pmo").document("query($id: ID!) { portfolio(id: $id) { earnedValue { at } dashboard { at } } }")
                .variable("id", portfolio).execute()
                .path("portfolio.earnedValue.at").entity(String.class)
                .satisfies(at -> assertThat(LocalDate.parse(at)).isBetween(LocalDate.now(java.time.ZoneOffset.UTC)
                        .minusDays(1), LocalDate.now(java.time.ZoneOffset.UTC)));
    }

    @Test
    void theExportParsedBackEqualsTheGraphQlFiguresLiveAndAsOf() throws Exception {
        for (Instant asOf : new Instant[]{null, beforeCorrections}) {
            String uri = "/exports/portfolios/" + portfolio + "/summary.csv?at=2027-01-06"
                    + (asOf == null ? "" : "&asOf=" + asOf);
            String csv = get("portfolio", uri).expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith("text/csv")
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(csv).contains("\r\n").doesNotContain(apolloName + ",");
            List<CSVRecord> records;
            try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180.builder()
                    .setHeader().setSkipHeaderRecord(true).get())) {
                assertThat(parser.getHeaderNames()).containsExactly("projectId", "name", "programId", "status",
                                                                    "currency", "bac", "ac", "ev", "pv", "cpi",
                                                                    "spi", "eac", "vac");
                records = parser.getRecords();
            }
            assertThat(records).hasSize(2);
            String jsonl = get("portfolio", uri.replace("summary.csv", "summary.jsonl")).expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            List<JsonNode> lines = new ArrayList<>();
            ObjectMapper exact = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
            for (String line : jsonl.split("\n")) {
                lines.add(exact.readTree(line));
            }
            assertThat(lines).hasSize(2);
            for (int i = 0; i < records.size(); i++) {
                CSVRecord row = records.get(i);
                JsonNode line = lines.get(i);
                ProjectId project = ProjectId.of(row.get("projectId"));
                var request = as("portfolio").document("""
                        query($id: ID!, $asOf: DateTime) { project(id: $id, asOf: $asOf) { name status
                          program { id } earnedValue(at: "2027-01-06") { totals { ...figures } } } }
                        """ + FIGURES).variable("id", project.toString());
                if (asOf != null) {
                    request = request.variable("asOf", asOf.toString());
                }
                Map<String, Object> graphQl = request.execute().path("project").entity(mapType()).get();
                @SuppressWarnings("unchecked")
                Map<String, Object> totals = (Map<String, Object>) ((Map<String, Object>) graphQl.get("earnedValue"))
                        .get("totals");
                String name = (String) graphQl.get("name");
                assertThat(row.get("name")).as("formula-like names are written as text")
                        .isEqualTo(name.startsWith("=") ? "'" + name : name);
                assertThat(line.get("name").asText()).isEqualTo(name);
                assertThat(row.get("status")).isEqualTo(graphQl.get("status"));
                assertThat(row.get("programId")).isEqualTo(project.equals(apollo) ? program : "");
                Map<String, String> expected = Map.of(
                        "bac", amount(totals, "budgetAtCompletion"), "ac", amount(totals, "actualCost"),
                        "ev", amount(totals, "earnedValue"), "pv", amount(totals, "plannedValue"),
                        "cpi", (String) totals.get("costPerformanceIndex"),
                        "spi", (String) totals.get("schedulePerformanceIndex"),
                        "eac", amount(totals, "estimateAtCompletion"),
                        "vac", amount(totals, "varianceAtCompletion"));
                expected.forEach((column, value) -> {
                    assertThat(new BigDecimal(row.get(column))).as("%s of %s as of %s", column, project, asOf)
                            .isEqualTo(new BigDecimal(value));
                    assertThat(line.get(column).decimalValue()).as("jsonl %s", column).isEqualByComparingTo(value);
                });
            }
        }
    }

    @Test
    void theExportFollowsTheRulesOfPortfolioEarnedValue() {
        String uri = "/exports/portfolios/" + portfolio + "/summary.csv";
        exports().get().uri(uri).exchange().expectStatus().isUnauthorized();
        get("ops", uri).expectStatus().isForbidden();
        get("member", uri).expectStatus().isOk();
        get("pmo", "/exports/portfolios/" + UUID.randomUUID() + "/summary.jsonl").expectStatus().isNotFound();
        get("pmo", "/exports/portfolios/not-a-uuid/summary.csv").expectStatus().isBadRequest();
        get("pmo", uri + "?at=2027-02-30").expectStatus().isBadRequest();
        get("pmo", uri + "?asOf=yesterday").expectStatus().isBadRequest();
    }

    private static String amount(Map<String, Object> totals, String field) {
        @SuppressWarnings("unchecked")
        Map<String, Object> money = (Map<String, Object>) totals.get(field);
        return money == null ? null : (String) money.get("amount");
    }

    private WebTestClient exports() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    private WebTestClient.ResponseSpec get(String user, String uri) {
        return exports().get().uri(uri).headers(h -> h.setBasicAuth(user, user + "-demo")).exchange();
    }

    private String deliverable(ProjectId project, String name, String cost, String finish) {
        String id = UUID.randomUUID().toString();
        as("pm").documentName("addDeliverable").variable("input", Map.of(
                "projectId", project.toString(), "deliverableId", id, "name", name,
                "plannedCost", Map.of("amount", cost, "currency", "EUR"),
                "plannedStart", "2027-01-01", "plannedFinish", finish))
                .execute().path("addDeliverable.project.id").hasValue();
        return id;
    }

    private void budget(ProjectId project, String amount) {
        as("pm").documentName("planBudgetLine").variable("input", Map.of(
                "projectId", project.toString(), "category", "SERVICES",
                "amount", Map.of("amount", amount, "currency", "EUR")))
                .execute().path("planBudgetLine.project.id").hasValue();
    }

    private ExpenseRecordedEvent expense(ProjectId project, String amount, String incurredOn, String vendor) {
        ExpenseRecordedEvent expense = new ExpenseRecordedEvent(CostLedgerId.of(project), project, CostEntryId.random(),
                                                                Money.of(amount, "EUR"), CostCategory.EQUIPMENT,
                                                                LocalDate.parse(incurredOn), vendor, "Invoice");
        streams.append("CostLedger", CostLedgerId.of(project).toString(), "finance", expense);
        return expense;
    }

    private void progress(ProjectId project, String deliverable, int percent, int previous, String on) {
        streams.append("Project", project.toString(), "pm", new DeliverableProgressReportedEvent(
                project, DeliverableId.of(deliverable), percent, previous, LocalDate.parse(on), null));
    }
}
