package dev.portfolioledger.app.changerequest;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A baselined project and the steps of a change request, shared by the change-request tests. */
abstract class ChangeRequestScenarios extends GraphQlIntegrationTest {

    /** A project approved with deliverables Design (12,000 EUR) and Build (48,000 EUR) and LABOUR 50,000. */
    record Baselined(String id, String design, String build) {
    }

    Baselined baselinedProject() {
        return baselinedProject(newPortfolio(), null);
    }

    /** An approved project with two deliverables and a budget, in the portfolio (and program, if not null). */
    Baselined baselinedProject(String portfolioId, String programId) {
        String projectId = newProject(portfolioId, programId);
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

    /** Submits as the user; returns the request's id. */
    String submit(String projectId, String user, List<Map<String, Object>> changes) {
        Map<String, Object> input = submission(projectId, changes);
        as(user).documentName("submitChangeRequest").variable("input", input).execute()
                .path("submitChangeRequest.project.id").entity(String.class).isEqualTo(projectId);
        return (String) input.get("changeRequestId");
    }

    static Map<String, Object> submission(String projectId, List<Map<String, Object>> changes) {
        Map<String, Object> input = new HashMap<>();
        input.put("projectId", projectId);
        input.put("changeRequestId", UUID.randomUUID().toString());
        input.put("title", "Rescope after discovery");
        input.put("justification", "Discovery showed the build can be bought instead");
        input.put("changes", changes);
        return input;
    }

    /** Assesses as the program manager: never the submitter of the scenarios' requests. */
    void assess(String projectId, String request) {
        as("program").documentName("assessChangeRequest")
                .variable("input", Map.of("projectId", projectId, "changeRequestId", request,
                                          "costImpact", money("3000"), "scheduleImpactDays", 10,
                                          "riskNotes", "Vendor lock-in"))
                .execute().path("assessChangeRequest.project.id").hasValue();
    }

    GraphQlTester.Response approve(String projectId, String request) {
        return as("approver").documentName("approveChangeRequest")
                .variable("input", Map.of("projectId", projectId, "changeRequestId", request)).execute();
    }

    static Map<String, Object> modify(String id, String name, String cost) {
        return Map.of("kind", "MODIFY_DELIVERABLE", "deliverable", deliverable(id, name, cost));
    }

    static Map<String, Object> deliverable(String id, String name, String cost) {
        Map<String, Object> deliverable = new HashMap<>();
        deliverable.put("deliverableId", id);
        deliverable.put("name", name);
        deliverable.put("plannedCost", money(cost));
        deliverable.put("plannedStart", "2027-01-04");
        deliverable.put("plannedFinish", "2027-03-31");
        return deliverable;
    }

    static Map<String, Object> money(String amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }
}
