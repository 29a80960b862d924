package dev.portfolioledger.app.closure;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.finance.CostEntryId;
import dev.portfolioledger.api.finance.CostLedgerId;
import dev.portfolioledger.api.finance.ExpenseRecordedEvent;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.Processors;
import dev.portfolioledger.app.support.StreamEvents;
import dev.portfolioledger.axon.ProcessingGroups;
import org.assertj.core.groups.Tuple;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * closeProject over HTTP: the final figures are the earned value GraphQL answered just before, a
 * blocked closure lists every blocker in its extensions, bad input is VALIDATION_FAILED, a closed
 * project takes no further command; and Portfolio.lessonsLearned as of an instant is what it
 * answered live then.
 */
class ProjectClosureGraphQlTest extends GraphQlIntegrationTest {

    private static final String FIGURES = """
            budgetAtCompletion { amount currency } actualCost { amount currency }
            earnedValue { amount currency } plannedValue { amount currency } costPerformanceIndex schedulePerformanceIndex
            """;
    private static final String SELL = "Sell online";
    private static final String RETURNS = "Halve returns";

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventProcessingConfiguration processing;

    /**
     * An ACTIVE project with two objectives, one deliverable half done, passed UAT and accepted by the
     * sponsor (the demo user lead), an expense and a budget.
     */
    private String activeProject(String portfolio, String methodology) {
        Map<String, Object> input = new HashMap<>(projectInput(portfolio));
        input.put("sponsor", "lead");
        input.put("plannedStart", today.minusDays(30).toString());
        input.put("plannedFinish", today.plusDays(29).toString());
        input.put("methodology", methodology);
        String project = as("pm").documentName("proposeProject").variable("input", input).execute()
                .path("proposeProject.project.id").entity(String.class).get();
        String deliverable = UUID.randomUUID().toString();
        as("pm").documentName("addDeliverable").variable("input", Map.of("projectId", project,
                        "deliverableId", deliverable, "name", "Shop", "plannedCost", eur("10000.00"),
                        "plannedStart", today.minusDays(30).toString(), "plannedFinish", today.plusDays(29).toString()))
                .execute().path("addDeliverable.project.id").hasValue();
        as("pm").documentName("planBudgetLine").variable("input", Map.of("projectId", project,
                "category", "SERVICES", "amount", eur("12000"))).execute().path("planBudgetLine.project.id").hasValue();
        as("pm").documentName("defineProjectObjectives").variable("input", Map.of("projectId", project,
                "objectives", List.of(SELL, RETURNS))).execute().path("defineProjectObjectives.project.id").hasValue();
        transition("approveProject", project, "pmo");
        transition("startProject", project, "pm");
        as("pm").documentName("recordExpense").variable("input", Map.of("projectId", project,
                        "amount", eur("4000.00"), "category", "SERVICES", "incurredOn", today.minusDays(1).toString()))
                .execute().path("recordExpense.entryId").hasValue();
        as("pm").documentName("reportDeliverableProgress").variable("input", Map.of("projectId", project,
                "deliverableId", deliverable, "percentComplete", 50)).execute()
                .path("reportDeliverableProgress.project.status").entity(String.class).isEqualTo("ACTIVE");
        as("pm").documentName("recordQualityReview").variable("input", Map.of("projectId", project,
                        "deliverableId", deliverable, "kind", "UAT", "outcome", "PASSED", "reviewer", "Quinn Tester"))
                .execute().path("recordQualityReview.project.id").hasValue();
        as("lead").documentName("acceptDeliverable").variable("input", Map.of("projectId", project,
                "deliverableId", deliverable)).execute().path("acceptDeliverable.project.id").hasValue();
        return project;
    }

    private static Map<String, Object> eur(String amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }

    private static List<Map<String, Object>> verdicts() {
        return List.of(Map.of("objective", SELL, "achievement", "MET"),
                       Map.of("objective", RETURNS, "achievement", "PARTLY_MET", "note", "Down by a third"));
    }

