package dev.portfolioledger.app.changerequest;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeRequestGraphQlTest extends ChangeRequestScenarios {

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
    void cancellingTheProjectClosesItsOpenRequestsAndSaysWhy() {
        Baselined project = baselinedProject();
        String open = submit(project.id(), "pm", List.of(Map.of("kind", "CHANGE_BUDGET", "category", "TRAVEL",
                                                                "newAmount", money("100"))));
        String assessed = submit(project.id(), "pm", List.of(modify(project.design(), "Design", "15000")));
        assess(project.id(), assessed);
        String withdrawn = submit(project.id(), "pm", List.of(modify(project.build(), "Build", "1")));
        as("pm").document("""
                mutation($input: WithdrawChangeRequestInput!) { withdrawChangeRequest(input: $input) {
                  correlationId } }""")
                .variable("input", Map.of("projectId", project.id(), "changeRequestId", withdrawn)).execute()
                .errors().verify();

        as("pmo").documentName("cancelProject")
                .variable("input", Map.of("projectId", project.id(), "reason", "Funding withdrawn")).execute()
                .path("cancelProject.project.status").entity(String.class).isEqualTo("CANCELLED");

        var requests = as("auditor").document("""
                query($id: ID!) { project(id: $id) { changeRequests(first: 10) { edges { node {
                  id status decidedBy closureReason rejectionReason } } } } }""")
                .variable("id", project.id()).execute()
                .path("project.changeRequests.edges[*].node").entityList(Map.class).get();
        Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
        requests.forEach(r -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> request = (Map<String, Object>) r;
            byId.put((String) request.get("id"), request);
        });
        for (String closed : List.of(open, assessed)) {
            assertThat(byId.get(closed)).containsEntry("status", "CLOSED").containsEntry("decidedBy", "pmo")
                    .containsEntry("closureReason", "Project cancelled: Funding withdrawn");
        }
        assertThat(byId.get(withdrawn)).containsEntry("status", "WITHDRAWN").containsEntry("closureReason", null);

        // one decision: the closures carry the cancellation's correlation in the audit trail
        List<Map> trail = awaitTrail(project.id(), 2);
        assertThat(trail.get(0).get("eventType")).isEqualTo("ChangeRequestClosedEvent");
        String correlation = (String) trail.get(0).get("correlationId");
        assertThat(as("auditor").document("""
                query($filter: AuditTrailFilter) { auditTrail(filter: $filter, first: 10) { edges { node {
                  eventType } } } }""").variable("filter", Map.of("correlationId", correlation)).execute()
                .path("auditTrail.edges[*].node.eventType").entityList(String.class).get())
                .containsExactly("ChangeRequestClosedEvent", "ChangeRequestClosedEvent", "ProjectCancelledEvent");
        assertRefused(as("pm").document("""
                mutation($input: WithdrawChangeRequestInput!) { withdrawChangeRequest(input: $input) {
                  correlationId } }""")
                .variable("input", Map.of("projectId", project.id(), "changeRequestId", open)), "ILLEGAL_TRANSITION");
    }

    /** The project's newest audit entries, once the trail has caught up with the cancellation's closures. */
    @SuppressWarnings("rawtypes")
    private List<Map> awaitTrail(String projectId, int closures) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            List<Map> trail = as("auditor").document("""
                    query($filter: AuditTrailFilter) { auditTrail(filter: $filter, first: 10) { edges { node {
                      eventType correlationId } } } }""").variable("filter", Map.of("aggregateId", projectId)).execute()
                    .path("auditTrail.edges[*].node").entityList(Map.class).get();
            long found = trail.stream().filter(e -> "ChangeRequestClosedEvent".equals(e.get("eventType"))).count();
            if (found >= closures || System.nanoTime() > deadline) {
                return trail;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
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
    void onlyTheChangeBoardAndThePmoApprove() {
        Baselined project = baselinedProject();
        String request = submit(project.id(), "pm", List.of(Map.of("kind", "CHANGE_BUDGET", "category", "TRAVEL",
                                                                   "newAmount", money("100"))));
        assess(project.id(), request);
        assertRefused(as("portfolio").documentName("approveChangeRequest")
                              .variable("input", Map.of("projectId", project.id(), "changeRequestId", request)),
                      "FORBIDDEN");
        as("pmo").documentName("approveChangeRequest")
                .variable("input", Map.of("projectId", project.id(), "changeRequestId", request))
                .execute().path("approveChangeRequest.project.baselineVersion").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void nobodyAssessesTheirOwnChangeRequest() {
        Baselined project = baselinedProject();
        String request = submit(project.id(), "pm", List.of(Map.of("kind", "CHANGE_BUDGET", "category", "TRAVEL",
                                                                   "newAmount", money("100"))));
        long events = eventCountExceptDenials();
        assertRefused(as("pm").documentName("assessChangeRequest")
                              .variable("input", Map.of("projectId", project.id(), "changeRequestId", request,
                                                        "costImpact", money("10"), "scheduleImpactDays", 1)),
                      "SELF_ASSESSMENT_FORBIDDEN");
        assertThat(eventCountExceptDenials()).isEqualTo(events);
        assess(project.id(), request);
    }

    @Test
    void nobodyApprovesTheirOwnChangeRequest() {
        Baselined project = baselinedProject();
        String request = submit(project.id(), "lead", List.of(Map.of("kind", "CHANGE_BUDGET", "category", "TRAVEL",
                                                                     "newAmount", money("100"))));
        assess(project.id(), request);
        long events = eventCountExceptDenials();
        assertRefused(as("lead").documentName("approveChangeRequest")
                              .variable("input", Map.of("projectId", project.id(), "changeRequestId", request)),
                      "SELF_APPROVAL_FORBIDDEN");
        assertThat(eventCountExceptDenials()).isEqualTo(events);
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
}
