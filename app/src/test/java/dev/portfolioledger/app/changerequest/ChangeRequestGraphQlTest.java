package dev.portfolioledger.app.changerequest;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeRequestGraphQlTest extends GraphQlIntegrationTest {

    @Test
    void approvedChangeRequestRevisesTheBaselineToVersionTwo() {
        Baselined project = baselinedProject();
        String training = UUID.randomUUID().toString();
        String request = submit(project.id(), "pm", List.of(
                modify(project.design(), "Design", "15000"),
                Map.of("kind", "REMOVE_DELIVERABLE", "deliverableId", project.build()),
                Map.of("kind", "CHANGE_BUDGET", "category", "LABOUR", "newAmount", money("60000")),
                Map.of("kind", "ADD_DELIVERABLE", "deliverable", deliverable(training, "Training", "2000"))));
        assess(project.id(), request);

        var approved = as("approver").documentName("approveChangeRequest")
                .variable("input", Map.of("projectId", project.id(), "changeRequestId", request,
                                          "reason", "CCB meeting 12"))
                .execute();
        approved.path("approveChangeRequest.project.baselineVersion").entity(Integer.class).isEqualTo(2);
        approved.path("approveChangeRequest.project.deliverables[*].id").entityList(String.class)
                .containsExactly(project.design(), training);
        assertThat(approved.path("approveChangeRequest.project.deliverables[0].plannedCost.amount")
                           .entity(BigDecimal.class).get()).isEqualByComparingTo("15000");
        assertThat(approved.path("approveChangeRequest.project.budget.total.amount").entity(BigDecimal.class).get())
                .isEqualByComparingTo("60000");
    }

    @Test
    void requestThatNoLongerFitsTheBaselineIsRefusedWithConflict() {
        Baselined project = baselinedProject();
        String first = submit(project.id(), "pm",
                              List.of(Map.of("kind", "REMOVE_DELIVERABLE", "deliverableId", project.build())));
        String second = submit(project.id(), "pm", List.of(modify(project.build(), "Build", "1")));
        assess(project.id(), first);
        assess(project.id(), second);
        approve(project.id(), first).path("approveChangeRequest.project.baselineVersion").entity(Integer.class)
                .isEqualTo(2);
        long events = eventCount();
        assertRefused(as("approver").documentName("approveChangeRequest")
                              .variable("input", Map.of("projectId", project.id(), "changeRequestId", second)),
                      "CONFLICT");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void onlyChangeApproversApprove() {
        Baselined project = baselinedProject();
        String request = submit(project.id(), "pm", List.of(Map.of("kind", "CHANGE_BUDGET", "category", "TRAVEL",
                                                                   "newAmount", money("100"))));
        assess(project.id(), request);
        assertRefused(as("pmo").documentName("approveChangeRequest")
                              .variable("input", Map.of("projectId", project.id(), "changeRequestId", request)),
                      "FORBIDDEN");
    }

    @Test
    void nobodyApprovesTheirOwnChangeRequest() {
        Baselined project = baselinedProject();
        String request = submit(project.id(), "lead", List.of(Map.of("kind", "CHANGE_BUDGET", "category", "TRAVEL",
                                                                     "newAmount", money("100"))));
        assess(project.id(), request);
        long events = eventCount();
        assertRefused(as("lead").documentName("approveChangeRequest")
                              .variable("input", Map.of("projectId", project.id(), "changeRequestId", request)),
                      "SELF_APPROVAL_FORBIDDEN");
        assertThat(eventCount()).isEqualTo(events);
        approve(project.id(), request).path("approveChangeRequest.project.baselineVersion").entity(Integer.class)
                .isEqualTo(2);
    }

    @Test
    void cannotApproveUnassessedRequest() {
        Baselined project = baselinedProject();
        String request = submit(project.id(), "pm", List.of(Map.of("kind", "CHANGE_BUDGET", "category", "TRAVEL",
                                                                   "newAmount", money("100"))));
        assertRefused(as("approver").documentName("approveChangeRequest")
                              .variable("input", Map.of("projectId", project.id(), "changeRequestId", request)),
                      "ILLEGAL_TRANSITION");
    }

    @Test
    void rejectionNeedsAReasonAndLeavesTheBaseline() {
        Baselined project = baselinedProject();
        String request = submit(project.id(), "pm", List.of(Map.of("kind", "CHANGE_BUDGET", "category", "TRAVEL",
                                                                   "newAmount", money("100"))));
        assess(project.id(), request);
        assertRefused(as("approver").documentName("rejectChangeRequest")
                              .variable("input", Map.of("projectId", project.id(), "changeRequestId", request)),
                      "VALIDATION_FAILED");
        as("approver").documentName("rejectChangeRequest")
                .variable("input", Map.of("projectId", project.id(), "changeRequestId", request,
                                          "reason", "Not worth the cost"))
                .execute().path("rejectChangeRequest.project.baselineVersion").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void onlyTheSubmitterWithdraws() {
        Baselined project = baselinedProject();
        String request = submit(project.id(), "pm", List.of(Map.of("kind", "CHANGE_BUDGET", "category", "TRAVEL",
                                                                   "newAmount", money("100"))));
        assertRefused(as("program").documentName("withdrawChangeRequest")
                              .variable("input", Map.of("projectId", project.id(), "changeRequestId", request)),
                      "FORBIDDEN");
        as("pm").documentName("withdrawChangeRequest")
                .variable("input", Map.of("projectId", project.id(), "changeRequestId", request))
                .execute().path("withdrawChangeRequest.project.baselineVersion").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void cannotSubmitBeforeApproval() {
        String projectId = newProject(newPortfolio(), null);
        assertRefused(as("pm").documentName("submitChangeRequest")
                              .variable("input", submission(projectId, List.of(Map.of(
                                      "kind", "CHANGE_BUDGET", "category", "TRAVEL", "newAmount", money("1"))))),
                      "ILLEGAL_TRANSITION");
    }

    private record Baselined(String id, String design, String build) {
    }

    private Baselined baselinedProject() {
        String projectId = newProject(newPortfolio(), null);
        String design = UUID.randomUUID().toString();
        String build = UUID.randomUUID().toString();
        for (Map<String, Object> deliverable : List.of(deliverable(design, "Design", "12000"),
                                                       deliverable(build, "Build", "48000"))) {
            Map<String, Object> input = new HashMap<>(deliverable);
            input.put("projectId", projectId);
            as("pm").documentName("addDeliverable").variable("input", input).execute()
                    .path("addDeliverable.project.id").hasValue();
        }
        as("pm").documentName("planBudgetLine")
                .variable("input", Map.of("projectId", projectId, "category", "LABOUR", "amount", money("50000")))
                .execute().path("planBudgetLine.project.id").hasValue();
        transition("approveProject", projectId, "pmo");
        return new Baselined(projectId, design, build);
    }

    private String submit(String projectId, String user, List<Map<String, Object>> changes) {
        Map<String, Object> input = submission(projectId, changes);
        as(user).documentName("submitChangeRequest").variable("input", input).execute()
                .path("submitChangeRequest.project.id").entity(String.class).isEqualTo(projectId);
        return (String) input.get("changeRequestId");
    }

    private static Map<String, Object> submission(String projectId, List<Map<String, Object>> changes) {
        Map<String, Object> input = new HashMap<>();
        input.put("projectId", projectId);
        input.put("changeRequestId", UUID.randomUUID().toString());
        input.put("title", "Rescope after discovery");
        input.put("justification", "Discovery showed the build can be bought instead");
        input.put("changes", changes);
        return input;
    }

    private void assess(String projectId, String request) {
        as("pm").documentName("assessChangeRequest")
                .variable("input", Map.of("projectId", projectId, "changeRequestId", request,
                                          "costImpact", money("3000"), "scheduleImpactDays", 10,
                                          "riskNotes", "Vendor lock-in"))
                .execute().path("assessChangeRequest.project.id").hasValue();
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response approve(String projectId, String request) {
        return as("approver").documentName("approveChangeRequest")
                .variable("input", Map.of("projectId", projectId, "changeRequestId", request)).execute();
    }

    private static Map<String, Object> modify(String id, String name, String cost) {
        return Map.of("kind", "MODIFY_DELIVERABLE", "deliverable", deliverable(id, name, cost));
    }

    private static Map<String, Object> deliverable(String id, String name, String cost) {
        Map<String, Object> deliverable = new HashMap<>();
        deliverable.put("deliverableId", id);
        deliverable.put("name", name);
        deliverable.put("plannedCost", money(cost));
        deliverable.put("plannedStart", "2027-01-04");
        deliverable.put("plannedFinish", "2027-03-31");
        return deliverable;
    }

    private static Map<String, Object> money(String amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }
}