    private static Map<String, Object> closeInput(String project, List<Map<String, Object>> lessons,
                                                  List<Map<String, Object>> verdicts) {
        Map<String, Object> input = new HashMap<>();
        input.put("projectId", project);
        input.put("lessonsLearned", lessons);
        input.put("objectives", verdicts);
        input.put("handoverNotes", "Operations run the shop from Monday");
        input.put("finalRemarks", "Worth it");
        input.put("reason", "Delivered");
        return input;
    }

    private static List<Map<String, Object>> lessons(String... categoryAndText) {
        List<Map<String, Object>> lessons = new ArrayList<>();
        for (int i = 0; i < categoryAndText.length; i += 2) {
            lessons.add(Map.of("category", categoryAndText[i], "text", categoryAndText[i + 1]));
        }
        return lessons;
    }

    private GraphQlTester.Response close(String project, List<Map<String, Object>> lessons) {
        return as("pm").documentName("closeProject").variable("input", closeInput(project, lessons, verdicts()))
                .execute();
    }

    @Test
    void closesWithTheFinalFiguresEarnedValueAnsweredJustBefore() {
        String portfolio = newPortfolio();
        String project = activeProject(portfolio, "SCRUM");
        Map<String, Object> before = as("pm").document("query($id: ID!) { project(id: $id) { earnedValue { totals { "
                        + FIGURES + " } } } }").variable("id", project).execute()
                .path("project.earnedValue.totals").entity(mapType()).get();
        // BAC 12000, AC 4000.00, EV = 10000.00 × 50%: CPI = 5000 / 4000 = 1.25
        assertThat(before).containsEntry("costPerformanceIndex", "1.2500000000");

        GraphQlTester.Response response = close(project, lessons("SCHEDULE", "Book the UAT window early",
                                                                 "COST", "Agree rates before the first invoice"));
        String closure = "closeProject.project.closure.";
        response.path("closeProject.project.status").entity(String.class).isEqualTo("CLOSED");
        response.path(closure + "finalFigures").entity(mapType()).satisfies(figures -> {
            assertThat(figures).containsEntry("statusDate", today.toString());
            figures.remove("statusDate");
            assertThat(figures).isEqualTo(before);
        });
        response.path(closure + "closedOn").entity(String.class).isEqualTo(today.toString());
        response.path(closure + "closedBy").entity(String.class).isEqualTo("pm");
        response.path(closure + "baselineVersion").entity(Integer.class).isEqualTo(1);
        response.path(closure + "lessonsLearned[*].category").entityList(String.class)
                .containsExactly("SCHEDULE", "COST");
        response.path(closure + "objectives[1]").entity(mapType()).isEqualTo(
                Map.of("objective", RETURNS, "achievement", "PARTLY_MET", "note", "Down by a third"));
        response.path(closure + "objectives[0].note").valueIsNull();
        response.path(closure + "handoverNotes").entity(String.class).isEqualTo("Operations run the shop from Monday");
        response.path(closure + "finalRemarks").entity(String.class).isEqualTo("Worth it");

        as("portfolio").document("query($id: ID!) { portfolio(id: $id) { projectCounts { active closed } } }")
                .variable("id", portfolio).execute().path("portfolio.projectCounts").entity(mapType())
                .isEqualTo(Map.of("active", 0, "closed", 1));
    }

    /**
     * An expense stored behind the views' back (no read your writes waits for it) while they are
     * stopped: the closure waits until they have caught up with it, and its figures count it.
     */
    @Test
    void theFinalFiguresWaitForTheViewsToCatchUpWithEverythingStoredBefore() throws Exception {
        String project = activeProject(newPortfolio(), "LEAN");
        ProjectId id = ProjectId.of(project);
        AtomicReference<CompletableFuture<GraphQlTester.Response>> closing = new AtomicReference<>();
        new Processors(processing, jdbc).restart(ProcessingGroups.VIEWS, stopped -> {
            new StreamEvents(eventStore, jdbc).append("CostLedger", CostLedgerId.of(id).toString(), "finance",
                    new ExpenseRecordedEvent(CostLedgerId.of(id), id, CostEntryId.random(), Money.of("1000.00", "EUR"),
                                             CostCategory.EQUIPMENT, today.minusDays(1), "ACME", "Late invoice"));
            closing.set(CompletableFuture.supplyAsync(() -> close(project, lessons("COST", "Chase invoices"))));
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(closing.get()).as("the closure waits for the stopped views").isNotDone();
        });

        GraphQlTester.Response response = closing.get().get(30, TimeUnit.SECONDS);
        // AC = 4000.00 recorded through the mutation + 1000.00 appended: CPI = 5000 / 5000
        response.path("closeProject.project.closure.finalFigures.actualCost.amount").entity(String.class)
                .isEqualTo("5000.00");
        response.path("closeProject.project.closure.finalFigures.costPerformanceIndex").entity(String.class)
                .isEqualTo("1.0000000000");
    }

