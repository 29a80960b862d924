package dev.portfolioledger.app.status;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Project.statusReports} and {@code Portfolio.health} over real HTTP on the real database:
 * the suggested RAG beside the reported one, the flag of a report that says GREEN where the numbers
 * say RED, corrections, paging, roles, and the health as of an earlier instant.
 *
 * <p>The projects' numbers, worked out by hand: a deliverable Build of 10,000.00 EUR planned from
 * 20 days ago to 19 days ahead (40 days), so on today PV = 10,000 × 21/40 = 5,250; reported 10%
 * done today, EV = 1,000; an expense of 5,000.00 five days ago, AC = 5,000. SPI = 1,000 / 5,250 =
 * 0.1904761905 and CPI = 0.2, both RED under the default thresholds (AMBER from 0.85).
 */
class StatusReportQueryGraphQlTest extends GraphQlIntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    /** A project with its deliverable, started. */
    private record Running(String id, String build) {
    }

    private Running runningProject(String portfolioId) {
        Map<String, Object> input = new HashMap<>(projectInput(portfolioId));
        input.put("plannedStart", TODAY.minusDays(30).toString());
        input.put("plannedFinish", TODAY.plusDays(60).toString());
        String projectId = as("pm").documentName("proposeProject").variable("input", input).execute()
                .path("proposeProject.project.id").entity(String.class).get();
        String build = UUID.randomUUID().toString();
        as("pm").documentName("addDeliverable").variable("input", Map.of("projectId", projectId,
                "deliverableId", build, "name", "Build", "plannedCost", money("10000.00"),
                "plannedStart", TODAY.minusDays(20).toString(), "plannedFinish", TODAY.plusDays(19).toString()))
                .execute().path("addDeliverable.project.id").hasValue();
        as("pm").documentName("planBudgetLine").variable("input", Map.of("projectId", projectId,
                "category", "LABOUR", "amount", money("10000.00"))).execute().path("planBudgetLine.project.id")
                .hasValue();
        transition("approveProject", projectId, "pmo");
        transition("startProject", projectId, "pm");
        return new Running(projectId, build);
    }

    /** The project's numbers turn RED on schedule and cost (see the class comment). */
    private Running behindAndOverspent(String portfolioId) {
        Running project = runningProject(portfolioId);
        progress(project, 10);
        expense(project, "5000.00", TODAY.minusDays(5));
        return project;
    }

    private void progress(Running project, int percent) {
        as("pm").documentName("reportDeliverableProgress").variable("input", Map.of("projectId", project.id(),
                "deliverableId", project.build(), "percentComplete", percent, "reportedOn", TODAY.toString()))
                .execute().path("reportDeliverableProgress.correlationId").hasValue();
    }

    private void expense(Running project, String amount, LocalDate on) {
        as("pm").documentName("recordExpense").variable("input", Map.of("projectId", project.id(),
                "amount", money(amount), "category", "SERVICES", "incurredOn", on.toString(),
                "vendor", "ACME", "description", "Build work")).execute().path("recordExpense.entryId").hasValue();
    }

    private void submitChangeRequest(Running project) {
        as("pm").documentName("submitChangeRequest").variable("input", Map.of("projectId", project.id(),
                "changeRequestId", UUID.randomUUID().toString(), "title", "More budget",
                "justification", "The supplier is late",
                "changes", List.of(Map.of("kind", "CHANGE_BUDGET", "category", "LABOUR",
                                          "newAmount", money("12000.00")))))
                .execute().path("submitChangeRequest.project.id").hasValue();
    }

    private static Map<String, Object> money(String amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }

    private static Map<String, Object> report(String projectId, String rating, LocalDate start, LocalDate end) {
        Map<String, Object> input = new HashMap<>();
        input.put("statusReportId", UUID.randomUUID().toString());
        input.put("projectId", projectId);
        input.put("periodStart", start.toString());
        input.put("periodEnd", end.toString());
        input.put("overall", rating);
        input.put("scope", rating);
        input.put("schedule", rating);
        input.put("cost", rating);
        input.put("summary", "All " + rating.toLowerCase());
        input.put("accomplishments", List.of("Build started"));
        return input;
    }

    private static Map<String, Object> report(String projectId, String rating) {
        return report(projectId, rating, TODAY.minusDays(13), TODAY);
    }

    private GraphQlTester.Response publish(Map<String, Object> input) {
        return as("pm").documentName("publishStatusReport").variable("input", input).execute();
    }

    private String published(Map<String, Object> input) {
        return publish(input).path("publishStatusReport.statusReportId").entity(String.class).get();
    }

    private GraphQlTester.Response reports(String user, String projectId, Integer first, String after,
                                           Instant asOf) {
        GraphQlTester.Request<?> request = as(user).documentName("statusReports").variable("id", projectId)
                .variable("first", first).variable("after", after);
        return (asOf == null ? request : request.variable("asOf", asOf.toString())).execute();
    }

    private GraphQlTester.Response health(String portfolioId, Instant asOf) {
        GraphQlTester.Request<?> request = as("portfolio").documentName("portfolioHealth")
                .variable("id", portfolioId).variable("first", 100);
        return (asOf == null ? request : request.variable("asOf", asOf.toString())).execute();
    }

    @Test
    void aReportThatSaysGreenWhereTheNumbersSayRedIsFlagged() {
        Running project = behindAndOverspent(newPortfolio());
        String reportId = (String) report(project.id(), "GREEN").get("statusReportId");
        Map<String, Object> input = report(project.id(), "GREEN");
        input.put("statusReportId", reportId);
        // read your writes: the payload's report carries its comparison
        publish(input).path("publishStatusReport.statusReport.id").entity(String.class).isEqualTo(reportId)
                .path("publishStatusReport.statusReport.greenWhereNumbersSayRed").entity(Boolean.class).isEqualTo(true)
                .path("publishStatusReport.statusReport.disagreements").entityList(String.class)
                .containsExactly("OVERALL", "SCHEDULE", "COST");

        GraphQlTester.Response response = reports("member", project.id(), null, null, null);
        String node = "project.statusReports.edges[0].node.";
        response.path(node + "id").entity(String.class).isEqualTo(reportId)
                .path(node + "reported.cost").entity(String.class).isEqualTo("GREEN")
                .path(node + "publishedBy").entity(String.class).isEqualTo("pm")
                .path(node + "superseded").entity(Boolean.class).isEqualTo(false)
                .path(node + "accomplishments").entityList(String.class).containsExactly("Build started")
                .path(node + "nextSteps").entityList(String.class).hasSize(0)
                .path(node + "suggested.at").entity(String.class).isEqualTo(TODAY.toString())
                .path(node + "suggested.schedulePerformanceIndex").entity(String.class).isEqualTo("0.1904761905")
                .path(node + "suggested.costPerformanceIndex").entity(String.class).isEqualTo("0.2000000000")
                .path(node + "suggested.pendingChangeRequests").entity(Integer.class).isEqualTo(0)
                .path(node + "suggested.schedule").entity(String.class).isEqualTo("RED")
                .path(node + "suggested.cost").entity(String.class).isEqualTo("RED")
                .path(node + "suggested.scope").entity(String.class).isEqualTo("GREEN")
                .path(node + "suggested.overall").entity(String.class).isEqualTo("RED")
                .path(node + "greenWhereNumbersSayRed").entity(Boolean.class).isEqualTo(true)
                .path(node + "disagreements").entityList(String.class).containsExactly("OVERALL", "SCHEDULE", "COST");
        String publishedAt = response.path(node + "publishedAt").entity(String.class).get();
        response.path(node + "suggested.knownAt").entity(String.class).isEqualTo(publishedAt);
    }

    @Test
    void anHonestReportIsNotFlaggedAndScopeFollowsPendingChangeRequests() {
        Running project = behindAndOverspent(newPortfolio());
        for (int i = 0; i < 3; i++) {
            submitChangeRequest(project);
        }
        Map<String, Object> input = report(project.id(), "RED");
        input.put("scope", "GREEN"); // three pending requests: the numbers say RED
        input.put("cost", "AMBER");
        published(input);
        String node = "project.statusReports.edges[0].node.";
        reports("pm", project.id(), null, null, null)
                .path(node + "suggested.pendingChangeRequests").entity(Integer.class).isEqualTo(3)
                .path(node + "suggested.scope").entity(String.class).isEqualTo("RED")
                .path(node + "disagreements").entityList(String.class).containsExactly("SCOPE");
        published(report(project.id(), "RED"));
        reports("pm", project.id(), 1, null, null)
                .path(node + "greenWhereNumbersSayRed").entity(Boolean.class).isEqualTo(false)
                .path(node + "disagreements").entityList(String.class).hasSize(0);
    }

    @Test
    void aReportsComparisonIsTheNumbersKnownWhenItWasPublishedAndNeverChanges() {
        Running project = behindAndOverspent(newPortfolio());
        published(report(project.id(), "GREEN"));
        progress(project, 100); // EV 10,000: SPI 1.90, CPI 2.0, both GREEN from now on
        String node = "project.statusReports.edges[0].node.";
        reports("pm", project.id(), null, null, null)
                .path(node + "suggested.schedule").entity(String.class).isEqualTo("RED")
                .path(node + "suggested.costPerformanceIndex").entity(String.class).isEqualTo("0.2000000000")
                .path(node + "greenWhereNumbersSayRed").entity(Boolean.class).isEqualTo(true);
        // the health compares the latest report with today's numbers: no disagreement any more
        String portfolioId = as("pm").document("query($id: ID!) { project(id: $id) { portfolio { id } } }")
                .variable("id", project.id()).execute().path("project.portfolio.id").entity(String.class).get();
        health(portfolioId, null)
                .path("portfolio.health.disagreementCount").entity(Integer.class).isEqualTo(0)
                .path("portfolio.health.bySuggested.green.projects[0].suggested.costPerformanceIndex")
                .entity(String.class).isEqualTo("2.0000000000")
                .path("portfolio.health.bySuggested.green.projects[0].latestReport.greenWhereNumbersSayRed")
                .entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void aCorrectionSupersedesTheReportFromItsPublicationOn() throws InterruptedException {
        Running project = runningProject(newPortfolio());
        String first = published(report(project.id(), "GREEN"));
        Instant beforeCorrection = pause();
        Map<String, Object> correction = report(project.id(), "AMBER");
        correction.put("supersedes", first);
        correction.put("reason", "The schedule rating was wrong");
        String second = published(correction);

        GraphQlTester.Response live = reports("pm", project.id(), null, null, null);
        String edges = "project.statusReports.edges";
        live.path(edges + "[*].node.id").entityList(String.class).containsExactly(second, first)
                .path(edges + "[0].node.supersedes").entity(String.class).isEqualTo(first)
                .path(edges + "[0].node.reason").entity(String.class).isEqualTo("The schedule rating was wrong")
                .path(edges + "[0].node.superseded").entity(Boolean.class).isEqualTo(false)
                .path(edges + "[1].node.superseded").entity(Boolean.class).isEqualTo(true)
                .path(edges + "[1].node.supersededBy").entity(String.class).isEqualTo(second);
        assertThat(live.path(edges + "[1].node.supersededAt").entity(String.class).get())
                .isEqualTo(live.path(edges + "[0].node.publishedAt").entity(String.class).get());

        reports("pm", project.id(), null, null, beforeCorrection)
                .path(edges + "[*].node.id").entityList(String.class).containsExactly(first)
                .path(edges + "[0].node.superseded").entity(Boolean.class).isEqualTo(false)
                .path(edges + "[0].node.supersededBy").valueIsNull();
    }

    @Test
    void reportsArePagedNewestPeriodFirst() {
        Running project = runningProject(newPortfolio());
        String oldest = published(report(project.id(), "GREEN", TODAY.minusDays(41), TODAY.minusDays(28)));
        String newest = published(report(project.id(), "GREEN", TODAY.minusDays(13), TODAY));
        String middle = published(report(project.id(), "AMBER", TODAY.minusDays(27), TODAY.minusDays(14)));
        String edges = "project.statusReports.edges";
        GraphQlTester.Response page = reports("pm", project.id(), 2, null, null);
        page.path(edges + "[*].node.id").entityList(String.class).containsExactly(newest, middle)
                .path("project.statusReports.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = page.path("project.statusReports.pageInfo.endCursor").entity(String.class).get();
        reports("pm", project.id(), 2, cursor, null)
                .path(edges + "[*].node.id").entityList(String.class).containsExactly(oldest)
                .path("project.statusReports.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        assertRefused(as("pm").documentName("statusReports").variable("id", project.id()).variable("first", 0),
                      "VALIDATION_FAILED");
        assertRefused(as("pm").documentName("statusReports").variable("id", project.id()).variable("first", 101),
                      "VALIDATION_FAILED");
        assertRefused(as("pm").documentName("statusReports").variable("id", project.id())
                              .variable("after", "not-a-cursor"), "VALIDATION_FAILED");
    }

    @Test
    void everyoneWhoReadsViewsReadsReportsAndHealthAndNobodyElse() {
        String portfolioId = newPortfolio();
        Running project = runningProject(portfolioId);
        published(report(project.id(), "GREEN"));
        for (String user : List.of("pmo", "portfolio", "program", "pm", "approver", "resources", "member",
                                   "auditor")) {
            reports(user, project.id(), null, null, null).path("project.statusReports.edges").entityList(Object.class)
                    .hasSize(1);
            as(user).documentName("portfolioHealth").variable("id", portfolioId).execute()
                    .path("portfolio.health.projectCount").entity(Integer.class).isEqualTo(1);
        }
        assertRefused(as("ops").documentName("statusReports").variable("id", project.id()), "FORBIDDEN");
        assertRefused(as("ops").documentName("portfolioHealth").variable("id", portfolioId), "FORBIDDEN");
    }

    @Test
    void healthGroupsProjectsByReportedAndSuggestedRagAndListsTheDisagreements() {
        String portfolioId = newPortfolio();
        Running greenButRed = behindAndOverspent(portfolioId);
        published(report(greenButRed.id(), "GREEN"));
        Running honest = behindAndOverspent(portfolioId);
        published(report(honest.id(), "RED"));
        Running unreported = runningProject(portfolioId); // nothing spent: CPI undefined, SPI 0
        newProject(portfolioId, null); // proposed: not covered

        GraphQlTester.Response response = health(portfolioId, null);
        String health = "portfolio.health.";
        response.path(health + "at").entity(String.class).isEqualTo(TODAY.toString())
                .path(health + "projectCount").entity(Integer.class).isEqualTo(3)
                .path(health + "byReported.green.count").entity(Integer.class).isEqualTo(1)
                .path(health + "byReported.green.projects[0].projectId").entity(String.class).isEqualTo(greenButRed.id())
                .path(health + "byReported.red.projects[*].projectId").entityList(String.class)
                .containsExactly(honest.id())
                .path(health + "byReported.amber.count").entity(Integer.class).isEqualTo(0)
                .path(health + "byReported.none.projects[*].projectId").entityList(String.class)
                .containsExactly(unreported.id())
                .path(health + "bySuggested.red.count").entity(Integer.class).isEqualTo(3)
                .path(health + "disagreementCount").entity(Integer.class).isEqualTo(1)
                .path(health + "disagreements[0].projectId").entity(String.class).isEqualTo(greenButRed.id())
                .path(health + "disagreements[0].disagreements").entityList(String.class)
                .containsExactly("OVERALL", "SCHEDULE", "COST")
                .path(health + "disagreements[0].reported.overall").entity(String.class).isEqualTo("GREEN")
                .path(health + "disagreements[0].status").entity(String.class).isEqualTo("ACTIVE");
        List<Map<String, Object>> red = response.path(health + "bySuggested.red.projects").entityList(mapType()).get();
        Map<String, Object> unreportedHealth = red.stream()
                .filter(p -> p.get("projectId").equals(unreported.id())).findFirst().orElseThrow();
        assertThat(unreportedHealth.get("reported")).isNull();
        assertThat(unreportedHealth.get("latestReport")).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> suggested = (Map<String, Object>) unreportedHealth.get("suggested");
        assertThat(suggested.get("cost")).isNull();
        assertThat(suggested.get("schedulePerformanceIndex")).isEqualTo("0.0000000000");
        assertThat(suggested.get("schedule")).isEqualTo("RED");

        for (int first : List.of(0, 101)) {
            assertRefused(as("portfolio").document("""
                    query($id: ID!, $first: Int) { portfolio(id: $id) { health { disagreements(first: $first) {
                      projectId } } } }""").variable("id", portfolioId).variable("first", first),
                          "VALIDATION_FAILED");
        }
    }

    @Test
    void healthAsOfAnEarlierInstantIsWhatItAnsweredThen() throws InterruptedException {
        String portfolioId = newPortfolio();
        Running first = behindAndOverspent(portfolioId);
        String firstReport = published(report(first.id(), "GREEN"));
        Running second = runningProject(portfolioId);
        published(report(second.id(), "AMBER"));
        Map<String, Object> then = health(portfolioId, null).path("portfolio.health").entity(mapType()).get();
        Instant answered = pause();

        // later: a correction, a new report, costs, progress and a change request
        Map<String, Object> correction = report(first.id(), "RED");
        correction.put("supersedes", firstReport);
        correction.put("reason", "The numbers were in");
        published(correction);
        published(report(second.id(), "GREEN"));
        progress(first, 100);
        expense(second, "900.00", TODAY);
        progress(second, 50);
        submitChangeRequest(second);
        runningProject(portfolioId);
        Map<String, Object> now = health(portfolioId, null).path("portfolio.health").entity(mapType()).get();
        assertThat(now).isNotEqualTo(then);

        assertThat(health(portfolioId, answered).path("portfolio.health").entity(mapType()).get()).isEqualTo(then);
    }

    private static Instant pause() throws InterruptedException {
        Thread.sleep(20);
        Instant now = Instant.now();
        Thread.sleep(20);
        return now;
    }
}
