package dev.portfolioledger.app.input;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.finance.CostLedgerId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.RawGraphQl;
import dev.portfolioledger.app.support.RawGraphQl.Raw;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile values in every field of every mutation: control characters, NUL, lone and reversed
 * surrogates, valid pairs and emoji, boundary and over-long strings, huge and tiny and negative
 * amounts, impossible and far-off dates, out-of-range integers. Each response must be a success
 * or a coded refusal (never INTERNAL or TIMEOUT) and, where the input rules decide alone, exactly
 * the one the rules predict; what is accepted must read back exactly as sent (trimmed). At the end
 * every event processor is at the head of the event store, nothing is dead-lettered, and each
 * touched project's live view equals its fold of the events ({@code project(id, asOf: now)}).
 *
 * <p>The seed is printed and can be fixed with {@code -Dhostile.seed=...} to reproduce a run.
 */
class HostileInputTest extends GraphQlIntegrationTest {

    private static final int ROUNDS = 300;
    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    @Autowired
    private EventProcessingConfiguration processing;

    private Random random;
    private long seed;
    private String portfolioId;
    private String programId;
    private String plannedProjectId;
    /* Revised with hostile windows, so it holds no milestones that a narrower window would refuse. */
    private String revisedProjectId;
    private String baselinedProjectId;
    /** Allocated full time to the baselined project over 2027, so time can be logged on it. */
    private String staffedResourceId;
    /* Started, with one deliverable and one milestone, for the execution mutations. */
    private String runningProjectId;
    private String runningDeliverableId;
    private String runningMilestoneId;
    private String runningStakeholderId;
    private final List<String> assessedRequests = new ArrayList<>();
    private final Set<String> touchedProjects = new LinkedHashSet<>();
    private final Set<String> touchedAggregates = new LinkedHashSet<>();
    private final Map<String, Integer> outcomes = new HashMap<>();

    /** What kind of text a field holds, and so which rules apply. */
    private enum Kind {
        NAME(Checks.NAME_MAX, false), PERSON(Checks.PERSON_MAX, false), TEXT(Checks.TEXT_MAX, true),
        REASON(Checks.REASON_MAX, true);

        final int max;
        final boolean freeText;

        Kind(int max, boolean freeText) {
            this.max = max;
            this.freeText = freeText;
        }
    }

    /** One generated value and what the input rules say must become of it. */
    private record Hostile(Object sent, boolean acceptable, Object expected, String label) {
    }

    @Test
    void hostileInputIsRefusedWithACodeOrStoredExactly() {
        seed = Long.getLong("hostile.seed", System.nanoTime());
        System.out.println("HostileInputTest seed: " + seed);
        random = new Random(seed);
        setUp();

        for (int round = 0; round < ROUNDS; round++) {
            switch (random.nextInt(28)) {
                case 0 -> createPortfolio();
                case 1 -> renamePortfolio();
                case 2 -> createProgram();
                case 3 -> renameProgram();
                case 4 -> proposeProject();
                case 5 -> reviseProject();
                case 6 -> addDeliverable();
                case 7 -> scheduleMilestone();
                case 8 -> planBudgetLine();
                case 9 -> defineObjectives();
                case 10 -> submitChangeRequest();
                case 11 -> assessChangeRequest();
                case 12 -> rejectChangeRequest();
                case 13 -> registerResource();
                case 14 -> recordResourceLeave();
                case 15 -> recordExpense();
                case 16 -> reverseCost();
                case 17 -> reportDeliverableProgress();
                case 18 -> completeMilestone();
                case 19 -> forecastDeliverableFinish();
                case 20 -> publishStatusReport();
                case 21 -> closeProject();
                case 22 -> identifyRisk();
                case 23 -> changeRisk();
                case 24 -> registerOrUpdateStakeholder();
                case 25 -> recordQualityReview();
                case 26 -> acceptDeliverable();
                default -> logTime();
            }
        }
        System.out.println("HostileInputTest outcomes: " + outcomes);
        assertThat(outcomes.getOrDefault("accepted", 0)).as("some values were accepted (seed %d)", seed).isPositive();
        assertThat(outcomes.getOrDefault("VALIDATION_FAILED", 0)).as("some were refused (seed %d)", seed).isPositive();

        awaitProcessorsAtHead();
        assertThat(deadLetters()).as("dead letters of the touched aggregates (seed %d)", seed).isZero();
        Instant now = Instant.now();
        for (String projectId : touchedProjects) {
            assertThat(projectView(projectId, null)).as("live view of project %s equals its fold (seed %d)", projectId, seed)
                    .isEqualTo(projectView(projectId, now));
        }
    }

    private void setUp() {
        portfolioId = newPortfolio();
        programId = newProgram(portfolioId);
        plannedProjectId = newProject(portfolioId, programId);
        baselinedProjectId = newProject(portfolioId, null);
        revisedProjectId = newProject(portfolioId, null);
        assertThat(send("pmo", "hostileApproveProject", Map.of("projectId", baselinedProjectId)).code()).isNull();
        touchedAggregates.addAll(List.of(portfolioId, programId, plannedProjectId, baselinedProjectId, revisedProjectId));
        touchedProjects.addAll(List.of(plannedProjectId, baselinedProjectId, revisedProjectId));
        staffedResourceId = registeredResource();
        assertThat(send("resources", "hostileAllocateResource", Map.of("resourceId", staffedResourceId,
                "projectId", baselinedProjectId, "percent", 100, "start", "2027-01-01", "end", "2027-12-31")).code())
                .isNull();
        runningProjectId = newProject(portfolioId, null);
        runningDeliverableId = UUID.randomUUID().toString();
        runningMilestoneId = UUID.randomUUID().toString();
        assertThat(send("pm", "hostileAddDeliverable", Map.of("projectId", runningProjectId, "deliverableId",
                runningDeliverableId, "name", "Build", "plannedCost", money("100.00"), "plannedStart", "2027-02-01",
                "plannedFinish", "2027-03-01")).code()).isNull();
        assertThat(send("pm", "hostileScheduleMilestone", Map.of("projectId", runningProjectId, "milestoneId",
                runningMilestoneId, "name", "Go live", "dueDate", "2027-03-01")).code()).isNull();
        assertThat(send("pmo", "hostileApproveProject", Map.of("projectId", runningProjectId)).code()).isNull();
        assertThat(send("pm", "hostileStartProject", Map.of("projectId", runningProjectId)).code()).isNull();
        touchedAggregates.addAll(List.of(runningProjectId, ledgerOf(baselinedProjectId)));
        touchedProjects.add(runningProjectId);
        // "approver" may accept the running project's deliverable, which passed its UAT
        runningStakeholderId = RawGraphQl.Response.at(send("pm", "hostileRegisterStakeholder",
                stakeholderInput()).body(), "data.registerStakeholder.stakeholderId");
        assertThat(send("pm", "hostileRecordQualityReview", reviewInput()).code()).isNull();
    }

    private Map<String, Object> stakeholderInput() {
        return new HashMap<>(Map.of("projectId", runningProjectId, "name", "Carla", "interest", 4, "influence", 5,
                "preferredChannel", "EMAIL", "mayAcceptDeliverables", true, "username", "approver"));
    }

