package dev.portfolioledger.app.project;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The execution mutations of a project over real HTTP on the real database: progress reports,
 * milestones reached and forecasts, only while the project is ACTIVE.
 */
class ProjectExecutionGraphQlTest extends GraphQlIntegrationTest {

    private static final String EARLIER = "2026-11-02";
    private static final String LATER = "2026-11-16";

    /** An approved project with one deliverable and one milestone, started unless told otherwise. */
    private record Plan(String projectId, String deliverableId, String milestoneId) {
    }

    private Plan plannedProject(boolean start) {
        String projectId = newProject(newPortfolio(), null);
        String deliverableId = UUID.randomUUID().toString();
        String milestoneId = UUID.randomUUID().toString();
        as("pm").documentName("addDeliverable").variable("input", Map.of("projectId", projectId,
                "deliverableId", deliverableId, "name", "Build", "plannedCost", Map.of("amount", "48000",
                        "currency", "EUR"), "plannedStart", "2027-01-04", "plannedFinish", "2027-05-28"))
                .execute().path("addDeliverable.correlationId").hasValue();
        as("pm").documentName("scheduleMilestone").variable("input", Map.of("projectId", projectId,
                "milestoneId", milestoneId, "name", "Go live", "dueDate", "2027-06-01",
                "deliverableIds", List.of(deliverableId))).execute().path("scheduleMilestone.project.id").hasValue();
        transition("approveProject", projectId, "pmo");
        if (start) {
            transition("startProject", projectId, "pm");
        }
        return new Plan(projectId, deliverableId, milestoneId);
    }

    private static Map<String, Object> progress(Plan plan, int percent, String reportedOn) {
        Map<String, Object> input = new HashMap<>();
        input.put("projectId", plan.projectId());
        input.put("deliverableId", plan.deliverableId());
        input.put("percentComplete", percent);
        if (reportedOn != null) {
            input.put("reportedOn", reportedOn);
        }
        return input;
    }

    private void report(Plan plan, int percent, String reportedOn) {
        as("pm").documentName("reportDeliverableProgress").variable("input", progress(plan, percent, reportedOn))
                .execute().path("reportDeliverableProgress.correlationId").hasValue();
    }

    private static Map<String, Object> completion(Plan plan, String actualDate) {
        return Map.of("projectId", plan.projectId(), "milestoneId", plan.milestoneId(), "actualDate", actualDate);
    }

    private static Map<String, Object> forecast(Plan plan, String reason) {
        return Map.of("projectId", plan.projectId(), "deliverableId", plan.deliverableId(),
                "expectedFinish", "2027-06-11", "reason", reason);
    }