    @Test
    void aClosedProjectTakesNoFurtherCommand() {
        String project = activeProject(newPortfolio(), "KANBAN");
        close(project, lessons("PROCESS", "Keep the board small")).path("closeProject.project.status")
                .entity(String.class).isEqualTo("CLOSED");
        long stored = eventCountExceptDenials();

        assertRefused(as("pm").documentName("putProjectOnHold").variable("input", Map.of("projectId", project)),
                      "ILLEGAL_TRANSITION");
        assertRefused(as("program").documentName("cancelProject")
                              .variable("input", Map.of("projectId", project, "reason", "Too late")),
                      "ILLEGAL_TRANSITION");
        assertRefused(as("pm").documentName("submitChangeRequest").variable("input", Map.of("projectId", project,
                        "title", "More", "justification", "Why not", "changes", List.of(Map.of(
                                "kind", "CHANGE_BUDGET", "category", "TRAVEL", "newAmount", eur("1"))))),
                      "ILLEGAL_TRANSITION");
        as("pm").documentName("closeProject")
                .variable("input", closeInput(project, lessons("OTHER", "Again"), verdicts())).execute()
                .errors().satisfy(errors -> assertThat(blockers(errors)).singleElement()
                        .satisfies(blocker -> assertThat(blocker).containsEntry("condition", "NOT_ACTIVE")
                                .containsEntry("subjectId", project)));
        assertThat(eventCountExceptDenials()).isEqualTo(stored);
    }

