package dev.portfolioledger.app.history;

import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.Processors;
import dev.portfolioledger.query.asof.PointInTime;
import dev.portfolioledger.query.asof.PointsInTime;
import dev.portfolioledger.query.asof.ViewHistory;
import dev.portfolioledger.query.project.ProjectView;
import dev.portfolioledger.axon.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random valid and invalid command sequences against one project. After every step the live
 * view is captured with the instant it was read. Afterwards three answers must agree at every
 * captured instant and at the record time of every stored event: {@code project(id, asOf)} over
 * GraphQL (read from the stored history), the stored history read directly, and the fold over
 * the event stream (the reference); at a captured instant all three equal the capture. No as-of
 * answer shows half a decision (approved without its baseline). Rebuilding the views from the
 * event store gives the live view back, and rebuilding the history gives it back row for row.
 *
 * <p>The seed is printed and can be fixed with {@code -Dhistory.seed=...} to reproduce a run.
 */
class RandomizedHistoryTest extends GraphQlIntegrationTest {

    private static final int STEPS = 60;
    private static final LocalDate WINDOW_START = LocalDate.of(2027, 1, 4);
    private static final LocalDate WINDOW_FINISH = LocalDate.of(2027, 12, 17);

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private PointsInTime pointsInTime;

    @Autowired
    private ViewHistory history;

    private Random random;
    private String projectId;
    private final List<String> deliverables = new ArrayList<>();
    private final List<String> submitted = new ArrayList<>();
    private final List<String> assessed = new ArrayList<>();
    /** The objectives as last defined, which a closure judges. */
    private List<String> objectives = List.of();
    private final List<Capture> captures = new ArrayList<>();
    private int refused;

    private record Capture(Instant at, Map<String, Object> view, String step) {
    }

    @Test
    void asOfReproducesEveryCapturedViewAndReplayReproducesTheLiveView() {
        long seed = Long.getLong("history.seed", System.nanoTime());
        System.out.println("RandomizedHistoryTest seed: " + seed);
        random = new Random(seed);
        projectId = newProject(newPortfolio(), null);
        capture("propose");

        for (int step = 0; step < STEPS; step++) {
            String action = randomStep();
            capture(action);
        }

        System.out.println("RandomizedHistoryTest steps: " + captures.stream().map(Capture::step).toList());
        Processors processors = new Processors(processing, jdbc);
        processors.awaitHead(ProcessingGroups.HISTORY);
        for (Capture capture : captures) {
            assertStoredEqualsFold(capture.at(), "after step '" + capture.step() + "', seed " + seed);
            assertThat(viewAt(capture.at()))
                    .as("project as of %s (after step '%s', seed %d)", capture.at(), capture.step(), seed)
                    .isEqualTo(capture.view());
        }
        assertThat(viewAt(captures.get(0).at().minusSeconds(60))).as("before creation").isNull();
        assertStoredEqualsFold(captures.get(0).at().minusSeconds(60), "before creation");
        for (Instant recorded : eventTimes()) {
            assertStoredEqualsFold(recorded, "at an event's record time " + recorded + ", seed " + seed);
            assertWholeDecisions(viewAt(recorded), recorded, seed);
        }

        List<Map<String, Object>> versions = history.dump();
        processors.rebuild(ProcessingGroups.HISTORY, jdbc -> {
        });
        assertThat(history.dump()).as("history after rebuilding it from the events (seed %d)", seed)
                .isEqualTo(versions);

        Map<String, Object> live = captures.get(captures.size() - 1).view();
        Map<String, List<Map<String, Object>>> liveRows = liveRows();
        processors.rebuild(ProcessingGroups.VIEWS, jdbc -> {
        });
        assertThat(liveView()).as("live view after rebuilding the views from the events (seed %d)", seed)
                .isEqualTo(live);
        // built one command at a time before, in one batch now: every row must come out the same
        assertThat(liveRows()).as("live view rows after rebuilding the views (seed %d)", seed).isEqualTo(liveRows);
        assertThat(refused).as("some steps were refused, so refusals were exercised").isPositive();
    }