    private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(input);
        changed.put(key, value);
        return changed;
    }

    private String lastEvent(String projectId) {
        String type = jdbc.queryForObject("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ?"
                + " ORDER BY sequencenumber DESC LIMIT 1", String.class, projectId);
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private String lastPayload(String projectId, String field) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb ->> ? FROM domainevententry"
                + " WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1", String.class, field, projectId);
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    private static String tomorrow() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    }

    // --- reportDeliverableProgress ---

    @Test
    void reportDeliverableProgressStoresTheReportAndAnswersWithTheProject() {
        Plan plan = plannedProject(true);
        as("pm").documentName("reportDeliverableProgress").variable("input", progress(plan, 40, EARLIER)).execute()
                .path("reportDeliverableProgress.project.id").entity(String.class).isEqualTo(plan.projectId())
                .path("reportDeliverableProgress.project.status").entity(String.class).isEqualTo("ACTIVE");
        assertThat(lastEvent(plan.projectId())).isEqualTo("DeliverableProgressReportedEvent");
        assertThat(lastPayload(plan.projectId(), "percentComplete")).isEqualTo("40");
        assertThat(lastPayload(plan.projectId(), "previousPercent")).isEqualTo("0");
        assertThat(lastPayload(plan.projectId(), "reportedOn")).isEqualTo(EARLIER);
    }

    @Test
    void theStatusDateIsTodayWhenOmitted() {
        Plan plan = plannedProject(true);
        report(plan, 10, null);
        assertThat(lastPayload(plan.projectId(), "reportedOn")).isEqualTo(today());
    }

    @Test
    void aLaterReportCarriesThePreviousPercent() {
        Plan plan = plannedProject(true);
        report(plan, 40, EARLIER);
        report(plan, 65, LATER);
        assertThat(lastPayload(plan.projectId(), "previousPercent")).isEqualTo("40");
    }

    @Test
    void percentIsBetweenZeroAndHundred() {
        Plan plan = plannedProject(true);
        for (int percent : new int[] {-1, 101}) {
            assertRefused(as("pm").documentName("reportDeliverableProgress")
                    .variable("input", progress(plan, percent, EARLIER)), "VALIDATION_FAILED");
        }
        assertThat(lastEvent(plan.projectId())).isEqualTo("ProjectStartedEvent");
    }

    @Test
    void cannotReportProgressOfAnUnknownDeliverable() {
        Plan plan = plannedProject(true);
        assertRefused(as("pm").documentName("reportDeliverableProgress").variable("input",
                with(progress(plan, 10, EARLIER), "deliverableId", UUID.randomUUID().toString())), "NOT_FOUND");
    }

    @Test
    void cannotDateAReportBeforeThePreviousOne() {
        Plan plan = plannedProject(true);
        report(plan, 40, LATER);
        assertRefused(as("pm").documentName("reportDeliverableProgress")
                .variable("input", progress(plan, 50, EARLIER)), "CONFLICT");
    }

    @Test
    void cannotReportProgressAsOfAFutureDate() {
        Plan plan = plannedProject(true);
        assertRefused(as("pm").documentName("reportDeliverableProgress")
                .variable("input", progress(plan, 10, tomorrow())), "VALIDATION_FAILED");
    }

    @Test
    void goingBackwardsNeedsAReason() {
        Plan plan = plannedProject(true);
        report(plan, 40, EARLIER);
        as("pm").documentName("reportDeliverableProgress").variable("input", progress(plan, 30, LATER)).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "VALIDATION_FAILED");
                    assertThat(errors.get(0).getMessage()).contains("reason is required", "less than the 40%");
                });
        as("pm").documentName("reportDeliverableProgress").variable("input",
                with(progress(plan, 30, LATER), "reason", "Review found rework")).execute()
                .path("reportDeliverableProgress.correlationId").hasValue();
        assertThat(lastPayload(plan.projectId(), "reason")).isEqualTo("Review found rework");
    }

    @Test
    void cannotReportProgressOfAProjectNotStarted() {
        Plan plan = plannedProject(false);
        assertRefused(as("pm").documentName("reportDeliverableProgress")
                .variable("input", progress(plan, 10, EARLIER)), "ILLEGAL_TRANSITION");
    }

    @Test
    void cannotReportProgressWithoutTheRole() {
        Plan plan = plannedProject(true);
        for (String user : List.of("portfolio", "program", "member")) {
            assertRefused(as(user).documentName("reportDeliverableProgress")
                    .variable("input", progress(plan, 10, EARLIER)), "FORBIDDEN");
        }
    }

    // --- completeMilestone ---

    @Test
    void completeMilestoneRecordsTheActualAndTheDueDate() {
        Plan plan = plannedProject(true);
        as("pmo").documentName("completeMilestone").variable("input", completion(plan, EARLIER)).execute()
                .path("completeMilestone.project.id").entity(String.class).isEqualTo(plan.projectId());
        assertThat(lastEvent(plan.projectId())).isEqualTo("MilestoneCompletedEvent");
        assertThat(lastPayload(plan.projectId(), "actualDate")).isEqualTo(EARLIER);
        assertThat(lastPayload(plan.projectId(), "dueDate")).isEqualTo("2027-06-01");
    }

    @Test
    void cannotCompleteAMilestoneTwice() {
        Plan plan = plannedProject(true);
        as("pm").documentName("completeMilestone").variable("input", completion(plan, EARLIER)).execute()
                .path("completeMilestone.correlationId").hasValue();
        assertRefused(as("pm").documentName("completeMilestone").variable("input", completion(plan, LATER)),
                "CONFLICT");
    }

    @Test
    void cannotCompleteAnUnknownMilestone() {
        Plan plan = plannedProject(true);
        assertRefused(as("pm").documentName("completeMilestone").variable("input",
                with(completion(plan, EARLIER), "milestoneId", UUID.randomUUID().toString())), "NOT_FOUND");
    }

    @Test
    void cannotCompleteAMilestoneInTheFuture() {
        Plan plan = plannedProject(true);
        assertRefused(as("pm").documentName("completeMilestone").variable("input", completion(plan, tomorrow())),
                "VALIDATION_FAILED");
    }

    @Test
    void cannotCompleteAMilestoneWithoutTheRole() {
        Plan plan = plannedProject(true);
        assertRefused(as("portfolio").documentName("completeMilestone").variable("input", completion(plan, EARLIER)),
                "FORBIDDEN");
    }

    // --- forecastDeliverableFinish ---

    @Test
    void forecastRecordsThePlannedAndTheExpectedFinish() {
        Plan plan = plannedProject(true);
        as("pm").documentName("forecastDeliverableFinish").variable("input", forecast(plan, "Supplier is late"))
                .execute().path("forecastDeliverableFinish.project.id").entity(String.class).isEqualTo(plan.projectId());
        assertThat(lastEvent(plan.projectId())).isEqualTo("DeliverableFinishForecastEvent");
        assertThat(lastPayload(plan.projectId(), "plannedFinish")).isEqualTo("2027-05-28");
        assertThat(lastPayload(plan.projectId(), "expectedFinish")).isEqualTo("2027-06-11");
    }

    @Test
    void cannotForecastWithoutAReason() {
        Plan plan = plannedProject(true);
        assertRefused(as("pm").documentName("forecastDeliverableFinish").variable("input", forecast(plan, "")),
                "VALIDATION_FAILED");
    }

    @Test
    void cannotForecastADeliverableReportedComplete() {
        Plan plan = plannedProject(true);
        report(plan, 100, EARLIER);
        assertRefused(as("pm").documentName("forecastDeliverableFinish").variable("input", forecast(plan, "Late")),
                "CONFLICT");
    }

    @Test
    void cannotForecastAnUnknownDeliverable() {
        Plan plan = plannedProject(true);
        assertRefused(as("pm").documentName("forecastDeliverableFinish").variable("input",
                with(forecast(plan, "Late"), "deliverableId", UUID.randomUUID().toString())), "NOT_FOUND");
    }

    @Test
    void cannotForecastWithoutTheRole() {
        Plan plan = plannedProject(true);
        assertRefused(as("member").documentName("forecastDeliverableFinish").variable("input", forecast(plan, "Late")),
                "FORBIDDEN");
    }
}