    @Test
    void aBlockedClosureListsEveryBlockerAndStoresNothing() {
        String project = newProject(newPortfolio(), null);
        String deliverable = UUID.randomUUID().toString();
        as("pm").documentName("addDeliverable").variable("input", Map.of("projectId", project,
                        "deliverableId", deliverable, "name", "Shop", "plannedCost", eur("1000.00"),
                        "plannedStart", "2027-01-04", "plannedFinish", "2027-03-31"))
                .execute().path("addDeliverable.project.id").hasValue();
        transition("approveProject", project, "pmo");
        String first = submitChangeRequest(project);
        String second = submitChangeRequest(project);
        String transferred = identifyRisk(project, "TRANSFER");
        String risk = identifyRisk(project, "MITIGATE");
        long stored = eventCountExceptDenials();

        as("pm").documentName("closeProject").variable("input", closeInput(project, lessons("SCOPE", "Freeze it"),
                        List.of())).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).singleElement().satisfies(error -> {
                        assertThat(error.getExtensions()).containsEntry("code", "CLOSURE_BLOCKED")
                                .containsEntry("classification", "BAD_REQUEST");
                        assertThat(error.getMessage()).contains("5 conditions are unmet");
                    });
                    // the transferred risk does not block
                    assertThat(blockers(errors)).extracting(b -> b.get("condition"), b -> b.get("subjectId"))
                            .containsExactly(Tuple.tuple("NOT_ACTIVE", project),
                                             Tuple.tuple("OPEN_CHANGE_REQUEST", first),
                                             Tuple.tuple("OPEN_CHANGE_REQUEST", second),
                                             Tuple.tuple("UNACCEPTED_DELIVERABLE", deliverable),
                                             Tuple.tuple("OPEN_RISK", risk));
                    assertThat(transferred).isNotEqualTo(risk);
                    assertThat(blockers(errors)).allSatisfy(b -> assertThat((String) b.get("description")).isNotBlank());
                });
        assertThat(eventCountExceptDenials()).isEqualTo(stored);
    }

    @Test
    void badInputIsRefusedAndStoresNothing() {
        String project = activeProject(newPortfolio(), "WATERFALL");
        long stored = eventCountExceptDenials();
        List<Map<String, Object>> lesson = lessons("QUALITY", "Test earlier");
        Map<String, Object> met = Map.of("objective", SELL, "achievement", "MET");
        Map<String, Object> returns = Map.of("objective", RETURNS, "achievement", "NOT_MET", "note", "No change");

        assertValidationFailed(closeInput(project, lesson, List.of(met)), "no verdict on \"" + RETURNS + "\"");
        assertValidationFailed(closeInput(project, lesson, List.of(met, returns, met)),
                               "objectives[2].objective repeats objectives[0]");
        assertValidationFailed(closeInput(project, lesson, List.of(met, returns,
                                       Map.of("objective", "Win an award", "achievement", "MET"))),
                               "\"Win an award\" is not an objective");
        assertValidationFailed(closeInput(project, lesson, List.of(met,
                                       Map.of("objective", RETURNS, "achievement", "PARTLY_MET"))),
                               "objectives[1].note");
        assertValidationFailed(closeInput(project, List.of(), verdicts()), "at least one lesson");
        assertValidationFailed(closeInput(project, lessons("RISK", " "), verdicts()), "lessonsLearned[0].text");
        assertValidationFailed(closeInput("not-a-uuid", lesson, verdicts()), "");
        assertRefused(as("pm").documentName("closeProject")
                              .variable("input", closeInput(UUID.randomUUID().toString(), lesson, verdicts())),
                      "NOT_FOUND");
        assertRefused(as("member").documentName("closeProject")
                              .variable("input", closeInput(project, lesson, verdicts())), "FORBIDDEN");
        assertRefused(as("approver").documentName("closeProject")
                              .variable("input", closeInput(project, lesson, verdicts())), "FORBIDDEN");
        assertThat(eventCountExceptDenials()).isEqualTo(stored);
        GraphQlTester.Response after = as("pm")
                .document("query($id: ID!) { project(id: $id) { status closure { closedOn } } }")
                .variable("id", project).execute();
        after.path("project.status").entity(String.class).isEqualTo("ACTIVE");
        after.path("project.closure").valueIsNull();
    }

    @Test
    void lessonsLearnedAsOfAnInstantAreWhatTheyWereLiveThen() {
        String portfolio = newPortfolio();
        String apollo = activeProject(portfolio, "SCRUM");
        String gemini = activeProject(portfolio, "KANBAN");
        close(apollo, lessons("SCHEDULE", "Book the UAT window early", "COST", "Agree rates first"))
                .path("closeProject.project.status").entity(String.class).isEqualTo("CLOSED");
        Map<String, Object> liveThen = lessonsOf(portfolio, null, null);
        Map<String, Object> apolloThen = closureOf(apollo, null);
        Instant then = Instant.now();
        while (Instant.now().toEpochMilli() <= then.toEpochMilli()) {
            Thread.onSpinWait(); // the store's record times are milliseconds
        }
        close(gemini, lessons("SCHEDULE", "Limit work in progress", "TECHNOLOGY", "One board tool"))
                .path("closeProject.project.status").entity(String.class).isEqualTo("CLOSED");

        assertThat(lessonsOf(portfolio, then, null)).isEqualTo(liveThen);
        assertThat(closureOf(apollo, then)).isEqualTo(apolloThen);
        assertThat(closureOf(gemini, then)).isNull();
        as("pm").document("query($id: ID!, $asOf: DateTime) { project(id: $id, asOf: $asOf) { status } }")
                .variable("id", gemini).variable("asOf", then.toString()).execute()
                .path("project.status").entity(String.class).isEqualTo("ACTIVE");

        // live: the newest closure first, both projects' lessons
        GraphQlTester.Response live = as("auditor").documentName("lessonsLearned").variable("id", portfolio).execute();
        live.path("portfolio.lessonsLearned.edges[*].node.text").entityList(String.class).containsExactly(
                "Limit work in progress", "One board tool", "Book the UAT window early", "Agree rates first");
        live.path("portfolio.lessonsLearned.edges[0].node.projectId").entity(String.class).isEqualTo(gemini);
        live.path("portfolio.lessonsLearned.edges[0].node.methodology").entity(String.class).isEqualTo("KANBAN");
        live.path("portfolio.lessonsLearned.edges[0].node.closedOn").entity(String.class).isEqualTo(today.toString());
        assertThat(lessonsOf(portfolio, null, Map.of("category", "SCHEDULE"))).extracting(this::texts)
                .isEqualTo(List.of("Limit work in progress", "Book the UAT window early"));
        assertThat(lessonsOf(portfolio, null, Map.of("category", "SCHEDULE", "methodology", "SCRUM")))
                .extracting(this::texts).isEqualTo(List.of("Book the UAT window early"));
        assertThat(lessonsOf(portfolio, then, Map.of("methodology", "KANBAN"))).extracting(this::texts)
                .isEqualTo(List.of());

        // paging: one lesson a page, each cursor continuing right after its lesson
        String after = null;
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            GraphQlTester.Response response = as("auditor").documentName("lessonsLearned").variable("id", portfolio)
                    .variable("first", 1).variable("after", after).execute();
            paged.addAll(response.path("portfolio.lessonsLearned.edges[*].node.text").entityList(String.class).get());
            response.path("portfolio.lessonsLearned.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(page < 3);
            after = response.path("portfolio.lessonsLearned.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(paged).containsExactly("Limit work in progress", "One board tool", "Book the UAT window early",
                                          "Agree rates first");
        assertRefused(as("auditor").documentName("lessonsLearned").variable("id", portfolio)
                              .variable("after", "bm90IGEgY3Vyc29y"), "VALIDATION_FAILED");
    }

    private Map<String, Object> lessonsOf(String portfolio, Instant asOf, Map<String, Object> filter) {
        return as("auditor").documentName("lessonsLearned").variable("id", portfolio)
                .variable("asOf", asOf == null ? null : asOf.toString()).variable("filter", filter).execute()
                .path("portfolio.lessonsLearned").entity(mapType()).get();
    }

    @SuppressWarnings("unchecked")
    private List<String> texts(Map<String, Object> connection) {
        return ((List<Map<String, Object>>) connection.get("edges")).stream()
                .map(edge -> (String) ((Map<String, Object>) edge.get("node")).get("text")).toList();
    }

    private Map<String, Object> closureOf(String project, Instant asOf) {
        GraphQlTester.Response response = as("auditor").document("""
                        query($id: ID!, $asOf: DateTime) { project(id: $id, asOf: $asOf) { closure {
                          closedOn closedAt closedBy baselineVersion finalFigures { statusDate %s }
                          lessonsLearned { category text } objectives { objective achievement note }
                          handoverNotes finalRemarks } } }
                        """.formatted(FIGURES)).variable("id", project)
                .variable("asOf", asOf == null ? null : asOf.toString()).execute();
        @SuppressWarnings("unchecked")
        Map<String, Object> closure = (Map<String, Object>) response.path("project").entity(mapType()).get()
                .get("closure");
        return closure;
    }

    private String identifyRisk(String project, String response) {
        return as("pm").documentName("identifyRisk").variable("input", Map.of("projectId", project,
                        "title", "Supplier late", "category", "Supplier", "probability", 3, "impact", 4, "owner", "Pia",
                        "response", response, "reviewDate", "2027-02-01"))
                .execute().path("identifyRisk.riskId").entity(String.class).get();
    }

    private String submitChangeRequest(String project) {
        String id = UUID.randomUUID().toString();
        as("pm").documentName("submitChangeRequest").variable("input", Map.of("projectId", project,
                        "changeRequestId", id, "title", "More travel", "justification", "Customer visits",
                        "changes", List.of(Map.of("kind", "CHANGE_BUDGET", "category", "TRAVEL",
                                                  "newAmount", eur("100")))))
                .execute().path("submitChangeRequest.correlationId").hasValue();
        return id;
    }

    private void assertValidationFailed(Map<String, Object> input, String message) {
        as("pm").documentName("closeProject").variable("input", input).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "VALIDATION_FAILED");
                    assertThat(error.getMessage()).contains(message);
                }));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> blockers(List<ResponseError> errors) {
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getExtensions()).containsEntry("code", "CLOSURE_BLOCKED");
        return (List<Map<String, Object>>) errors.get(0).getExtensions().get("blockers");
    }
}
