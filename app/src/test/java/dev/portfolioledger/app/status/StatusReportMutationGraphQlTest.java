package dev.portfolioledger.app.status;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code publishStatusReport} over real HTTP on the real database: what is stored, every refusal,
 * and the roles.
 */
class StatusReportMutationGraphQlTest extends GraphQlIntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private Map<String, Object> report(String projectId) {
        Map<String, Object> input = new HashMap<>();
        input.put("statusReportId", UUID.randomUUID().toString());
        input.put("projectId", projectId);
        input.put("periodStart", TODAY.minusDays(13).toString());
        input.put("periodEnd", TODAY.toString());
        input.put("overall", "AMBER");
        input.put("scope", "GREEN");
        input.put("schedule", "AMBER");
        input.put("cost", "RED");
        input.put("summary", "Design signed off; the supplier is two weeks late.");
        input.put("accomplishments", List.of("Design review passed"));
        input.put("nextSteps", List.of("Start the build", "Agree a new delivery date"));
        input.put("decisionsNeeded", List.of("Approve the extra budget"));
        return input;
    }

    private String activeProject() {
        String projectId = newProject(newPortfolio(), null);
        transition("approveProject", projectId, "pmo");
        transition("startProject", projectId, "pm");
        return projectId;
    }

    private String publish(Map<String, Object> input, String user) {
        return as(user).documentName("publishStatusReport").variable("input", input).execute()
                .path("publishStatusReport.statusReportId").entity(String.class).get();
    }

    private void assertPublishRefused(Map<String, Object> input, String code) {
        assertRefused(as("pm").documentName("publishStatusReport").variable("input", input), code);
    }

    private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(input);
        changed.put(key, value);
        return changed;
    }

    private String payloadOf(String reportId) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                + " WHERE aggregateidentifier = ?", String.class, reportId);
    }

    private String metadataOf(String reportId, String key) {
        return jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8')::jsonb ->> ? FROM domainevententry"
                + " WHERE aggregateidentifier = ?", String.class, key, reportId);
    }

    @Test
    void publishesTheReportAsTheManagerRatedIt() {
        String projectId = activeProject();
        Map<String, Object> input = report(projectId);
        String reportId = publish(input, "pm");

        assertThat(reportId).isEqualTo(input.get("statusReportId"));
        assertThat(jdbc.queryForObject("SELECT type || ' ' || payloadtype FROM domainevententry"
                + " WHERE aggregateidentifier = ?", String.class, reportId))
                .isEqualTo("StatusReport dev.portfolioledger.api.status.StatusReportPublishedEvent");
        assertThat(payloadOf(reportId)).contains("\"projectId\":\"" + projectId + "\"", "\"overall\":\"AMBER\"",
                "\"cost\":\"RED\"", "\"periodEnd\":\"" + TODAY + "\"", "Approve the extra budget",
                "\"supersedes\":null");
        assertThat(metadataOf(reportId, "actor")).isEqualTo("pm");
    }

    @Test
    void theServerChoosesTheIdWhenAbsent() {
        Map<String, Object> input = report(activeProject());
        input.remove("statusReportId");
        String reportId = publish(input, "pmo");
        assertThat(UUID.fromString(reportId)).isNotNull();
        assertThat(payloadOf(reportId)).contains("\"statusReportId\":\"" + reportId + "\"");
    }

    @Test
    void aCorrectionSupersedesTheReportOnceAndCarriesItsReason() {
        String projectId = activeProject();
        String first = publish(report(projectId), "pm");
        Map<String, Object> correction = with(with(report(projectId), "supersedes", first), "reason",
                "The cost rating was wrong: the invoices arrived late");
        String second = publish(correction, "pm");

        assertThat(payloadOf(second)).contains("\"supersedes\":\"" + first + "\"");
        assertThat(metadataOf(second, "reason")).isEqualTo("The cost rating was wrong: the invoices arrived late");
        assertThat(payloadOf(first)).contains("\"supersedes\":null");
        // superseded already: correct the correction instead
        assertPublishRefused(with(with(report(projectId), "supersedes", first), "reason", "Again"), "CONFLICT");
        publish(with(with(report(projectId), "supersedes", second), "reason", "And again"), "pm");
    }

    @Test
    void aCorrectionNeedsAReasonAndAReportOfTheSameProject() {
        String projectId = activeProject();
        String first = publish(report(projectId), "pm");
        assertPublishRefused(with(report(projectId), "supersedes", first), "VALIDATION_FAILED");
        assertPublishRefused(with(with(report(activeProject()), "supersedes", first), "reason", "Wrong project"),
                "VALIDATION_FAILED");
        assertPublishRefused(with(with(report(projectId), "supersedes", UUID.randomUUID().toString()), "reason",
                "Unknown"), "NOT_FOUND");
    }

    @Test
    void refusesAPeriodEndingBeforeItStartsOrAfterToday() {
        String projectId = activeProject();
        assertPublishRefused(with(report(projectId), "periodEnd", TODAY.minusDays(14).toString()), "VALIDATION_FAILED");
        assertPublishRefused(with(report(projectId), "periodEnd", TODAY.plusDays(1).toString()), "VALIDATION_FAILED");
        assertPublishRefused(with(report(projectId), "periodStart", "2026-02-30"), "VALIDATION_FAILED");
    }

    @Test
    void refusesBadText() {
        String projectId = activeProject();
        assertPublishRefused(with(report(projectId), "summary", " "), "VALIDATION_FAILED");
        assertPublishRefused(with(report(projectId), "summary", "x".repeat(4001)), "VALIDATION_FAILED");
        assertPublishRefused(with(report(projectId), "nextSteps", Collections.nCopies(51, "step")), "VALIDATION_FAILED");
        assertPublishRefused(with(report(projectId), "accomplishments", List.of("")), "VALIDATION_FAILED");
        assertPublishRefused(with(report(projectId), "overall", "PURPLE"), "VALIDATION_FAILED");
    }

    @Test
    void refusesUnknownProposedAndCancelledProjectsAndATakenId() {
        assertPublishRefused(report(UUID.randomUUID().toString()), "NOT_FOUND");
        String proposed = newProject(newPortfolio(), null);
        assertPublishRefused(report(proposed), "CONFLICT");
        String cancelled = activeProject();
        as("pmo").documentName("cancelProject")
                .variable("input", Map.of("projectId", cancelled, "reason", "No longer needed")).execute()
                .path("cancelProject.project.status").entity(String.class).isEqualTo("CANCELLED");
        assertPublishRefused(report(cancelled), "CONFLICT");
        Map<String, Object> input = report(activeProject());
        publish(input, "pm");
        assertPublishRefused(input, "ALREADY_EXISTS");
    }

    @Test
    void onlyThoseWhoRunProjectsPublish() {
        String projectId = activeProject();
        for (String user : List.of("approver", "resources", "member", "auditor", "ops")) {
            assertRefused(as(user).documentName("publishStatusReport").variable("input", report(projectId)),
                    "FORBIDDEN");
        }
        for (String user : List.of("pmo", "portfolio", "program", "pm")) {
            publish(report(projectId), user);
        }
    }
}