    /*
     * Mostly steps that fit the project's state (plan while proposed, change requests once
     * baselined, each request moved along its own lifecycle), with a steady share of steps that
     * must be refused: wrong state, unknown ids, bad input.
     */
    private String randomStep() {
        String status = (String) captures.get(captures.size() - 1).view().get("status");
        boolean wild = random.nextInt(5) == 0;
        if ("PROPOSED".equals(status) && !wild) {
            return planningStep(captures.size() > 15 && random.nextInt(100) < 15);
        }
        if (wild) {
            return random.nextBoolean() ? planningStep(false) : lifecycleStep();
        }
        int pick = random.nextInt(100);
        if (pick < 35) {
            return attempt("submit change request", this::submitChangeRequest);
        }
        if (pick < 60) {
            return attempt("assess change request", this::assessChangeRequest);
        }
        if (pick < 82) {
            return attempt("approve change request", () -> decide("historyApproveChangeRequest", null));
        }
        if (pick < 88) {
            return attempt("reject change request", () -> decide("historyRejectChangeRequest", "Random rejection"));
        }
        if (pick < 92) {
            return attempt("withdraw change request", this::withdrawChangeRequest);
        }
        return lifecycleStep();
    }

    private String planningStep(boolean approve) {
        if (approve) {
            return attempt("approve project", () -> transitionTo("historyApproveProject", "pmo"));
        }
        int pick = random.nextInt(100);
        if (pick < 35) {
            return attempt("add deliverable", this::addDeliverable);
        }
        if (pick < 50) {
            return attempt("revise deliverable", () -> planDeliverable("historyReviseDeliverable", pickDeliverable()));
        }
        if (pick < 58) {
            return attempt("remove deliverable", () -> mutate("pm", "historyRemoveDeliverable",
                    Map.of("projectId", projectId, "deliverableId", pickDeliverable())));
        }
        if (pick < 75) {
            return attempt("schedule milestone", () -> mutate("pm", "historyScheduleMilestone", Map.of(
                    "projectId", projectId, "name", "M" + random.nextInt(1000),
                    "dueDate", randomDate(random.nextInt(10) == 0).toString(),
                    "deliverableIds", deliverables.isEmpty() || random.nextBoolean()
                            ? List.of() : List.of(pickDeliverable()))));
        }
        if (pick < 92) {
            return attempt("plan budget", () -> mutate("pm", "historyPlanBudgetLine", Map.of(
                    "projectId", projectId,
                    "category", List.of("LABOUR", "MATERIALS", "TRAVEL", "CONTINGENCY").get(random.nextInt(4)),
                    "amount", money(random.nextInt(4) == 0 ? "0" : Integer.toString(random.nextInt(90_000))))));
        }
        List<String> defined = List.of("Objective " + random.nextInt(100));
        return attempt("define objectives", () -> {
            List<ResponseError> errors = mutate("pm", "historyDefineObjectives", Map.of(
                    "projectId", projectId, "objectives", defined));
            if (errors.isEmpty()) {
                objectives = defined;
            }
            return errors;
        });
    }

    private String lifecycleStep() {
        return switch (random.nextInt(5)) {
            case 0 -> attempt("approve project", () -> transitionTo("historyApproveProject", "pmo"));
            case 1 -> attempt("start project", () -> transitionTo("historyStartProject", "pm"));
            case 2 -> attempt("hold project", () -> transitionTo("historyPutProjectOnHold", "pm"));
            case 3 -> attempt("resume project", () -> transitionTo("historyResumeProject", "pm"));
            // blocked (CLOSURE_BLOCKED) while not ACTIVE or a change request is open; CLOSED for good once it passes
            default -> attempt("close project", () -> mutate("pm", "historyCloseProject", Map.of(
                    "projectId", projectId,
                    "lessonsLearned", List.of(Map.of("category", "PROCESS", "text", "Lesson " + random.nextInt(100))),
                    "objectives", objectives.stream().map(objective -> Map.of("objective", objective,
                            "achievement", "MET")).toList())));
        };
    }

    /** Runs a step; a refusal must come with a stable code and is counted, not fatal. */
    private String attempt(String name, Supplier<List<ResponseError>> step) {
        List<ResponseError> errors = step.get();
        if (!errors.isEmpty()) {
            refused++;
            assertThat(errors.get(0).getExtensions()).as("error of step %s", name).containsKey("code");
            assertThat(errors.get(0).getExtensions().get("code")).as("error of step %s", name)
                    .isNotIn("INTERNAL", "TIMEOUT", "VIEW_OUT_OF_DATE");
            return name + " (refused: " + errors.get(0).getExtensions().get("code") + ")";
        }
        return name;
    }

    private List<ResponseError> addDeliverable() {
        String id = UUID.randomUUID().toString();
        List<ResponseError> errors = planDeliverable("historyAddDeliverable", id);
        if (errors.isEmpty()) {
            deliverables.add(id);
        }
        return errors;
    }