    private Map<String, Object> reviewInput() {
        return new HashMap<>(Map.of("projectId", runningProjectId, "deliverableId", runningDeliverableId,
                "kind", "UAT", "outcome", "PASSED", "reviewer", "Quinn"));
    }

    /** A resource registered with valid values. */
    private String registeredResource() {
        String id = UUID.randomUUID().toString();
        assertThat(send("resources", "hostileRegisterResource", Map.of("resourceId", id, "portfolioId", portfolioId,
                "name", "Ada", "role", "Developer", "capacityPercent", 100, "costRate", money("80.00"),
                "rateEffectiveFrom", "2027-01-01")).code()).as("valid registration (seed %d)", seed).isNull();
        touchedAggregates.add(id);
        return id;
    }

    // ---- the mutations, each with one hostile field and valid values elsewhere ----

    private void createPortfolio() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> input = new HashMap<>(Map.of("portfolioId", id, "name", unique("P"), "currency", "EUR",
                                                          "owner", "Olivia Owner"));
        switch (random.nextInt(4)) {
            case 0 -> checkText("pmo", "hostileCreatePortfolio", input, "name", uniqueText(Kind.NAME), Kind.NAME,
                                "createPortfolio.portfolio.name");
            case 1 -> checkText("pmo", "hostileCreatePortfolio", input, "description", optional(text(Kind.TEXT, true)), Kind.TEXT,
                                "createPortfolio.portfolio.description");
            case 2 -> checkText("pmo", "hostileCreatePortfolio", input, "owner", text(Kind.PERSON, false), Kind.PERSON,
                                "createPortfolio.portfolio.owner");
            default -> checkReason("pmo", "hostileCreatePortfolio", input);
        }
        touchedAggregates.add(id);
    }

    private void renamePortfolio() {
        checkText("pmo", "hostileRenamePortfolio", new HashMap<>(Map.of("portfolioId", portfolioId)), "name",
                  uniqueText(Kind.NAME), Kind.NAME, "renamePortfolio.portfolio.name");
    }

    private void createProgram() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> input = new HashMap<>(Map.of("programId", id, "portfolioId", portfolioId,
                                                          "name", unique("G"), "manager", "Pat Program"));
        switch (random.nextInt(4)) {
            case 0 -> checkText("program", "hostileCreateProgram", input, "name", text(Kind.NAME, false), Kind.NAME,
                                "createProgram.program.name");
            case 1 -> checkText("program", "hostileCreateProgram", input, "manager", text(Kind.PERSON, false),
                                Kind.PERSON, "createProgram.program.manager");
            case 2 -> checkObjectives("program", "hostileCreateProgram", input, "createProgram.program.objectives");
            default -> checkReason("program", "hostileCreateProgram", input);
        }
        touchedAggregates.add(id);
    }

    private void renameProgram() {
        checkText("program", "hostileRenameProgram", new HashMap<>(Map.of("programId", programId)), "name",
                  text(Kind.NAME, false), Kind.NAME, "renameProgram.program.name");
    }

    private Map<String, Object> projectDetails() {
        Map<String, Object> input = new HashMap<>(Map.of("name", unique("Project"), "manager", "Max PM",
                "sponsor", "Sam Sponsor", "methodology", "SCRUM", "plannedStart", "2027-01-04",
                "plannedFinish", "2027-12-17"));
        input.put("description", "Replace the ledger");
        return input;
    }

    private void proposeProject() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> input = projectDetails();
        input.put("projectId", id);
        input.put("portfolioId", portfolioId);
        String field = projectField("hostileProposeProject", input, "proposeProject.project");
        if (field != null) {
            touchedProjects.add(id);
            touchedAggregates.add(id);
        }
    }

    private void reviseProject() {
        Map<String, Object> input = projectDetails();
        input.put("projectId", revisedProjectId);
        projectField("hostileReviseProjectDetails", input, "reviseProjectDetails.project");
    }

    private String projectField(String operation, Map<String, Object> input, String view) {
        return switch (random.nextInt(7)) {
            case 0 -> checkText("pm", operation, input, "name", text(Kind.NAME, false), Kind.NAME, view + ".name");
            case 1 -> checkText("pm", operation, input, "description", optional(text(Kind.TEXT, true)), Kind.TEXT,
                                view + ".description");
            case 2 -> checkText("pm", operation, input, "manager", text(Kind.PERSON, false), Kind.PERSON,
                                view + ".manager");
            case 3 -> checkText("pm", operation, input, "sponsor", text(Kind.PERSON, false), Kind.PERSON,
                                view + ".sponsor");
            case 4 -> checkDate("pm", operation, input, "plannedStart", view + ".plannedStart");
            case 5 -> checkDate("pm", operation, input, "plannedFinish", view + ".plannedFinish");
            default -> checkReason("pm", operation, input);
        };
    }

    private void addDeliverable() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> input = new HashMap<>(Map.of("projectId", plannedProjectId, "deliverableId", id,
                "name", "Deliverable", "plannedCost", money("100.00"), "plannedStart", "2027-02-01",
                "plannedFinish", "2027-03-01"));
        Function<Map<String, Object>, Object> mine = data -> deliverable(data, id);
        switch (random.nextInt(6)) {
            case 0 -> check("pm", "hostileAddDeliverable", input, "name", text(Kind.NAME, false), Kind.NAME,
                            mine.andThen(d -> field(d, "name")));
            case 1 -> check("pm", "hostileAddDeliverable", input, "description", optional(text(Kind.TEXT, true)), Kind.TEXT,
                            mine.andThen(d -> field(d, "description")));
            case 2 -> check("pm", "hostileAddDeliverable", input, "acceptanceCriteria", optional(text(Kind.TEXT, true)),
                            Kind.TEXT, mine.andThen(d -> field(d, "acceptanceCriteria")));
            case 3 -> checkAmount("pm", "hostileAddDeliverable", input, "plannedCost", false,
                                  mine.andThen(d -> field(d, "plannedCost.amount")));
            case 4 -> checkDate("pm", "hostileAddDeliverable", input,
                                random.nextBoolean() ? "plannedStart" : "plannedFinish", (String) null);
            default -> checkReason("pm", "hostileAddDeliverable", input);
        }
    }

    private void scheduleMilestone() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> input = new HashMap<>(Map.of("projectId", plannedProjectId, "milestoneId", id,
                                                          "name", "Milestone", "dueDate", "2027-05-05"));
        switch (random.nextInt(3)) {
            case 0 -> check("pm", "hostileScheduleMilestone", input, "name", text(Kind.NAME, false), Kind.NAME,
                            data -> milestoneName(data, id));
            case 1 -> checkDate("pm", "hostileScheduleMilestone", input, "dueDate", (String) null);
            default -> checkReason("pm", "hostileScheduleMilestone", input);
        }
    }

    private void planBudgetLine() {
        String category = List.of("LABOUR", "MATERIALS", "TRAVEL", "CONTINGENCY").get(random.nextInt(4));
        Map<String, Object> input = new HashMap<>(Map.of("projectId", plannedProjectId, "category", category,
                                                          "amount", money("10.00")));
        checkAmount("pm", "hostilePlanBudgetLine", input, "amount", false, data -> {
            List<Map<String, Object>> lines = at(data, "planBudgetLine.project.budget.lines");
            return lines.stream().filter(line -> category.equals(line.get("category")))
                    .map(line -> field(line, "amount.amount")).findFirst().orElse(BigDecimal.ZERO);
        });
    }

    private void defineObjectives() {
        Map<String, Object> input = new HashMap<>(Map.of("projectId", plannedProjectId));
        if (random.nextInt(4) == 0) {
            input.put("objectives", List.of("Cut cost"));
            checkReason("pm", "hostileDefineObjectives", input);
        } else {
            checkObjectives("pm", "hostileDefineObjectives", input, "defineProjectObjectives.project.objectives");
        }
    }

    private void submitChangeRequest() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> deliverable = new HashMap<>(Map.of("deliverableId", UUID.randomUUID().toString(),
                "name", "Added", "plannedCost", money("50.00"), "plannedStart", "2027-04-01",
                "plannedFinish", "2027-05-01"));
        Map<String, Object> addition = new HashMap<>(Map.of("kind", "ADD_DELIVERABLE", "deliverable", deliverable));
        Map<String, Object> budget = new HashMap<>(Map.of("kind", "CHANGE_BUDGET", "category", "TRAVEL",
                                                          "newAmount", money("20.00")));
        Map<String, Object> input = new HashMap<>(Map.of("projectId", baselinedProjectId, "changeRequestId", id,
                "title", "Change", "justification", "Because", "changes", List.of(addition, budget)));
        Function<Map<String, Object>, Object> request = ignored -> changeRequest(id);
        switch (random.nextInt(6)) {
            case 0 -> check("pm", "hostileSubmitChangeRequest", input, "title", text(Kind.NAME, false), Kind.NAME,
                            request.andThen(r -> field(r, "title")));
            case 1 -> check("pm", "hostileSubmitChangeRequest", input, "justification", text(Kind.TEXT, true),
                            Kind.TEXT, request.andThen(r -> field(r, "justification")));
            case 2 -> check("pm", "hostileSubmitChangeRequest", deliverable, "name", text(Kind.NAME, false),
                            Kind.NAME, input, request.andThen(r -> field(changes(r).get(0), "deliverable.name")));
            case 3 -> checkAmount("pm", "hostileSubmitChangeRequest", budget, "newAmount", false, input,
                                  request.andThen(r -> field(changes(r).get(1), "newAmount.amount")));
            case 4 -> checkNestedDate("pm", "hostileSubmitChangeRequest", deliverable, "plannedFinish", input);
            default -> checkReason("pm", "hostileSubmitChangeRequest", input);
        }
    }

    /** Assessed by the program manager: the submitter ("pm") may not assess their own request. */
    private void assessChangeRequest() {
        String id = submitted();
        Map<String, Object> input = new HashMap<>(Map.of("projectId", baselinedProjectId, "changeRequestId", id,
                "costImpact", money("10.00"), "scheduleImpactDays", 5));
        Function<Map<String, Object>, Object> request = ignored -> changeRequest(id);
        boolean accepted = switch (random.nextInt(4)) {
            case 0 -> check("program", "hostileAssessChangeRequest", input, "riskNotes", optional(text(Kind.TEXT, true)), Kind.TEXT,
                            request.andThen(r -> field(r, "assessment.riskNotes"))) != null;
            case 1 -> checkAmount("program", "hostileAssessChangeRequest", input, "costImpact", true,
                                  request.andThen(r -> field(r, "assessment.costImpact.amount"))) != null;
            case 2 -> checkDays(input, request.andThen(r -> field(r, "assessment.scheduleImpactDays")));
            default -> checkReason("program", "hostileAssessChangeRequest", input) != null;
        };
        if (accepted) {
            assessedRequests.add(id);
        }
    }

    private void rejectChangeRequest() {
        String id = assessedRequests.isEmpty() ? assessed() : assessedRequests.get(0);
        Map<String, Object> input = new HashMap<>(Map.of("projectId", baselinedProjectId, "changeRequestId", id));
        Hostile reason = text(Kind.REASON, true);
        if (check("approver", "hostileRejectChangeRequest", input, "reason", reason, Kind.REASON,
                  ignored -> field(changeRequest(id), "rejectionReason")) != null) {
            assessedRequests.remove(id);
        }
    }

    private void registerResource() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> input = new HashMap<>(Map.of("resourceId", id, "portfolioId", portfolioId,
                "name", "Ada", "role", "Developer", "capacityPercent", 100, "costRate", money("80.00"),
                "rateEffectiveFrom", "2027-01-01"));
        String operation = "hostileRegisterResource";
        String accepted = switch (random.nextInt(5)) {
            case 0 -> checkText("resources", operation, input, "name", text(Kind.PERSON, false), Kind.PERSON,
                                "registerResource.resource.name");
            case 1 -> checkText("resources", operation, input, "role", text(Kind.NAME, false), Kind.NAME,
                                "registerResource.resource.role");
            case 2 -> checkAmount("resources", operation, input, "costRate", false,
                                  data -> at(data, "registerResource.resource.costRate.amount"));
            case 3 -> checkDate("resources", operation, input, "rateEffectiveFrom", (String) null);
            default -> checkReason("resources", operation, input);
        };
        if (accepted != null) {
            touchedAggregates.add(id);
        }
    }

    private void recordResourceLeave() {
        String resourceId = registeredResource();
        String leaveId = UUID.randomUUID().toString();
        Map<String, Object> input = new HashMap<>(Map.of("resourceId", resourceId, "leaveId", leaveId,
                "start", "2027-03-01", "end", "2027-03-02"));
        if (random.nextBoolean()) {
            checkNestedDate("resources", "hostileRecordResourceLeave", input, random.nextBoolean() ? "start" : "end",
                            input);
        } else {
            Hostile reason = optional(text(Kind.REASON, true));
            check("resources", "hostileRecordResourceLeave", input, "reason", reason, Kind.REASON,
                  data -> HostileInputTest.<List<Map<String, Object>>>at(data, "recordResourceLeave.resource.leave").stream()
                          .filter(leave -> leaveId.equals(leave.get("id"))).findFirst()
                          .orElseThrow(() -> new AssertionError("no leave " + leaveId + " (seed " + seed + ")"))
                          .get("reason"));
        }
    }

    /**
     * Hours of one entry: a number in (0, 24] with at most two decimals is valid (it may still meet
     * the day's limit, CONFLICT); anything else, from 0 to 1e1000000 and NaN, is VALIDATION_FAILED.
     * Or a hostile note, which no view shows: only its refusal is checked.
     */
    private void logTime() {
        Map<String, Object> input = new HashMap<>(Map.of("resourceId", staffedResourceId,
                "projectId", baselinedProjectId, "date", LocalDate.of(2027, 1, 4).plusDays(random.nextInt(300)).toString(),
                "hours", "1.5"));
        if (random.nextInt(3) == 0) {
            Hostile note = optional(text(Kind.TEXT, true));
            input.put("note", note.sent());
            String code = outcome(send("member", "hostileLogTime", input), "logTime.note = " + note.label());
            if (!note.acceptable()) {
                assertThat(code).as("refused: logTime.note = %s (seed %d)", note.label(), seed)
                        .isEqualTo("VALIDATION_FAILED");
            }
            return;
        }
        Object sent = switch (random.nextInt(12)) {
            case 0, 1 -> (1 + random.nextInt(8)) + ".25";
            case 2 -> "24";
            case 3 -> "24.01";
            case 4 -> "0";
            case 5 -> "-1";
            case 6 -> new Raw("1e1000000");
            case 7 -> "1e-1000000";
            case 8 -> "0.001";
            case 9 -> random.nextBoolean() ? "NaN" : "Infinity";
            case 10 -> "1" + "0".repeat(200);
            default -> new Raw("7.5");
        };
        String text = sent instanceof Raw raw ? raw.json() : (String) sent;
        boolean acceptable;
        try {
            BigDecimal hours = new BigDecimal(text);
            acceptable = hours.signum() > 0 && hours.compareTo(BigDecimal.valueOf(24)) <= 0
                    && hours.stripTrailingZeros().scale() <= 2;
        } catch (NumberFormatException e) {
            acceptable = false;
        }
        input.put("hours", sent);
        String context = "logTime.hours = " + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                + " (seed " + seed + ")";
        String code = outcome(send("member", "hostileLogTime", input), context);
        if (!acceptable) {
            assertThat(code).as("refused: %s", context).isEqualTo("VALIDATION_FAILED");
        } else {
            assertThat(code).as("valid hours: %s", context).isIn(null, "CONFLICT");
        }
    }

    /**
     * A status report's summary or one of its period's dates. No view shows a report yet, so an
     * accepted summary is read back from the stored event.
     */
    private void publishStatusReport() {
        Map<String, Object> input = new HashMap<>(Map.of("projectId", baselinedProjectId, "periodStart", "2026-11-01",
                "periodEnd", "2026-11-30", "overall", "GREEN", "scope", "AMBER", "schedule", "GREEN", "cost", "RED",
                "summary", "On track"));
        if (random.nextBoolean()) {
            checkNestedDate("pm", "hostilePublishStatusReport", input, random.nextBoolean() ? "periodStart" : "periodEnd",
                            input);
            return;
        }
        check("pm", "hostilePublishStatusReport", input, "summary", text(Kind.TEXT, true), Kind.TEXT,
              data -> jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'summary' FROM domainevententry"
                      + " WHERE aggregateidentifier = ?", String.class,
                      HostileInputTest.<String>at(data, "publishStatusReport.statusReportId")));
    }

    /**
     * Closes a fresh ACTIVE project (without objectives, so no verdicts) with one hostile field: the
     * lesson's text, the handover notes, the final remarks or the reason.
     */
    private void closeProject() {
        String projectId = newProject(portfolioId, null);
        assertThat(send("pmo", "hostileApproveProject", Map.of("projectId", projectId)).code()).isNull();
        assertThat(send("pm", "hostileStartProject", Map.of("projectId", projectId)).code()).isNull();
        touchedAggregates.add(projectId);
        touchedProjects.add(projectId);
        Map<String, Object> lesson = new HashMap<>(Map.of("category", "PROCESS", "text", "Keep the team small"));
        Map<String, Object> input = new HashMap<>(Map.of("projectId", projectId, "lessonsLearned", List.of(lesson),
                                                         "objectives", List.of()));
        String operation = "hostileCloseProject";
        String closure = "closeProject.project.closure.";
        switch (random.nextInt(4)) {
            case 0 -> check("pm", operation, lesson, "text", text(Kind.TEXT, true), Kind.TEXT, input, data ->
                    HostileInputTest.<List<Map<String, Object>>>at(data, closure + "lessonsLearned").get(0).get("text"));
            case 1 -> check("pm", operation, input, "handoverNotes", optional(text(Kind.TEXT, true)), Kind.TEXT,
                            data -> at(data, closure + "handoverNotes"));
            case 2 -> check("pm", operation, input, "finalRemarks", optional(text(Kind.TEXT, true)), Kind.TEXT,
                            data -> at(data, closure + "finalRemarks"));
            default -> checkReason("pm", operation, input);
        }
    }

    /**
     * An expense of the baselined (APPROVED) project: a hostile amount (more than zero, at most the
     * currency's decimals), vendor, description, incurred date (refused after today) or reason.
     */
    private void recordExpense() {
        Map<String, Object> input = expenseInput();
        String operation = "hostileRecordExpense";
        switch (random.nextInt(5)) {
            case 0 -> checkAmount("pm", operation, input, "amount", positive(amount(false)), input,
                                  data -> lastLedgerPayload("{amount,amount}"));
            case 1 -> check("pm", operation, input, "vendor", optional(text(Kind.NAME, false)), Kind.NAME,
                            data -> lastLedgerPayload("{vendor}"));
            case 2 -> check("pm", operation, input, "description", optional(text(Kind.TEXT, true)), Kind.TEXT,
                            data -> lastLedgerPayload("{description}"));
            case 3 -> checkNestedDate("pm", operation, input, "incurredOn", pastOrHostileDate(), input);
            default -> checkReason("pm", operation, input);
        }
    }

    private Map<String, Object> expenseInput() {
        return new HashMap<>(Map.of("projectId", baselinedProjectId, "amount", money("12.50"),
                "category", "TRAVEL", "incurredOn", "2026-11-02"));
    }

    /** A reversal of an expense just recorded with valid values, for a hostile (required) reason. */
    private void reverseCost() {
        var recorded = send("pm", "hostileRecordExpense", expenseInput());
        assertThat(recorded.code()).as("valid expense (seed %d)", seed).isNull();
        Map<String, Object> input = new HashMap<>(Map.of("projectId", baselinedProjectId,
                "entryId", recorded.data("recordExpense.entryId")));
        check("pm", "hostileReverseCost", input, "reason", text(Kind.REASON, true), Kind.REASON,
              data -> lastLedgerPayload("{reason}"));
    }

    /** Percent complete from Int's extremes to 3.5, a hostile status date, or a hostile reason. */
    private void reportDeliverableProgress() {
        Map<String, Object> input = new HashMap<>(Map.of("projectId", runningProjectId,
                "deliverableId", runningDeliverableId, "percentComplete", 100, "reportedOn", "2026-11-02"));
        String operation = "hostileReportDeliverableProgress";
        switch (random.nextInt(3)) {
            case 0 -> checkPercent(input);
            case 1 -> checkNestedDate("pm", operation, input, "reportedOn", pastOrHostileDate(), input);
            default -> checkReason("pm", operation, input);
        }
    }

    private void checkPercent(Map<String, Object> input) {
        int pick = random.nextInt(9);
        Object sent = switch (pick) {
            case 0 -> 0;
            case 1 -> 100;
            case 2 -> 37;
            case 3 -> -1;
            case 4 -> 101;
            case 5 -> Integer.MIN_VALUE;
            case 6 -> Integer.MAX_VALUE;
            case 7 -> new Raw("2147483648");
            default -> new Raw("3.5");
        };
        input.put("percentComplete", sent);
        String context = "percentComplete = " + sent + " (seed " + seed + ")";
        String code = outcome(send("pm", "hostileReportDeliverableProgress", input), context);
        if (pick <= 2) {
            // a lower percent than the report before needs a reason; the date is the same every time
            assertThat(code).as("valid percent: %s", context).isIn(null, "VALIDATION_FAILED");
        } else {
            assertThat(code).as("refused: %s", context).isEqualTo("VALIDATION_FAILED");
        }
    }

    /** A hostile actual date (refused after today) or reason; a milestone is completed once (CONFLICT). */
    private void completeMilestone() {
        Map<String, Object> input = new HashMap<>(Map.of("projectId", runningProjectId,
                "milestoneId", runningMilestoneId, "actualDate", "2026-11-02"));
        if (random.nextBoolean()) {
            checkNestedDate("pm", "hostileCompleteMilestone", input, "actualDate", pastOrHostileDate(), input);
        } else {
            Hostile reason = optional(text(Kind.REASON, true));
            input.put("reason", reason.sent());
            String context = "completeMilestone.reason = " + reason.label() + " (seed " + seed + ")";
            String code = outcome(send("pm", "hostileCompleteMilestone", input), context);
            assertThat(code).as(context).isIn(reason.acceptable() ? new String[] {null, "CONFLICT"}
                    : new String[] {"VALIDATION_FAILED"});
        }
    }

    /** A hostile expected finish or (required) reason; a deliverable reported 100% takes none (CONFLICT). */
    private void forecastDeliverableFinish() {
        Map<String, Object> input = new HashMap<>(Map.of("projectId", runningProjectId,
                "deliverableId", runningDeliverableId, "expectedFinish", "2027-03-15", "reason", "Supplier is late"));
        if (random.nextBoolean()) {
            checkNestedDate("pm", "hostileForecastDeliverableFinish", input, "expectedFinish", date(), input);
        } else {
            Hostile reason = text(Kind.REASON, true);
            input.put("reason", reason.sent());
            String context = "forecastDeliverableFinish.reason = " + reason.label() + " (seed " + seed + ")";
            String code = outcome(send("pm", "hostileForecastDeliverableFinish", input), context);
            assertThat(code).as(context).isIn(reason.acceptable() ? new String[] {null, "CONFLICT"}
                    : new String[] {"VALIDATION_FAILED"});
        }
    }

    /**
     * A risk of the baselined project with one hostile field: a text, the review date, or a rating
     * (1 to 5). Accepted texts are read back from the stored event.
     */
    private void identifyRisk() {
        Map<String, Object> input = riskInput();
        String operation = "hostileIdentifyRisk";
        switch (random.nextInt(7)) {
            case 0 -> check("pm", operation, input, "title", text(Kind.NAME, false), Kind.NAME,
                            data -> lastProjectPayload(baselinedProjectId, "{title}"));
            case 1 -> check("pm", operation, input, "description", optional(text(Kind.TEXT, true)), Kind.TEXT,
                            data -> lastProjectPayload(baselinedProjectId, "{description}"));
            case 2 -> check("pm", operation, input, "category", text(Kind.NAME, false), Kind.NAME,
                            data -> lastProjectPayload(baselinedProjectId, "{category}"));
            case 3 -> check("pm", operation, input, "owner", text(Kind.PERSON, false), Kind.PERSON,
                            data -> lastProjectPayload(baselinedProjectId, "{owner}"));
            case 4 -> check("pm", operation, input, "responsePlan", optional(text(Kind.TEXT, true)), Kind.TEXT,
                            data -> lastProjectPayload(baselinedProjectId, "{responsePlan}"));
            case 5 -> checkNestedDate("pm", operation, input, "reviewDate", input);
            default -> checkRating(operation, input, random.nextBoolean() ? "probability" : "impact");
        }
    }

    private Map<String, Object> riskInput() {
        return new HashMap<>(Map.of("projectId", baselinedProjectId, "title", "Supplier late", "category", "Supplier",
                "probability", 3, "impact", 4, "owner", "Pia", "response", "MITIGATE", "reviewDate", "2027-02-01"));
    }

    /** A risk identified with valid values, then reassessed (hostile rating or reason), closed or occurred (hostile text). */
    private void changeRisk() {
        var identified = send("pm", "hostileIdentifyRisk", riskInput());
        assertThat(identified.code()).as("valid risk (seed %d)", seed).isNull();
        Map<String, Object> input = new HashMap<>(Map.of("projectId", baselinedProjectId,
                "riskId", identified.data("identifyRisk.riskId")));
        switch (random.nextInt(4)) {
            case 0 -> {
                input.putAll(Map.of("probability", 2, "impact", 2, "reason", "Reviewed"));
                checkRating("hostileReassessRisk", input, random.nextBoolean() ? "probability" : "impact");
            }
            case 1 -> {
                input.putAll(Map.of("probability", 2, "impact", 2));
                check("pm", "hostileReassessRisk", input, "reason", text(Kind.REASON, true), Kind.REASON,
                      data -> lastProjectPayload(baselinedProjectId, "{reason}"));
            }
            case 2 -> check("pm", "hostileCloseRisk", input, "reason", text(Kind.REASON, true), Kind.REASON,
                            data -> lastProjectPayload(baselinedProjectId, "{reason}"));
            default -> check("pm", "hostileRecordRiskOccurred", input, "impactNote", text(Kind.TEXT, true), Kind.TEXT,
                             data -> lastProjectPayload(baselinedProjectId, "{impactNote}"));
        }
    }

    /** A probability or impact from Int's extremes to 3.5: 1 to 5 are stored, everything else refused. */
    private void checkRating(String operation, Map<String, Object> input, String field) {
        int pick = random.nextInt(9);
        Object sent = switch (pick) {
            case 0 -> 1;
            case 1 -> 5;
            case 2 -> 3;
            case 3 -> 0;
            case 4 -> 6;
            case 5 -> Integer.MIN_VALUE;
            case 6 -> Integer.MAX_VALUE;
            case 7 -> new Raw("2147483648");
            default -> new Raw("3.5");
        };
        input.put(field, sent);
        String context = operation + "." + field + " = " + sent + " (seed " + seed + ")";
        String code = outcome(send("pm", operation, input), context);
        if (pick <= 2) {
            assertThat(code).as("valid rating: %s", context).isNull();
            assertThat(lastProjectPayload(baselinedProjectId, "{" + field + "}")).as(context).isEqualTo(sent.toString());
        } else {
            assertThat(code).as("refused: %s", context).isEqualTo("VALIDATION_FAILED");
        }
    }

    /**
     * A stakeholder of the running project, registered anew or the one registered at set-up revised:
     * a hostile name, organisation role, user name (optional while they may not accept) or rating
     * (1 to 5).
     */
    private void registerOrUpdateStakeholder() {
        boolean update = random.nextBoolean();
        String operation = update ? "hostileUpdateStakeholder" : "hostileRegisterStakeholder";
        Map<String, Object> input = stakeholderInput();
        input.put("mayAcceptDeliverables", false);
        if (update) {
            input.put("stakeholderId", runningStakeholderId);
        }
        switch (random.nextInt(4)) {
            case 0 -> check("pm", operation, input, "name", text(Kind.NAME, false), Kind.NAME,
                            data -> lastProjectPayload(runningProjectId, "{details,name}"));
            case 1 -> check("pm", operation, input, "organisationRole", optional(text(Kind.NAME, false)), Kind.NAME,
                            data -> lastProjectPayload(runningProjectId, "{details,organisationRole}"));
            case 2 -> check("pm", operation, input, "username", optional(text(Kind.PERSON, false)), Kind.PERSON,
                            data -> lastProjectPayload(runningProjectId, "{details,username}"));
            default -> {
                String field = random.nextBoolean() ? "interest" : "influence";
                int rating = List.of(0, 1, 3, 5, 6, -1, Integer.MAX_VALUE).get(random.nextInt(7));
                input.put(field, rating);
                String context = operation + "." + field + " = " + rating + " (seed " + seed + ")";
                String code = outcome(send("pm", operation, input), context);
                assertThat(code).as(context).isEqualTo(rating >= 1 && rating <= 5 ? null : "VALIDATION_FAILED");
            }
        }
        if (update) {
            // put the right to accept back for acceptDeliverable
            assertThat(send("pm", operation, with(stakeholderInput(), "stakeholderId", runningStakeholderId)).code())
                    .isNull();
        }
    }

    /** A review of the running project's deliverable with hostile findings or reviewer (a passed UAT). */
    private void recordQualityReview() {
        Map<String, Object> input = reviewInput();
        if (random.nextBoolean()) {
            check("pm", "hostileRecordQualityReview", input, "findings", optional(text(Kind.TEXT, true)), Kind.TEXT,
                  data -> lastProjectPayload(runningProjectId, "{findings}"));
        } else {
            check("pm", "hostileRecordQualityReview", input, "reviewer", text(Kind.PERSON, false), Kind.PERSON,
                  data -> lastProjectPayload(runningProjectId, "{reviewer}"));
        }
    }

    /** An acceptance with a hostile note: the first acceptable one is stored, later ones find it accepted (CONFLICT). */
    private void acceptDeliverable() {
        Hostile note = optional(text(Kind.TEXT, true));
        Map<String, Object> input = new HashMap<>(Map.of("projectId", runningProjectId,
                "deliverableId", runningDeliverableId));
        input.put("note", note.sent());
        String context = "acceptDeliverable.note = " + note.label() + " (seed " + seed + ")";
        String code = outcome(send("approver", "hostileAcceptDeliverable", input), context);
        if (!note.acceptable()) {
            assertThat(code).as(context).isEqualTo("VALIDATION_FAILED");
        } else if (code == null) {
            assertThat(lastProjectPayload(runningProjectId, "{note}")).as(context).isEqualTo(note.expected());
        } else {
            assertThat(code).as(context).isEqualTo("CONFLICT");
        }
    }

    /** A project's newest event, the value at this JSON path. */
    private Object lastProjectPayload(String projectId, String path) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb #>> ?::text[] FROM domainevententry"
                + " WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1", String.class, path, projectId);
    }

    private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(input);
        changed.put(key, value);
        return changed;
    }

    /** The baselined project's ledger's newest event, the value at this JSON path. */
    private Object lastLedgerPayload(String path) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb #>> ?::text[] FROM domainevententry"
                + " WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1", String.class, path,
                ledgerOf(baselinedProjectId));
    }

    private static String ledgerOf(String projectId) {
        return CostLedgerId.of(ProjectId.of(projectId)).toString();
    }

    /** A ledger amount is more than zero: zero is refused like a negative amount. */
    private static Hostile positive(Hostile amount) {
        boolean positive = amount.expected() instanceof BigDecimal value && value.signum() > 0;
        return new Hostile(amount.sent(), amount.acceptable() && positive, amount.expected(), amount.label());
    }

    /** A date of something that happened: a valid past day a third of the time, otherwise any date. */
    private Hostile pastOrHostileDate() {
        if (random.nextInt(3) == 0) {
            String past = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300)).toString();
            return new Hostile(past, true, past, past);
        }
        return date();
    }

    /** A change request just submitted with valid values. */
    private String submitted() {
        String id = UUID.randomUUID().toString();
        var response = send("pm", "hostileSubmitChangeRequest", Map.of("projectId", baselinedProjectId,
                "changeRequestId", id, "title", "Valid", "justification", "Valid",
                "changes", List.of(Map.of("kind", "CHANGE_BUDGET", "category", "LABOUR", "newAmount", money("1.00")))));
        assertThat(response.errors()).as("valid submission (seed %d)", seed).isEmpty();
        return id;
    }

    private String assessed() {
        String id = submitted();
        var response = send("program", "hostileAssessChangeRequest", Map.of("projectId", baselinedProjectId,
                "changeRequestId", id, "costImpact", money("1.00"), "scheduleImpactDays", 1));
        assertThat(response.errors()).as("valid assessment (seed %d)", seed).isEmpty();
        return id;
    }

    // ---- checking one hostile value ----

    private String checkText(String user, String operation, Map<String, Object> input, String field, Hostile value,
                             Kind kind, String viewPath) {
        return check(user, operation, input, field, value, kind, data -> at(data, viewPath));
    }

    private String check(String user, String operation, Map<String, Object> input, String field, Hostile value,
                         Kind kind, Function<Map<String, Object>, Object> readBack) {
        return check(user, operation, input, field, value, kind, input, readBack);
    }

    /**
     * Puts the value into {@code holder} (the input or a map nested in it), sends {@code input},
     * and checks the outcome against the rules; returns the label when accepted, else null.
     */
    private String check(String user, String operation, Map<String, Object> holder, String field, Hostile value,
                         Kind kind, Map<String, Object> input, Function<Map<String, Object>, Object> readBack) {
        holder.put(field, value.sent());
        RawGraphQl.Response response = send(user, operation, input);
        String context = operation + "." + field + " = " + value.label() + " (seed " + seed + ")";
        String code = outcome(response, context);
        if (value.acceptable()) {
            assertThat(code).as("accepted: %s, but %s", context, response.message()).isNull();
            Object stored = readBack.apply(response.body());
            assertThat(stored).as("read back of %s", context).isEqualTo(value.expected());
            return value.label();
        }
        assertThat(code).as("refused: %s", context).isEqualTo("VALIDATION_FAILED");
        assertThat(response.message()).as("message of %s", context).contains(field);
        return null;
    }

    private String checkAmount(String user, String operation, Map<String, Object> input, String field,
                               boolean negativeAllowed, Function<Map<String, Object>, Object> readBack) {
        return checkAmount(user, operation, input, field, negativeAllowed, input, readBack);
    }

    private String checkAmount(String user, String operation, Map<String, Object> holder, String field,
                               boolean negativeAllowed, Map<String, Object> input,
                               Function<Map<String, Object>, Object> readBack) {
        return checkAmount(user, operation, holder, field, amount(negativeAllowed), input, readBack);
    }

    private String checkAmount(String user, String operation, Map<String, Object> holder, String field,
                               Hostile amount, Map<String, Object> input,
                               Function<Map<String, Object>, Object> readBack) {
        holder.put(field, Map.of("amount", amount.sent(), "currency", "EUR"));
        RawGraphQl.Response response = send(user, operation, input);
        String context = operation + "." + field + " = " + amount.label() + " (seed " + seed + ")";
        String code = outcome(response, context);
        if (amount.acceptable()) {
            assertThat(code).as("accepted: %s, but %s", context, response.message()).isNull();
            assertThat(new BigDecimal(String.valueOf(readBack.apply(response.body())))).as("read back of %s", context)
                    .isEqualByComparingTo((BigDecimal) amount.expected());
            return amount.label();
        }
        assertThat(code).as("refused: %s", context).isEqualTo("VALIDATION_FAILED");
        return null;
    }

    /** Dates: malformed or out of range must be VALIDATION_FAILED; others may meet business rules. */
    private String checkNestedDate(String user, String operation, Map<String, Object> holder, String field,
                                   Map<String, Object> input) {
        return checkNestedDate(user, operation, holder, field, date(), input);
    }

    private String checkNestedDate(String user, String operation, Map<String, Object> holder, String field,
                                   Hostile date, Map<String, Object> input) {
        holder.put(field, date.sent());
        RawGraphQl.Response response = send(user, operation, input);
        String context = operation + "." + field + " = " + date.label() + " (seed " + seed + ")";
        String code = outcome(response, context);
        if (!date.acceptable()) {
            assertThat(code).as("refused: %s", context).isEqualTo("VALIDATION_FAILED");
            return null;
        }
        return code == null ? date.label() : null;
    }

    private String checkDate(String user, String operation, Map<String, Object> input, String field, String viewPath) {
        Hostile date = date();
        input.put(field, date.sent());
        RawGraphQl.Response response = send(user, operation, input);
        String context = operation + "." + field + " = " + date.label() + " (seed " + seed + ")";
        String code = outcome(response, context);
        if (!date.acceptable()) {
            assertThat(code).as("refused: %s", context).isEqualTo("VALIDATION_FAILED");
            return null;
        }
        if (code == null && viewPath != null) {
            assertThat((Object) at(response.body(), viewPath)).as("read back of %s", context).isEqualTo(date.expected());
        }
        return code == null ? date.label() : null;
    }

    private boolean checkDays(Map<String, Object> input, Function<Map<String, Object>, Object> readBack) {
        int pick = random.nextInt(9);
        Object sent = switch (pick) {
            case 0 -> 0;
            case 1 -> 3660;
            case 2 -> -3660;
            // graphql-java takes a JSON number with an integral value as an Int: 1e3 is 1000, stored as such.
            case 3 -> new Raw("1e3");
            case 4 -> 3661;
            case 5 -> Integer.MIN_VALUE;
            case 6 -> Integer.MAX_VALUE;
            case 7 -> new Raw("2147483648");
            default -> new Raw("3.5");
        };
        boolean acceptable = pick <= 3;
        Object expected = pick == 3 ? 1000 : sent;
        input.put("scheduleImpactDays", sent);
        RawGraphQl.Response response = send("program", "hostileAssessChangeRequest", input);
        String context = "scheduleImpactDays = " + sent + " (seed " + seed + ")";
        String code = outcome(response, context);
        if (acceptable) {
            assertThat(code).as("accepted: %s, but %s", context, response.message()).isNull();
            assertThat(readBack.apply(response.body())).as("read back of %s", context).isEqualTo(expected);
            return true;
        }
        assertThat(code).as("refused: %s", context).isEqualTo("VALIDATION_FAILED");
        return false;
    }

    private String checkReason(String user, String operation, Map<String, Object> input) {
        Hostile reason = optional(text(Kind.REASON, true));
        return check(user, operation, input, "reason", reason, Kind.REASON, data -> reason.expected());
    }

    /** An optional text: blank is no text, stored as null. */
    private static Hostile optional(Hostile text) {
        return isBlank(text.sent()) ? new Hostile(text.sent(), true, null, text.label()) : text;
    }

    private String checkObjectives(String user, String operation, Map<String, Object> input, String viewPath) {
        Hostile objective = text(Kind.TEXT, true);
        List<Object> sent = List.of("First objective", objective.sent());
        Hostile list = new Hostile(sent, objective.acceptable(),
                                   objective.acceptable() ? List.of("First objective", objective.expected()) : null,
                                   "[.., " + objective.label() + "]");
        return check(user, operation, input, "objectives", list, Kind.TEXT, data -> at(data, viewPath));
    }

    /** The error code, or null for a success; never INTERNAL, TIMEOUT or an error without a code. */
    private String outcome(RawGraphQl.Response response, String context) {
        String code = response.code();
        outcomes.merge(code == null ? "accepted" : code, 1, Integer::sum);
        assertThat(code).as("code of %s: %s", context, response.message())
                .isNotIn("INTERNAL", "TIMEOUT", "VIEW_OUT_OF_DATE", "NO CODE");
        if (code != null) {
            assertThat(response.message()).as("message of %s", context).doesNotContain("java.")
                    .doesNotContain("Exception").doesNotContain("SQL").doesNotContain("dev.portfolioledger");
        } else {
            assertThat(response.body().get("data")).as("data of %s", context).isNotNull();
        }
        return code;
    }

    // ---- generated values ----

    private Hostile uniqueText(Kind kind) {
        // Names of portfolios are unique; a suffix keeps generated names apart without changing their kind.
        Hostile base = text(kind, false);
        if (!base.acceptable() || !(base.sent() instanceof String sent)) {
            return base;
        }
        String token = UUID.randomUUID().toString().substring(0, 9) + " ";
        // Long names keep their length: the token replaces ten leading characters (an even count, so no pair splits).
        String unique = sent.length() + token.length() <= kind.max ? token + sent : token + sent.substring(10);
        return judge(unique, kind);
    }

    private Hostile text(Kind kind, boolean lineBreaksMeaningful) {
        String word = "Plan" + random.nextInt(1000);
        String sent = switch (random.nextInt(20)) {
            case 0, 1 -> word;
            case 2 -> "Rocket \ud83d\ude80 " + word + " \ud801\udc37";
            case 3 -> "Caf\u00e9 \u4e2d\u6587 \u00c5ngstr\u00f6m " + word;
            case 4 -> insert(word, "\u0000");
            case 5 -> insert(word, String.valueOf((char) (1 + random.nextInt(31))));
            case 6 -> insert(word, "\u007f");
            case 7 -> insert(word, "\ud800");
            case 8 -> insert(word, "\udfff");
            case 9 -> insert(word, "\udc00\ud800");
            case 10 -> word + "\ud83d";
            case 11 -> "x".repeat(kind.max - 2) + "\ud83d\ude00";
            case 12 -> "y".repeat(kind.max + 1);
            case 13 -> random.nextInt(4) == 0 ? "z".repeat(100_000) : "w".repeat(kind.max) + "!";
            case 14 -> random.nextBoolean() ? "   " : "";
            case 15 -> "  " + word + "  ";
            case 16 -> lineBreaksMeaningful ? "Line one\r\n\tline two " + word : word + "\n";
            case 17 -> word + " \u0085 \ufeff \u200b \uffff";
            case 18 -> "\ud83d\ude80".repeat(kind.max / 2);
            default -> "\ud83d\ude80".repeat(kind.max / 2) + "x";
        };
        return judge(sent, kind);
    }

    /** What the input rules (README, "Input rules") make of a text of this kind. */
    private static Hostile judge(String sent, Kind kind) {
        String label = describe(sent);
        if (isBlank(sent)) {
            return new Hostile(sent, false, null, label);
        }
        for (int i = 0; i < sent.length(); i++) {
            char c = sent.charAt(i);
            boolean control = c < 0x20 || c == 0x7F;
            if (control && !(kind.freeText && (c == '\t' || c == '\n' || c == '\r'))) {
                return new Hostile(sent, false, null, label);
            }
            if (Character.isHighSurrogate(c) && i + 1 < sent.length() && Character.isLowSurrogate(sent.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return new Hostile(sent, false, null, label);
            }
        }
        String trimmed = sent.strip();
        return new Hostile(sent, trimmed.length() <= kind.max, trimmed, label);
    }

    private Hostile amount(boolean negativeAllowed) {
        Object sent = switch (random.nextInt(18)) {
            case 0, 1 -> random.nextInt(100_000) + "." + (10 + random.nextInt(90));
            case 2 -> "0";
            case 3 -> "-" + (1 + random.nextInt(5000));
            case 4 -> "999999999999999.99";
            case 5 -> "-999999999999999.99";
            case 6 -> "1000000000000000";
            case 7 -> new Raw("1e1000000");
            case 8 -> new Raw("-1e-1000000");
            case 9 -> "1e-1000000";
            case 10 -> "-1e1000000";
            case 11 -> "0.001";
            case 12 -> "1E+3";
            case 13 -> new Raw("12345678901234.56");
            case 14 -> random.nextBoolean() ? "NaN" : "Infinity";
            case 15 -> new Raw("1e308");
            case 16 -> "1" + "0".repeat(200);
            default -> new Raw("0.10");
        };
        String text = sent instanceof Raw raw ? raw.json() : (String) sent;
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return new Hostile(sent, false, null, text);
        }
        boolean acceptable = text.length() <= 100 && value.precision() <= 34 && Math.abs(value.scale()) <= 34
                && value.stripTrailingZeros().precision() - value.stripTrailingZeros().scale() <= 15
                && value.stripTrailingZeros().scale() <= 2
                && (negativeAllowed || value.signum() >= 0);
        return new Hostile(sent, acceptable, value, text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    private Hostile date() {
        String sent = switch (random.nextInt(14)) {
            case 0, 1, 2 -> LocalDate.of(2027, 1, 4).plusDays(random.nextInt(340)).toString();
            case 3 -> "2027-02-30";
            case 4 -> "2027-04-31";
            case 5 -> "2027-02-29";
            case 6 -> "2028-02-29";
            case 7 -> "+999999999-12-31";
            case 8 -> "0001-01-01";
            case 9 -> "1899-12-31";
            case 10 -> "2200-01-01";
            case 11 -> "2027-1-4";
            case 12 -> "2027-01-04T00:00:00Z";
            default -> "20270104";
        };
        boolean acceptable;
        try {
            LocalDate parsed = LocalDate.parse(sent, STRICT_DATE);
            acceptable = sent.matches("\\d{4}-\\d{2}-\\d{2}") && !parsed.isBefore(Checks.FIRST_DATE)
                    && !parsed.isAfter(Checks.LAST_DATE);
        } catch (RuntimeException e) {
            acceptable = false;
        }
        return new Hostile(sent, acceptable, sent, sent);
    }

    private String insert(String word, String hostile) {
        int at = random.nextInt(word.length() + 1);
        return word.substring(0, at) + hostile + word.substring(at);
    }

    private static boolean isBlank(Object value) {
        return value instanceof String text && text.isBlank();
    }

    private static String describe(String value) {
        StringBuilder label = new StringBuilder();
        String shown = value.length() > 40 ? value.substring(0, 40) : value;
        for (char c : shown.toCharArray()) {
            label.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return value.length() > 40 ? label + "...(" + value.length() + " chars)" : label.toString();
    }

    // ---- reading back ----

    private RawGraphQl.Response send(String user, String operation, Map<String, ?> input) {
        return rawAs(user).execute("hostileInput", operation, Map.of("input", input));
    }

    /** Pages through the project's change requests (small pages keep each read within the cost limit). */
    private Map<String, Object> changeRequest(String id) {
        Map<String, Object> variables = new HashMap<>(Map.of("id", baselinedProjectId));
        while (true) {
            var response = rawAs("auditor").execute("hostileInput", "hostileChangeRequests", variables);
            assertThat(response.errors()).as("reading change requests (seed %d)", seed).isEmpty();
            List<Map<String, Object>> edges = response.data("project.changeRequests.edges");
            var found = edges.stream().map(edge -> RawGraphQl.Response.<Map<String, Object>>at(edge, "node"))
                    .filter(node -> id.equals(node.get("id"))).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (!Boolean.TRUE.equals(response.data("project.changeRequests.pageInfo.hasNextPage"))) {
                throw new AssertionError("change request " + id + " not in the view (seed " + seed + ")");
            }
            variables.put("after", response.data("project.changeRequests.pageInfo.endCursor"));
        }
    }

    private static List<Map<String, Object>> changes(Object request) {
        return RawGraphQl.Response.at(request, "changes");
    }

    private static Map<String, Object> deliverable(Map<String, Object> data, String id) {
        List<Map<String, Object>> deliverables = at(data, "data.addDeliverable.project.deliverables");
        return deliverables.stream().filter(d -> id.equals(d.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("deliverable " + id + " not in the view"));
    }

    private static Object milestoneName(Map<String, Object> data, String id) {
        List<Map<String, Object>> milestones = at(data, "data.scheduleMilestone.project.milestones");
        return milestones.stream().filter(m -> id.equals(m.get("id"))).map(m -> m.get("name")).findFirst()
                .orElseThrow(() -> new AssertionError("milestone " + id + " not in the view"));
    }

    private static Object field(Object map, String path) {
        return RawGraphQl.Response.at(map, path);
    }

    private static <T> T at(Map<String, Object> map, String path) {
        String full = map.containsKey("data") && !path.startsWith("data.") ? "data." + path : path;
        return RawGraphQl.Response.at(map, full);
    }

    private Map<String, Object> projectView(String projectId, Instant asOf) {
        Map<String, Object> variables = new HashMap<>(Map.of("id", projectId));
        if (asOf != null) {
            variables.put("asOf", asOf.toString());
        }
        var response = rawAs("auditor").execute("historyProjectAt", null, variables);
        assertThat(response.errors()).as("project view %s (seed %d)", projectId, seed).isEmpty();
        return response.data("project");
    }

    // ---- the end state ----

    private void awaitProcessorsAtHead() {
        Long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        long deadline = System.nanoTime() + 60_000_000_000L;
        List<String> behind = List.of();
        while (System.nanoTime() < deadline) {
            behind = new ArrayList<>();
            for (EventProcessor processor : processing.eventProcessors().values()) {
                if (processor instanceof StreamingEventProcessor streaming && (streaming.isError()
                        || streaming.processingStatus().values().stream()
                                .anyMatch(s -> s.isErrorState() || s.getCurrentPosition().orElse(-1) < head))) {
                    behind.add(processor.getName() + " " + streaming.processingStatus());
                }
            }
            if (behind.isEmpty()) {
                return;
            }
            sleep();
        }
        throw new AssertionError("processors not at the head " + head + " (seed " + seed + "): " + behind);
    }

    private long deadLetters() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE aggregateidentifier = ANY(?)",
                                         Long.class, (Object) touchedAggregates.toArray(String[]::new));
        return count == null ? 0 : count;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> money(String amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }
}
