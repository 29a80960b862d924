package dev.portfolioledger.app.plan;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.RawGraphQl;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectPlanGraphQlTest extends GraphQlIntegrationTest {

    @Test
    void planningBuildsThePlanAndApprovalFreezesBaselineOne() {
        String projectId = newProject(newPortfolio(), null);
        String design = addDeliverable(projectId, "Design", "12000.50", "2027-01-04", "2027-02-26");
        String build = addDeliverable(projectId, "Build", "48000", "2027-03-01", "2027-05-28");
        scheduleMilestone(projectId, "Design signed off", "2027-02-26", List.of(design));
        planBudget(projectId, "LABOUR", "50000");
        planBudget(projectId, "CONTINGENCY", "5000.00");
        as("pm").documentName("defineProjectObjectives")
                .variable("input", Map.of("projectId", projectId, "objectives", List.of("Cut order time by half")))
                .execute().path("defineProjectObjectives.project.objectives").entityList(String.class)
                .containsExactly("Cut order time by half");

        var plan = as("auditor").documentName("projectPlan").variable("id", projectId).execute();
        plan.path("project.baselineVersion").valueIsNull();
        plan.path("project.deliverables[*].id").entityList(String.class).containsExactly(design, build);
        plan.path("project.deliverables[0].plannedCost.currency").entity(String.class).isEqualTo("EUR");
        assertThat(plan.path("project.deliverables[0].plannedCost.amount").entity(BigDecimal.class).get())
                .isEqualByComparingTo("12000.50");
        plan.path("project.milestones[0].deliverables[*].id").entityList(String.class).containsExactly(design);
        assertThat(plan.path("project.budget.total.amount").entity(BigDecimal.class).get())
                .isEqualByComparingTo("55000");

        transition("approveProject", projectId, "pmo");
        as("auditor").documentName("projectPlan").variable("id", projectId).execute()
                .path("project.baselineVersion").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void cannotEditThePlanAfterApproval() {
        String projectId = newProject(newPortfolio(), null);
        addDeliverable(projectId, "Design", "1000", "2027-01-04", "2027-02-26");
        transition("approveProject", projectId, "pmo");
        long events = eventCount();
        assertRefused(as("pm").documentName("addDeliverable")
                              .variable("input", deliverableInput(projectId, "Late", "10", "2027-01-04", "2027-01-05")),
                      "BASELINE_LOCKED");
        assertRefused(as("pm").documentName("planBudgetLine")
                              .variable("input", budgetInput(projectId, "LABOUR", "1", "EUR")),
                      "BASELINE_LOCKED");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void moneyMustBeInThePortfoliosCurrency() {
        String projectId = newProject(newPortfolio(), null);
        assertRefused(as("pm").documentName("planBudgetLine")
                              .variable("input", budgetInput(projectId, "LABOUR", "100", "USD")),
                      "VALIDATION_FAILED");
        Map<String, Object> input = deliverableInput(projectId, "Design", "10", "2027-01-04", "2027-01-05");
        input.put("plannedCost", Map.of("amount", "10", "currency", "GBP"));
        assertRefused(as("pm").documentName("addDeliverable").variable("input", input), "VALIDATION_FAILED");
    }

    @Test
    void refusesNegativeCostsAndBackwardDates() {
        String projectId = newProject(newPortfolio(), null);
        assertRefused(as("pm").documentName("addDeliverable")
                              .variable("input", deliverableInput(projectId, "Neg", "-1", "2027-01-04", "2027-01-05")),
                      "VALIDATION_FAILED");
        assertRefused(as("pm").documentName("addDeliverable")
                              .variable("input", deliverableInput(projectId, "Back", "1", "2027-02-04", "2027-01-05")),
                      "VALIDATION_FAILED");
    }

    @Test
    void milestoneMustFallInsideTheProjectWindow() {
        String projectId = newProject(newPortfolio(), null);
        assertRefused(as("pm").documentName("scheduleMilestone")
                              .variable("input", Map.of("projectId", projectId, "name", "Too late",
                                                        "dueDate", "2030-01-01")),
                      "VALIDATION_FAILED");
    }

    @Test
    void removingADeliverableUnlinksItsMilestones() {
        String projectId = newProject(newPortfolio(), null);
        String design = addDeliverable(projectId, "Design", "1000", "2027-01-04", "2027-02-26");
        scheduleMilestone(projectId, "Design done", "2027-02-26", List.of(design));
        var removed = as("pm").documentName("removeDeliverable")
                .variable("input", Map.of("projectId", projectId, "deliverableId", design)).execute();
        removed.path("removeDeliverable.project.deliverables").entityList(Object.class).hasSize(0);
        removed.path("removeDeliverable.project.milestones[0].deliverables").entityList(Object.class).hasSize(0);
    }

    @Test
    void reviseAndRemoveAMilestoneAndADeliverable() {
        String projectId = newProject(newPortfolio(), null);
        String design = addDeliverable(projectId, "Design", "1000", "2027-01-04", "2027-02-26");
        String milestone = UUID.randomUUID().toString();
        as("pm").documentName("scheduleMilestone")
                .variable("input", Map.of("projectId", projectId, "milestoneId", milestone, "name", "Kick-off",
                                          "dueDate", "2027-01-15"))
                .execute().path("scheduleMilestone.project.milestones[0].id").entity(String.class).isEqualTo(milestone);

        var revised = as("pm").documentName("reviseMilestone")
                .variable("input", Map.of("projectId", projectId, "milestoneId", milestone, "name", "Design done",
                                          "dueDate", "2027-02-26", "deliverableIds", List.of(design)))
                .execute();
        revised.path("reviseMilestone.project.milestones[0].name").entity(String.class).isEqualTo("Design done");
        revised.path("reviseMilestone.project.milestones[0].dueDate").entity(String.class).isEqualTo("2027-02-26");
        revised.path("reviseMilestone.project.milestones[0].deliverables[*].id").entityList(String.class)
                .containsExactly(design);

        Map<String, Object> cheaper = deliverableInput(projectId, "Design", "800", "2027-01-04", "2027-02-26");
        cheaper.put("deliverableId", design);
        var deliverable = as("pm").documentName("reviseDeliverable").variable("input", cheaper).execute();
        assertThat(deliverable.path("reviseDeliverable.project.deliverables[0].plannedCost.amount")
                           .entity(BigDecimal.class).get()).isEqualByComparingTo("800");

        as("pm").documentName("removeMilestone")
                .variable("input", Map.of("projectId", projectId, "milestoneId", milestone)).execute()
                .path("removeMilestone.project.milestones").entityList(Object.class).hasSize(0);
        assertRefused(as("pm").documentName("removeMilestone")
                              .variable("input", Map.of("projectId", projectId, "milestoneId", milestone)),
                      "NOT_FOUND");
    }

    @Test
    void amountsTravelAsStringsWithEveryDigitAndTheirScale() {
        String projectId = newProject(newPortfolio(), null);
        // sent as a JSON number (a double would make it 123456789012345.6) and as a string
        var asNumber = rawAs("pm").execute("planBudgetLine", null, Map.of("input", Map.of("projectId", projectId,
                "category", "LABOUR", "amount", Map.of("amount", new RawGraphQl.Raw("123456789012345.60"),
                                                       "currency", "EUR"))));
        assertThat(asNumber.errors()).isEmpty();
        var asText = rawAs("pm").execute("planBudgetLine", null, Map.of("input",
                budgetInput(projectId, "MATERIALS", "0.10", "EUR")));
        assertThat(asText.errors()).isEmpty();

        @SuppressWarnings("unchecked")
        Map<String, Object> budget = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                asText.body().get("data")).get("planBudgetLine")).get("project")).get("budget");
        @SuppressWarnings("unchecked")
        List<Map<String, Map<String, Object>>> lines = (List<Map<String, Map<String, Object>>>) budget.get("lines");
        // JSON strings, not numbers: a JavaScript client reads every digit
        assertThat(lines).extracting(line -> line.get("amount").get("amount"))
                .containsExactly("123456789012345.60", "0.10");
        @SuppressWarnings("unchecked")
        Map<String, Object> total = (Map<String, Object>) budget.get("total");
        assertThat(total.get("amount")).isEqualTo("123456789012345.70");
    }

    @Test
    void zeroClearsABudgetLine() {
        String projectId = newProject(newPortfolio(), null);
        planBudget(projectId, "TRAVEL", "300");
        var cleared = as("pm").documentName("planBudgetLine")
                .variable("input", budgetInput(projectId, "TRAVEL", "0", "EUR")).execute();
        cleared.path("planBudgetLine.project.budget.lines").entityList(Object.class).hasSize(0);
        assertThat(cleared.path("planBudgetLine.project.budget.total.amount").entity(BigDecimal.class).get())
                .isEqualByComparingTo("0");
    }

    @Test
    void teamMemberCannotPlan() {
        String projectId = newProject(newPortfolio(), null);
        assertRefused(as("member").documentName("planBudgetLine")
                              .variable("input", budgetInput(projectId, "LABOUR", "1", "EUR")),
                      "FORBIDDEN");
    }

    private String addDeliverable(String projectId, String name, String cost, String start, String finish) {
        List<String> ids = as("pm").documentName("addDeliverable")
                .variable("input", deliverableInput(projectId, name, cost, start, finish)).execute()
                .path("addDeliverable.project.deliverables[*].id").entityList(String.class).get();
        return ids.get(ids.size() - 1);
    }

    private void scheduleMilestone(String projectId, String name, String due, List<String> deliverables) {
        as("pm").documentName("scheduleMilestone")
                .variable("input", Map.of("projectId", projectId, "name", name, "dueDate", due,
                                          "deliverableIds", deliverables))
                .execute().path("scheduleMilestone.project.milestones").entityList(Object.class).hasSizeGreaterThan(0);
    }

    private void planBudget(String projectId, String category, String amount) {
        as("pm").documentName("planBudgetLine").variable("input", budgetInput(projectId, category, amount, "EUR"))
                .execute().path("planBudgetLine.project.budget.lines").entityList(Object.class).hasSizeGreaterThan(0);
    }

    private static Map<String, Object> deliverableInput(String projectId, String name, String cost, String start,
                                                        String finish) {
        Map<String, Object> input = new HashMap<>();
        input.put("projectId", projectId);
        input.put("name", name);
        input.put("description", name + " work");
        input.put("acceptanceCriteria", "Signed off by the sponsor");
        input.put("plannedCost", Map.of("amount", cost, "currency", "EUR"));
        input.put("plannedStart", start);
        input.put("plannedFinish", finish);
        return input;
    }

    private static Map<String, Object> budgetInput(String projectId, String category, String amount, String currency) {
        return Map.of("projectId", projectId, "category", category,
                      "amount", Map.of("amount", amount, "currency", currency));
    }
}