    private List<ResponseError> planDeliverable(String operation, String id) {
        LocalDate start = randomDate(false);
        boolean backwards = random.nextInt(12) == 0;
        Map<String, Object> input = new HashMap<>();
        input.put("projectId", projectId);
        input.put("deliverableId", id);
        input.put("name", "D" + random.nextInt(1000));
        input.put("plannedCost", money(random.nextInt(12) == 0 ? "-5" : random.nextInt(50_000) + ".50"));
        input.put("plannedStart", start.toString());
        input.put("plannedFinish", (backwards ? start.minusDays(3) : start.plusDays(random.nextInt(60))).toString());
        return mutate("pm", operation, input);
    }

    private List<ResponseError> submitChangeRequest() {
        String id = UUID.randomUUID().toString();
        List<Map<String, Object>> changes = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(4);
            if (kind == 0) {
                changes.add(Map.of("kind", "CHANGE_BUDGET", "category", "LABOUR",
                                   "newAmount", money(Integer.toString(random.nextInt(80_000)))));
            } else if (kind == 1 && !deliverables.isEmpty()) {
                changes.add(Map.of("kind", "REMOVE_DELIVERABLE", "deliverableId", pickDeliverable()));
            } else if (kind == 2 && !deliverables.isEmpty()) {
                changes.add(Map.of("kind", "MODIFY_DELIVERABLE", "deliverable", Map.of(
                        "deliverableId", pickDeliverable(), "name", "Modified " + random.nextInt(100),
                        "plannedCost", money(Integer.toString(random.nextInt(30_000))),
                        "plannedStart", "2027-02-01", "plannedFinish", "2027-03-01")));
            } else {
                String added = UUID.randomUUID().toString();
                changes.add(Map.of("kind", "ADD_DELIVERABLE", "deliverable", Map.of(
                        "deliverableId", added, "name", "Added " + random.nextInt(100),
                        "plannedCost", money(Integer.toString(random.nextInt(30_000))),
                        "plannedStart", "2027-04-01", "plannedFinish", "2027-05-01")));
            }
        }
        List<ResponseError> errors = mutate("pm", "historySubmitChangeRequest", Map.of(
                "projectId", projectId, "changeRequestId", id, "title", "Random change",
                "justification", "Randomized history", "changes", changes));
        if (errors.isEmpty()) {
            submitted.add(id);
        }
        return errors;
    }

    private List<ResponseError> assessChangeRequest() {
        String id = pickChangeRequest(submitted);
        List<ResponseError> errors = mutate("program", "historyAssessChangeRequest", Map.of(
                "projectId", projectId, "changeRequestId", id,
                "costImpact", money(Integer.toString(random.nextInt(5000))),
                "scheduleImpactDays", random.nextInt(30), "riskNotes", "random"));
        if (errors.isEmpty()) {
            submitted.remove(id);
            assessed.add(id);
        }
        return errors;
    }

    /** Approves (reason null) or rejects an assessed request; either way it leaves the open lists. */
    private List<ResponseError> decide(String operation, String reason) {
        String id = pickChangeRequest(assessed);
        Map<String, Object> input = new HashMap<>(Map.of("projectId", projectId, "changeRequestId", id));
        if (reason != null) {
            input.put("reason", reason);
        }
        List<ResponseError> errors = mutate("approver", operation, input);
        if (errors.isEmpty()) {
            assessed.remove(id);
        }
        return errors;
    }

    private List<ResponseError> withdrawChangeRequest() {
        String id = pickChangeRequest(random.nextBoolean() ? submitted : assessed);
        List<ResponseError> errors = mutate("pm", "historyWithdrawChangeRequest",
                                            Map.of("projectId", projectId, "changeRequestId", id));
        if (errors.isEmpty()) {
            submitted.remove(id);
            assessed.remove(id);
        }
        return errors;
    }

    private List<ResponseError> transitionTo(String operation, String user) {
        return mutate(user, operation, Map.of("projectId", projectId));
    }

    private List<ResponseError> mutate(String user, String operation, Map<String, Object> input) {
        List<ResponseError> errors = new ArrayList<>();
        as(user).documentName("historyMutation").operationName(operation).variable("input", input).execute()
                .errors().satisfy(errors::addAll);
        return errors;
    }

    private void capture(String step) {
        Map<String, Object> view = liveView();
        captures.add(new Capture(Instant.now(), view, step));
    }

    /** Every row of the live view tables, each as text, in key order. */
    private Map<String, List<Map<String, Object>>> liveRows() {
        Map<String, List<Map<String, Object>>> rows = new java.util.LinkedHashMap<>();
        for (String table : List.of("portfolio_view", "program_view", "project_view", "deliverable_view",
                                    "milestone_view", "budget_line_view", "change_request_view",
                                    "baseline_version_view")) {
            rows.put(table, jdbc.queryForList("SELECT t::text AS row FROM " + table + " t ORDER BY t::text"));
        }
        return rows;
    }

    private Map<String, Object> liveView() {
        return as("auditor").documentName("historyProjectAt").variable("id", projectId).execute()
                .path("project").entity(mapType()).get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> viewAt(Instant at) {
        var response = as("auditor").documentName("historyProjectAt").variable("id", projectId)
                .variable("asOf", at.toString()).execute();
        response.errors().verify();
        Map<String, Object> data = response.returnResponse().getData();
        return data == null ? null : (Map<String, Object>) data.get("project");
    }

    /** The stored history and the fold of the event stream give the same project, plan, requests and budget. */
    private void assertStoredEqualsFold(Instant at, String when) {
        PointInTime stored = pointsInTime.stored(at);
        PointInTime folded = pointsInTime.folded(at);
        ProjectId id = ProjectId.of(projectId);
        assertThat(stored.project(id)).as("project %s", when).isEqualTo(folded.project(id));
        assertThat(stored.plan(id)).as("plan %s", when).isEqualTo(folded.plan(id));
        assertThat(stored.changeRequests(id)).as("change requests %s", when).isEqualTo(folded.changeRequests(id));
        assertThat(stored.pendingChangeRequests(List.of(id))).as("pending change requests %s", when)
                .isEqualTo(folded.pendingChangeRequests(List.of(id)));
        assertThat(stored.budget(id)).as("budget %s", when).isEqualTo(folded.budget(id));
        ProjectView project = folded.project(id);
        if (project != null) {
            assertThat(stored.projectCounts(project.portfolioId())).as("portfolio counts %s", when)
                    .isEqualTo(folded.projectCounts(project.portfolioId()));
        }
    }

    /** A baselined status comes with its baseline, and an approved request with the version it made. */
    @SuppressWarnings("unchecked")
    private static void assertWholeDecisions(Map<String, Object> view, Instant at, long seed) {
        if (view == null) {
            return;
        }
        if (List.of("APPROVED", "ACTIVE", "ON_HOLD").contains(view.get("status"))) {
            assertThat(view.get("baselineVersion")).as("baseline of a %s project at %s (seed %d)",
                                                       view.get("status"), at, seed).isNotNull();
        }
        Map<String, Object> requests = (Map<String, Object>) view.get("changeRequests");
        for (Map<String, Object> edge : (List<Map<String, Object>>) requests.get("edges")) {
            Map<String, Object> node = (Map<String, Object>) edge.get("node");
            if ("APPROVED".equals(node.get("status"))) {
                assertThat(node.get("baselineVersion")).as("version of approved request %s at %s (seed %d)",
                                                           node.get("id"), at, seed).isNotNull();
            }
        }
    }

    /** The record time of every event of the project, as stored. */
    private List<Instant> eventTimes() {
        return jdbc.queryForList("SELECT timestamp FROM domainevententry WHERE aggregateidentifier = ? "
                                         + "ORDER BY sequencenumber", String.class, projectId)
                .stream().map(Instant::parse).toList();
    }

    private LocalDate randomDate(boolean outsideWindow) {
        if (outsideWindow) {
            return WINDOW_FINISH.plusDays(1 + random.nextInt(30));
        }
        return WINDOW_START.plusDays(random.nextInt(300));
    }

    private String pickDeliverable() {
        return deliverables.isEmpty() ? UUID.randomUUID().toString() : deliverables.get(random.nextInt(deliverables.size()));
    }

    /** Usually a request in the wanted state; now and then any known or an unknown one. */
    private String pickChangeRequest(List<String> inState) {
        List<String> known = new ArrayList<>(submitted);
        known.addAll(assessed);
        if (random.nextInt(6) == 0 || inState.isEmpty()) {
            return known.isEmpty() || random.nextBoolean() ? UUID.randomUUID().toString()
                    : known.get(random.nextInt(known.size()));
        }
        return inState.get(random.nextInt(inState.size()));
    }

    private static Map<String, Object> money(String amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }

}
