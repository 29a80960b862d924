package dev.portfolioledger.app.risk;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk register over real HTTP on the real database: the five mutations with their refusals
 * and roles, a project's register with a risk's history, the portfolio's heatmap, top risks and
 * risks past review, and all of them as of an earlier instant.
 */
class RiskGraphQlTest extends GraphQlIntegrationTest {

    private static Map<String, Object> risk(String projectId, String title, int probability, int impact) {
        Map<String, Object> input = new HashMap<>();
        input.put("projectId", projectId);
        input.put("title", title);
        input.put("description", "What could go wrong");
        input.put("category", "Supplier");
        input.put("probability", probability);
        input.put("impact", impact);
        input.put("owner", "Pia Owner");
        input.put("response", "MITIGATE");
        input.put("responsePlan", "Second supplier on standby");
        input.put("reviewDate", "2027-02-01");
        return input;
    }

    private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(input);
        changed.put(key, value);
        return changed;
    }

    private String identify(Map<String, Object> input) {
        return as("pm").documentName("identifyRisk").variable("input", input).execute()
                .path("identifyRisk.riskId").entity(String.class).get();
    }

    private void reassess(String projectId, String riskId, int probability, int impact, String reason) {
        as("pm").documentName("reassessRisk").variable("input", Map.of("projectId", projectId, "riskId", riskId,
                        "probability", probability, "impact", impact, "reason", reason))
                .execute().path("reassessRisk.riskId").entity(String.class).isEqualTo(riskId);
    }

    private void close(String projectId, String riskId, String reason) {
        as("pm").documentName("closeRisk").variable("input", Map.of("projectId", projectId, "riskId", riskId,
                "reason", reason)).execute().path("closeRisk.riskId").entity(String.class).isEqualTo(riskId);
    }

    private HttpGraphQlTester.Request<?> projectRisks(String projectId, String riskId) {
        return as("member").documentName("projectRisks").variable("id", projectId).variable("riskId", riskId);
    }

    private String approvedProject(String portfolioId) {
        String projectId = newProject(portfolioId, null);
        transition("approveProject", projectId, "pmo");
        return projectId;
    }

    private String submitChangeRequest(String projectId) {
        String request = UUID.randomUUID().toString();
        as("pm").documentName("submitChangeRequest").variable("input", Map.of(
                "projectId", projectId, "changeRequestId", request, "title", "Replan",
                "justification", "The supplier is late", "changes", List.of(Map.of(
                        "kind", "CHANGE_BUDGET", "category", "LABOUR",
                        "newAmount", Map.of("amount", "5000", "currency", "EUR")))))
                .execute().path("submitChangeRequest.project.id").hasValue();
        return request;
    }

    private Map<String, Object> portfolioRisks(String portfolioId, Instant asOf, String at) {
        var request = as("portfolio").documentName("portfolioRisks").variable("id", portfolioId).variable("limit", 100)
                .variable("at", at);
        if (asOf != null) {
            request = request.variable("asOf", asOf.toString());
        }
        return request.execute().path("portfolio").entity(mapType()).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cells(Map<String, Object> portfolio) {
        return (List<Map<String, Object>>) ((Map<String, Object>) portfolio.get("riskHeatmap")).get("cells");
    }

    private static Map<String, Object> cell(Map<String, Object> portfolio, int probability, int impact) {
        return cells(portfolio).stream().filter(c -> c.get("probability").equals(probability)
                && c.get("impact").equals(impact)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<String> topTitles(Map<String, Object> portfolio) {
        return ((List<Map<String, Object>>) portfolio.get("topRisks")).stream().map(r -> (String) r.get("title"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Object risks) {
        return ((List<Map<String, Object>>) risks).stream().map(r -> (String) r.get("id")).toList();
    }

    private static Instant instantBetweenDecisions() throws InterruptedException {
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        return between;
    }

    // --- mutations ---

    @Test
    void identifiesRiskWhilePlanningAndListsItWithItsFirstAssessment() {
        String projectId = newProject(newPortfolio(), null);
        var payload = as("pm").documentName("identifyRisk").variable("input", risk(projectId, "Supplier late", 3, 4))
                .execute();
        payload.path("identifyRisk.project.id").entity(String.class).isEqualTo(projectId);
        payload.path("identifyRisk.correlationId").hasValue();
        String riskId = payload.path("identifyRisk.riskId").entity(String.class).get();
        assertThat(UUID.fromString(riskId).toString()).isEqualTo(riskId);

        var risks = projectRisks(projectId, riskId).execute();
        risks.path("project.risks.edges[*].node.id").entityList(String.class).containsExactly(riskId);
        Map<String, Object> node = risks.path("project.risks.edges[0].node").entity(mapType()).get();
        assertThat(node).containsEntry("title", "Supplier late").containsEntry("category", "Supplier")
                .containsEntry("probability", 3).containsEntry("impact", 4).containsEntry("exposure", 12)
                .containsEntry("owner", "Pia Owner").containsEntry("response", "MITIGATE")
                .containsEntry("responsePlan", "Second supplier on standby").containsEntry("reviewDate", "2027-02-01")
                .containsEntry("status", "OPEN").containsEntry("identifiedBy", "pm")
                .containsEntry("projectId", projectId).containsEntry("closureReason", null);
        risks.path("project.risk.history[*].kind").entityList(String.class).containsExactly("IDENTIFIED");
    }

    @Test
    void retryWithTheSameIdempotencyKeyNamesTheSameRisk() {
        String projectId = newProject(newPortfolio(), null);
        String key = UUID.randomUUID().toString();
        List<String> ids = new java.util.ArrayList<>();
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpGraphQlTester keyed = HttpGraphQlTester.create(client().defaultHeaders(h -> {
                h.setBasicAuth("pm", "pm-demo");
                h.set("Idempotency-Key", key);
            }).build());
            ids.add(keyed.documentName("identifyRisk").variable("input", risk(projectId, "Supplier late", 3, 4))
                            .execute().path("identifyRisk.riskId").entity(String.class).get());
        }
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        projectRisks(projectId, ids.get(0)).execute().path("project.risks.edges").entityList(Object.class).hasSize(1);
    }

    @Test
    void historyShowsEveryReassessmentWithWhoWhenRatingsAndReason() {
        String projectId = approvedProject(newPortfolio());
        String riskId = identify(risk(projectId, "Supplier late", 3, 4));
        reassess(projectId, riskId, 4, 5, "Supplier missed the first date");
        as("program").documentName("reassessRisk").variable("input", Map.of("projectId", projectId, "riskId", riskId,
                "probability", 2, "impact", 5, "reason", "Second supplier signed", "nextReviewDate", "2027-03-01"))
                .execute().path("reassessRisk.riskId").hasValue();

        var answer = projectRisks(projectId, riskId).execute();
        answer.path("project.risk").entity(mapType()).satisfies(r -> assertThat(r)
                .containsEntry("probability", 2).containsEntry("impact", 5).containsEntry("exposure", 10));
        List<Map<String, Object>> history = answer.path("project.risk.history").entityList(mapType()).get();
        assertThat(history).extracting(h -> h.get("kind")).containsExactly("IDENTIFIED", "REASSESSED", "REASSESSED");
        assertThat(history.get(1)).containsEntry("actor", "pm").containsEntry("previousProbability", 3)
                .containsEntry("previousImpact", 4).containsEntry("previousExposure", 12)
                .containsEntry("probability", 4).containsEntry("impact", 5).containsEntry("exposure", 20)
                .containsEntry("reason", "Supplier missed the first date").containsEntry("status", "OPEN");
        assertThat(history.get(2)).containsEntry("actor", "program").containsEntry("previousExposure", 20)
                .containsEntry("exposure", 10).containsEntry("reason", "Second supplier signed");
        assertThat(Instant.parse((String) history.get(1).get("at")))
                .isAfter(Instant.parse((String) history.get(0).get("at")));
        answer.path("project.risks.edges[0].node.reviewDate").entity(String.class).isEqualTo("2027-03-01");
    }

    @Test
    void risksMoveThroughMitigationToClosedOrOccurred() {
        String projectId = approvedProject(newPortfolio());
        transition("startProject", projectId, "pm");
        String mitigated = identify(risk(projectId, "Supplier late", 3, 4));
        String occurred = identify(risk(projectId, "Key person leaves", 2, 5));
        String open = identify(risk(projectId, "Regulation changes", 1, 3));
        String changeRequest = submitChangeRequest(projectId);

        as("pm").documentName("startRiskMitigation").variable("input", Map.of("projectId", projectId,
                "riskId", mitigated)).execute().path("startRiskMitigation.riskId").entity(String.class)
                .isEqualTo(mitigated);
        close(projectId, mitigated, "Second supplier live");
        as("pm").documentName("recordRiskOccurred").variable("input", Map.of("projectId", projectId,
                        "riskId", occurred, "impactNote", "Two weeks lost", "changeRequestId", changeRequest))
                .execute().path("recordRiskOccurred.riskId").entity(String.class).isEqualTo(occurred);

        List<Map<String, Object>> all = projectRisks(projectId, mitigated).execute()
                .path("project.risks.edges[*].node").entityList(mapType()).get();
        assertThat(all).extracting(r -> r.get("id")).containsExactly(mitigated, occurred, open);
        assertThat(all.get(0)).containsEntry("status", "CLOSED").containsEntry("closureReason", "Second supplier live");
        assertThat(all.get(1)).containsEntry("status", "OCCURRED").containsEntry("impactNote", "Two weeks lost")
                .containsEntry("changeRequestId", changeRequest);
        assertThat(all.get(2)).containsEntry("status", "OPEN");
        projectRisks(projectId, mitigated).execute().path("project.risk.history[*].kind").entityList(String.class)
                .containsExactly("IDENTIFIED", "MITIGATION_STARTED", "CLOSED");
        projectRisks(projectId, mitigated).variable("status", "OCCURRED").execute()
                .path("project.risks.edges[*].node.id").entityList(String.class).containsExactly(occurred);

        // paging in the order identified
        var firstPage = projectRisks(projectId, mitigated).variable("first", 2).execute();
        firstPage.path("project.risks.edges[*].node.id").entityList(String.class).containsExactly(mitigated, occurred);
        String cursor = firstPage.path("project.risks.pageInfo.endCursor").entity(String.class).get();
        projectRisks(projectId, mitigated).variable("first", 2).variable("after", cursor).execute()
                .path("project.risks.edges[*].node.id").entityList(String.class).containsExactly(open);
    }

    @Test
    void cancellingProjectClosesItsOpenRisks() {
        String portfolioId = newPortfolio();
        String projectId = approvedProject(portfolioId);
        String riskId = identify(risk(projectId, "Supplier late", 3, 4));
        as("pmo").documentName("cancelProject").variable("input", Map.of("projectId", projectId,
                "reason", "No budget")).execute().path("cancelProject.project.status").entity(String.class)
                .isEqualTo("CANCELLED");

        projectRisks(projectId, riskId).execute().path("project.risks.edges[0].node").entity(mapType())
                .satisfies(r -> assertThat(r).containsEntry("status", "CLOSED")
                        .containsEntry("closureReason", "Project cancelled: No budget"));
        assertThat(portfolioRisks(portfolioId, null, null).get("topRisks")).isEqualTo(List.of());
        assertRefused(as("pm").documentName("identifyRisk").variable("input", risk(projectId, "Late", 1, 1)),
                "ILLEGAL_TRANSITION");
        assertRefused(as("pm").documentName("reassessRisk").variable("input", Map.of("projectId", projectId,
                "riskId", riskId, "probability", 1, "impact", 1, "reason", "Gone")), "ILLEGAL_TRANSITION");
    }

    @Test
    void refusesBadInputAndStoresNothing() {
        String projectId = approvedProject(newPortfolio());
        String riskId = identify(risk(projectId, "Supplier late", 3, 4));
        close(projectId, riskId, "Supplier delivered");
        long before = eventCountExceptDenials();

        for (int bad : new int[]{0, 6}) {
            assertRefused(as("pm").documentName("identifyRisk").variable("input",
                    risk(projectId, "Too likely", bad, 3)), "VALIDATION_FAILED");
            assertRefused(as("pm").documentName("identifyRisk").variable("input",
                    risk(projectId, "Too bad", 3, bad)), "VALIDATION_FAILED");
        }
        assertRefused(as("pm").documentName("identifyRisk").variable("input",
                with(risk(projectId, "No owner", 3, 3), "owner", " ")), "VALIDATION_FAILED");
        assertRefused(as("pm").documentName("identifyRisk").variable("input",
                with(risk(projectId, "Bad date", 3, 3), "reviewDate", "2027-02-30")), "VALIDATION_FAILED");
        assertRefused(as("pm").documentName("identifyRisk").variable("input",
                risk(UUID.randomUUID().toString(), "No project", 3, 3)), "NOT_FOUND");
        String open = identify(risk(projectId, "Still open", 2, 2));
        before = eventCountExceptDenials();
        assertRefused(as("pm").documentName("reassessRisk").variable("input", Map.of("projectId", projectId,
                "riskId", open, "probability", 2, "impact", 3, "reason", " ")), "VALIDATION_FAILED");
        assertRefused(as("pm").documentName("reassessRisk").variable("input", Map.of("projectId", projectId,
                "riskId", open, "probability", 0, "impact", 3, "reason", "Why not")), "VALIDATION_FAILED");
        assertRefused(as("pm").documentName("reassessRisk").variable("input", Map.of("projectId", projectId,
                "riskId", UUID.randomUUID().toString(), "probability", 2, "impact", 3, "reason", "Hm")), "NOT_FOUND");
        assertRefused(as("pm").documentName("closeRisk").variable("input", Map.of("projectId", projectId,
                "riskId", riskId, "reason", "Again")), "ILLEGAL_TRANSITION");
        assertRefused(as("pm").documentName("closeRisk").variable("input", Map.of("projectId", projectId,
                "riskId", open, "reason", "")), "VALIDATION_FAILED");
        assertRefused(as("pm").documentName("startRiskMitigation").variable("input", Map.of("projectId", projectId,
                "riskId", riskId)), "ILLEGAL_TRANSITION");
        assertRefused(as("pm").documentName("recordRiskOccurred").variable("input", Map.of("projectId", projectId,
                "riskId", open, "impactNote", "Lost a week", "changeRequestId", UUID.randomUUID().toString())),
                "NOT_FOUND");
        assertRefused(as("pm").documentName("recordRiskOccurred").variable("input", Map.of("projectId", projectId,
                "riskId", open, "impactNote", " ")), "VALIDATION_FAILED");
        assertRefused(as("pm").documentName("recordRiskOccurred").variable("input", Map.of("projectId", projectId,
                "riskId", "not-a-uuid", "impactNote", "Lost")), "VALIDATION_FAILED");
        assertThat(eventCountExceptDenials()).isEqualTo(before);
    }

    @Test
    void rolesOutsideRunProjectsAreRefused() {
        String projectId = approvedProject(newPortfolio());
        String riskId = identify(risk(projectId, "Supplier late", 3, 4));
        long before = eventCountExceptDenials();
        assertRefused(as("member").documentName("identifyRisk").variable("input", risk(projectId, "Mine", 2, 2)),
                "FORBIDDEN");
        assertRefused(as("approver").documentName("closeRisk").variable("input", Map.of("projectId", projectId,
                "riskId", riskId, "reason", "Not mine to close")), "FORBIDDEN");
        assertRefused(as("auditor").documentName("reassessRisk").variable("input", Map.of("projectId", projectId,
                "riskId", riskId, "probability", 1, "impact", 1, "reason", "Looks fine")), "FORBIDDEN");
        assertThat(eventCountExceptDenials()).isEqualTo(before);
        // every reading role sees the register
        projectRisks(projectId, riskId).execute().path("project.risk.status").entity(String.class).isEqualTo("OPEN");
    }

    // --- portfolio queries ---

    @Test
    void heatmapTopRisksAndReviewsCoverTheOpenRisksOfThePortfolio() {
        String portfolioId = newPortfolio();
        String web = approvedProject(portfolioId);
        String erp = newProject(portfolioId, null);
        String a = identify(with(risk(web, "A 4x5", 4, 5), "reviewDate", "2027-01-10"));
        String b = identify(with(risk(erp, "B 5x4", 5, 4), "reviewDate", "2027-03-10"));
        String c = identify(with(risk(web, "C 4x5 later", 4, 5), "reviewDate", "2027-01-10"));
        String d = identify(with(risk(erp, "D 2x2", 2, 2), "reviewDate", "2026-12-01"));
        String e = identify(with(risk(web, "E closed 5x5", 5, 5), "reviewDate", "2026-12-01"));
        close(web, e, "Gone");
        String f = identify(with(risk(erp, "F mitigating 1x3", 1, 3), "reviewDate", "2027-02-01"));
        as("pm").documentName("startRiskMitigation").variable("input", Map.of("projectId", erp, "riskId", f))
                .execute().path("startRiskMitigation.riskId").hasValue();

        Map<String, Object> portfolio = portfolioRisks(portfolioId, null, "2027-02-15");
        assertThat(cells(portfolio)).hasSize(25);
        assertThat(cells(portfolio).get(0)).containsEntry("probability", 5).containsEntry("impact", 1);
        assertThat(cell(portfolio, 4, 5)).containsEntry("count", 2).containsEntry("exposure", 20);
        assertThat(ids(cell(portfolio, 4, 5).get("risks"))).containsExactly(a, c);
        assertThat(cell(portfolio, 5, 4)).containsEntry("count", 1);
        assertThat(cell(portfolio, 5, 5)).containsEntry("count", 0).containsEntry("risks", List.of());
        assertThat(cell(portfolio, 1, 3)).containsEntry("count", 1);
        assertThat(portfolio.get("riskHeatmap")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("openRisks", 5)
                .containsEntry("totalExposure", 20 + 20 + 20 + 4 + 3);
        // exposure, then impact descending, then the earliest identified
        assertThat(topTitles(portfolio)).containsExactly("A 4x5", "C 4x5 later", "B 5x4", "D 2x2", "F mitigating 1x3");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> past = (List<Map<String, Object>>) ((Map<String, Object>) portfolio
                .get("risksPastReview")).get("edges");
        assertThat(ids(past.stream().map(edge -> edge.get("node")).toList())).containsExactly(d, a, c, f);
        assertThat(b).isNotNull();

        as("pm").documentName("portfolioRisks").variable("id", portfolioId).variable("limit", 2).execute()
                .path("portfolio.topRisks[*].id").entityList(String.class).containsExactly(a, c);
        for (int bad : new int[]{0, 101}) {
            assertRefused(as("pm").documentName("portfolioRisks").variable("id", portfolioId).variable("limit", bad),
                    "VALIDATION_FAILED");
        }
    }

    @Test
    void asOfAnEarlierInstantTheHeatmapAndTopRisksAreWhatTheyShowedThen() throws InterruptedException {
        String portfolioId = newPortfolio();
        String web = approvedProject(portfolioId);
        String a = identify(risk(web, "A", 3, 4));
        String b = identify(risk(web, "B", 2, 2));
        Instant beforeAnyChange = instantBetweenDecisions();
        Map<String, Object> thenLive = portfolioRisks(portfolioId, null, "2027-02-15");
        Map<String, Object> thenProject = projectRisks(web, a).execute().path("project").entity(mapType()).get();

        reassess(web, a, 5, 5, "Supplier missed the date");
        Instant afterReassessment = instantBetweenDecisions();
        Map<String, Object> reassessedLive = portfolioRisks(portfolioId, null, "2027-02-15");
        close(web, b, "Gone");
        String c = identify(risk(web, "C", 1, 1));
        as("pm").documentName("recordRiskOccurred").variable("input", Map.of("projectId", web, "riskId", a,
                "impactNote", "Late")).execute().path("recordRiskOccurred.riskId").hasValue();
        Map<String, Object> now = portfolioRisks(portfolioId, null, "2027-02-15");

        assertThat(topTitles(now)).containsExactly("C");
        assertThat(topTitles(reassessedLive)).containsExactly("A", "B");
        assertThat(cell(reassessedLive, 5, 5)).containsEntry("count", 1);
        assertThat(portfolioRisks(portfolioId, beforeAnyChange, "2027-02-15")).isEqualTo(thenLive);
        assertThat(portfolioRisks(portfolioId, afterReassessment, "2027-02-15")).isEqualTo(reassessedLive);
        assertThat(projectRisks(web, a).variable("asOf", beforeAnyChange.toString()).execute().path("project")
                .entity(mapType()).get()).isEqualTo(thenProject);
        assertThat(c).isNotNull();
    }
}
