package dev.portfolioledger.app.quality;

import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.Processors;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.query.asof.PointsInTime;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stakeholders, quality reviews and acceptance over real HTTP on the real database: each mutation
 * with its refusals, the stakeholder grid, a deliverable's reviews and acceptance, and the same
 * answers as of an earlier instant.
 */
class QualityGraphQlTest extends GraphQlIntegrationTest {

    /** The sponsor of the projects here: a demo user, so that they can sign in and accept. */
    private static final String SPONSOR = "lead";
    /** A stakeholder with the right to accept, registered under the demo user "approver". */
    private static final String ENTITLED = "approver";

    @Autowired
    private PointsInTime pointsInTime;

    @Autowired
    private EventProcessingConfiguration processing;

    private record Plan(String projectId, String deliverableId) {
    }

    private Plan proposedProject() {
        Map<String, Object> input = new HashMap<>(projectInput(newPortfolio()));
        input.put("sponsor", SPONSOR);
        String projectId = as("pm").documentName("proposeProject").variable("input", input)
                .execute().path("proposeProject.project.id").entity(String.class).get();
        String deliverableId = UUID.randomUUID().toString();
        as("pm").documentName("addDeliverable").variable("input", Map.of("projectId", projectId,
                "deliverableId", deliverableId, "name", "Build", "plannedCost", Map.of("amount", "48000",
                        "currency", "EUR"), "plannedStart", "2027-01-04", "plannedFinish", "2027-05-28"))
                .execute().path("addDeliverable.correlationId").hasValue();
        return new Plan(projectId, deliverableId);
    }

    private Plan activeProject() {
        Plan plan = proposedProject();
        transition("approveProject", plan.projectId(), "pmo");
        transition("startProject", plan.projectId(), "pm");
        return plan;
    }

    private static Map<String, Object> stakeholder(String projectId, String name, int interest, int influence,
                                                   boolean mayAccept, String username) {
        Map<String, Object> input = new HashMap<>();
        input.put("projectId", projectId);
        input.put("name", name);
        input.put("organisationRole", "Head of " + name);
        input.put("interest", interest);
        input.put("influence", influence);
        input.put("preferredChannel", "MEETING");
        input.put("mayAcceptDeliverables", mayAccept);
        if (username != null) {
            input.put("username", username);
        }
        return input;
    }

    private String register(Map<String, Object> input) {
        return as("pm").documentName("registerStakeholder").variable("input", input).execute()
                .path("registerStakeholder.stakeholderId").entity(String.class).get();
    }

    private static Map<String, Object> review(Plan plan, String kind, String outcome) {
        return new HashMap<>(Map.of("projectId", plan.projectId(), "deliverableId", plan.deliverableId(),
                "kind", kind, "outcome", outcome, "findings", kind + " " + outcome, "reviewer", "Quinn Tester"));
    }

    private void recordReview(Plan plan, String kind, String outcome) {
        as("pm").documentName("recordQualityReview").variable("input", review(plan, kind, outcome)).execute()
                .path("recordQualityReview.correlationId").hasValue();
    }

    private static Map<String, Object> acceptance(Plan plan) {
        return Map.of("projectId", plan.projectId(), "deliverableId", plan.deliverableId(), "note", "Signed off");
    }

    private GraphQlTester.Response quality(String projectId, Instant asOf) {
        GraphQlTester.Request<?> request = as("pm").documentName("projectQuality").variable("id", projectId);
        if (asOf != null) {
            request = request.variable("asOf", asOf.toString());
        }
        return request.execute();
    }

    private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(input);
        changed.put(key, value);
        return changed;
    }

    // --- stakeholders ---

    @Test
    void registeredStakeholdersAreListedWithTheGrid() {
        Plan plan = proposedProject();
        String carla = register(stakeholder(plan.projectId(), "Carla", 4, 5, true, ENTITLED));
        register(stakeholder(plan.projectId(), "Olga", 2, 5, false, null));
        register(stakeholder(plan.projectId(), "Ulf", 5, 1, false, null));
        register(stakeholder(plan.projectId(), "Mo", 1, 1, false, null));

        GraphQlTester.Response answer = quality(plan.projectId(), null);
        answer.path("project.stakeholders.stakeholders[*].name").entityList(String.class)
                .containsExactly("Carla", "Olga", "Ulf", "Mo");
        answer.path("project.stakeholders.stakeholders[0].id").entity(String.class).isEqualTo(carla);
        answer.path("project.stakeholders.stakeholders[0].organisationRole").entity(String.class)
                .isEqualTo("Head of Carla");
        answer.path("project.stakeholders.stakeholders[0].preferredChannel").entity(String.class).isEqualTo("MEETING");
        answer.path("project.stakeholders.stakeholders[0].mayAcceptDeliverables").entity(Boolean.class).isEqualTo(true);
        answer.path("project.stakeholders.stakeholders[0].username").entity(String.class).isEqualTo(ENTITLED);
        answer.path("project.stakeholders.stakeholders[0].registeredAt").hasValue();
        answer.path("project.stakeholders.stakeholders[0].revisedAt").valueIsNull();
        answer.path("project.stakeholders.stakeholders[*].engagement").entityList(String.class)
                .containsExactly("MANAGE_CLOSELY", "KEEP_SATISFIED", "KEEP_INFORMED", "MONITOR");
        answer.path("project.stakeholders.quadrants").entity(Map.class).isEqualTo(Map.of("manageClosely", 1,
                "keepSatisfied", 1, "keepInformed", 1, "monitor", 1));
        answer.path("project.stakeholders.grid").entityList(Map.class).hasSize(25);
        answer.path("project.stakeholders.grid[0]").entity(Map.class)
                .isEqualTo(Map.of("interest", 1, "influence", 1, "count", 1));
        // interest 4, influence 5: row 4, column 5
        answer.path("project.stakeholders.grid[19]").entity(Map.class)
                .isEqualTo(Map.of("interest", 4, "influence", 5, "count", 1));
        answer.path("project.stakeholders.grid[12].count").entity(Integer.class).isEqualTo(0);
        answer.path("project.acceptanceReview").entity(String.class).isEqualTo("UAT");
    }

    @Test
    void interestAndInfluenceAreBetweenOneAndFive() {
        Plan plan = proposedProject();
        long before = eventCount();
        for (int rating : new int[] {0, 6}) {
            assertRefused(as("pm").documentName("registerStakeholder").variable("input",
                    stakeholder(plan.projectId(), "Carla", rating, 3, false, null)), "VALIDATION_FAILED");
            assertRefused(as("pm").documentName("registerStakeholder").variable("input",
                    stakeholder(plan.projectId(), "Carla", 3, rating, false, null)), "VALIDATION_FAILED");
        }
        assertRefused(as("pm").documentName("registerStakeholder").variable("input",
                stakeholder(plan.projectId(), "Carla", 3, 3, true, null)), "VALIDATION_FAILED");
        assertRefused(as("pm").documentName("registerStakeholder").variable("input",
                stakeholder(plan.projectId(), " ", 3, 3, false, null)), "VALIDATION_FAILED");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void updateStakeholderRevisesTheDetails() {
        Plan plan = proposedProject();
        String ulf = register(stakeholder(plan.projectId(), "Ulf", 5, 1, false, null));
        Map<String, Object> promoted = with(stakeholder(plan.projectId(), "Ulf", 5, 4, true, ENTITLED),
                "stakeholderId", ulf);
        as("pm").documentName("updateStakeholder").variable("input", promoted).execute()
                .path("updateStakeholder.project.id").entity(String.class).isEqualTo(plan.projectId());
        GraphQlTester.Response answer = quality(plan.projectId(), null);
        answer.path("project.stakeholders.stakeholders[0].influence").entity(Integer.class).isEqualTo(4);
        answer.path("project.stakeholders.stakeholders[0].engagement").entity(String.class).isEqualTo("MANAGE_CLOSELY");
        answer.path("project.stakeholders.stakeholders[0].revisedAt").hasValue();
        assertThat(jdbc.queryForObject("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ?"
                + " ORDER BY sequencenumber DESC LIMIT 1", String.class, plan.projectId()))
                .endsWith("StakeholderDetailsRevisedEvent");
    }

    @Test
    void cannotUpdateAnUnknownStakeholderNorWithBadRatings() {
        Plan plan = proposedProject();
        String ulf = register(stakeholder(plan.projectId(), "Ulf", 5, 1, false, null));
        assertRefused(as("pm").documentName("updateStakeholder").variable("input", with(stakeholder(
                plan.projectId(), "Ulf", 5, 1, false, null), "stakeholderId", UUID.randomUUID().toString())), "NOT_FOUND");
        assertRefused(as("pm").documentName("updateStakeholder").variable("input", with(stakeholder(
                plan.projectId(), "Ulf", 6, 1, false, null), "stakeholderId", ulf)), "VALIDATION_FAILED");
    }

    @Test
    void stakeholdersAreManagedByWhoeverPlansProjects() {
        Plan plan = proposedProject();
        for (String user : List.of("member", "approver", "resources")) {
            assertRefused(as(user).documentName("registerStakeholder").variable("input",
                    stakeholder(plan.projectId(), "Carla", 3, 3, false, null)), "FORBIDDEN");
        }
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyNamesTheSameStakeholder() {
        Plan plan = proposedProject();
        String key = UUID.randomUUID().toString();
        Map<String, Object> input = stakeholder(plan.projectId(), "Carla", 3, 3, false, null);
        String first = as("pm").mutate().header("Idempotency-Key", key).build().documentName("registerStakeholder")
                .variable("input", input).execute().path("registerStakeholder.stakeholderId").entity(String.class).get();
        String again = as("pm").mutate().header("Idempotency-Key", key).build().documentName("registerStakeholder")
                .variable("input", input).execute().path("registerStakeholder.stakeholderId").entity(String.class).get();
        assertThat(again).isEqualTo(first);
        quality(plan.projectId(), null).path("project.stakeholders.stakeholders").entityList(Map.class).hasSize(1);
    }

    // --- the review kind acceptance needs ---

    @Test
    void theAcceptanceReviewIsChosenWhileProposed() {
        Plan plan = proposedProject();
        as("pm").documentName("requireAcceptanceReview").variable("input", Map.of("projectId", plan.projectId(),
                "kind", "TEST_PHASE")).execute()
                .path("requireAcceptanceReview.project.acceptanceReview").entity(String.class).isEqualTo("TEST_PHASE");
        transition("approveProject", plan.projectId(), "pmo");
        assertRefused(as("pm").documentName("requireAcceptanceReview").variable("input",
                Map.of("projectId", plan.projectId(), "kind", "UAT")), "BASELINE_LOCKED");
        assertRefused(as("pm").documentName("requireAcceptanceReview").variable("input",
                Map.of("projectId", plan.projectId(), "kind", "LOOKS_FINE")), "VALIDATION_FAILED");
    }

    // --- reviews and acceptance ---

    @Test
    void acceptanceNeedsAPassedReviewOfTheRequiredKindAndAnEntitledUser() {
        Plan plan = proposedProject();
        String carla = register(stakeholder(plan.projectId(), "Carla", 4, 5, true, ENTITLED));
        register(stakeholder(plan.projectId(), "Ulf", 5, 1, false, "member"));
        transition("approveProject", plan.projectId(), "pmo");
        transition("startProject", plan.projectId(), "pm");

        assertRefused(as(SPONSOR).documentName("acceptDeliverable").variable("input", acceptance(plan)),
                "REVIEW_REQUIRED");
        recordReview(plan, "UAT", "FAILED");
        assertRefused(as(SPONSOR).documentName("acceptDeliverable").variable("input", acceptance(plan)),
                "REVIEW_REQUIRED");
        recordReview(plan, "TEST_PHASE", "PASSED");
        assertRefused(as(SPONSOR).documentName("acceptDeliverable").variable("input", acceptance(plan)),
                "REVIEW_REQUIRED");
        recordReview(plan, "UAT", "PASSED");
        for (String user : List.of("member", "pm", "pmo")) {
            assertRefused(as(user).documentName("acceptDeliverable").variable("input", acceptance(plan)),
                    "ACCEPTANCE_NOT_ENTITLED");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE"
                + " '%AccessDeniedEvent' AND convert_from(payload, 'UTF8')::jsonb ->> 'target' = ?"
                + " AND convert_from(payload, 'UTF8') LIKE '%ACCEPTANCE_NOT_ENTITLED%'", Long.class, plan.projectId()))
                .as("each refusal is on record").isEqualTo(3);

        as(ENTITLED).documentName("acceptDeliverable").variable("input", acceptance(plan)).execute()
                .path("acceptDeliverable.project.id").entity(String.class).isEqualTo(plan.projectId());
        GraphQlTester.Response accepted = quality(plan.projectId(), null);
        accepted.path("project.deliverables[0].acceptance.acceptedBy").entity(String.class).isEqualTo(ENTITLED);
        accepted.path("project.deliverables[0].acceptance.capacity").entity(String.class).isEqualTo("STAKEHOLDER");
        accepted.path("project.deliverables[0].acceptance.stakeholderId").entity(String.class).isEqualTo(carla);
        accepted.path("project.deliverables[0].acceptance.review").entity(String.class).isEqualTo("UAT");
        accepted.path("project.deliverables[0].acceptance.note").entity(String.class).isEqualTo("Signed off");
        accepted.path("project.deliverables[0].acceptance.acceptedAt").hasValue();
        accepted.path("project.deliverables[0].acceptance.failedAfterAcceptance").entity(Boolean.class).isEqualTo(false);
        accepted.path("project.deliverables[0].qualityReviews[*].kind").entityList(String.class)
                .containsExactly("UAT", "TEST_PHASE", "UAT");
        accepted.path("project.deliverables[0].qualityReviews[*].outcome").entityList(String.class)
                .containsExactly("PASSED", "PASSED", "FAILED");
        accepted.path("project.deliverables[0].qualityReviews[0].recordedBy").entity(String.class).isEqualTo("pm");
        accepted.path("project.deliverables[0].qualityReviews[0].reviewer").entity(String.class)
                .isEqualTo("Quinn Tester");

        assertRefused(as(SPONSOR).documentName("acceptDeliverable").variable("input", acceptance(plan)), "CONFLICT");

        // a failed review afterwards is recorded and shown; the acceptance stands
        recordReview(plan, "UAT", "FAILED");
        GraphQlTester.Response flagged = quality(plan.projectId(), null);
        flagged.path("project.deliverables[0].acceptance.acceptedBy").entity(String.class).isEqualTo(ENTITLED);
        flagged.path("project.deliverables[0].acceptance.failedAfterAcceptance").entity(Boolean.class).isEqualTo(true);
        flagged.path("project.deliverables[0].qualityReviews[0].outcome").entity(String.class).isEqualTo("FAILED");
        flagged.path("project.deliverables[0].qualityReviews[0].afterAcceptance").entity(Boolean.class).isEqualTo(true);
        flagged.path("project.deliverables[0].qualityReviews[1].afterAcceptance").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void theSponsorAcceptsInTheirOwnRight() {
        Plan plan = activeProject();
        recordReview(plan, "UAT", "PASSED");
        as(SPONSOR).documentName("acceptDeliverable").variable("input", acceptance(plan)).execute()
                .path("acceptDeliverable.correlationId").hasValue();
        GraphQlTester.Response accepted = quality(plan.projectId(), null);
        accepted.path("project.deliverables[0].acceptance.capacity").entity(String.class).isEqualTo("SPONSOR");
        accepted.path("project.deliverables[0].acceptance.stakeholderId").valueIsNull();
    }

    @Test
    void reviewsAndAcceptanceNeedAKnownDeliverableOfARunningProject() {
        Plan proposed = proposedProject();
        assertRefused(as("pm").documentName("recordQualityReview").variable("input",
                review(proposed, "UAT", "PASSED")), "ILLEGAL_TRANSITION");
        Plan plan = activeProject();
        String unknown = UUID.randomUUID().toString();
        assertRefused(as("pm").documentName("recordQualityReview").variable("input",
                with(review(plan, "UAT", "PASSED"), "deliverableId", unknown)), "NOT_FOUND");
        assertRefused(as(SPONSOR).documentName("acceptDeliverable").variable("input",
                Map.of("projectId", plan.projectId(), "deliverableId", unknown)), "NOT_FOUND");
        assertRefused(as(SPONSOR).documentName("acceptDeliverable").variable("input",
                Map.of("projectId", plan.projectId(), "deliverableId", "not-a-uuid")), "VALIDATION_FAILED");
    }

    @Test
    void aReviewNeedsItsReviewerAndAKnownKind() {
        Plan plan = activeProject();
        long before = eventCount();
        assertRefused(as("pm").documentName("recordQualityReview").variable("input",
                with(review(plan, "UAT", "PASSED"), "reviewer", " ")), "VALIDATION_FAILED");
        assertRefused(as("pm").documentName("recordQualityReview").variable("input",
                with(review(plan, "UAT", "PASSED"), "outcome", "MAYBE")), "VALIDATION_FAILED");
        assertRefused(as("pm").documentName("recordQualityReview").variable("input",
                with(review(plan, "UAT", "PASSED"), "findings", "x".repeat(4001))), "VALIDATION_FAILED");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void reviewsAreRecordedByWhoeverReportsProgress() {
        Plan plan = activeProject();
        for (String user : List.of("member", "portfolio", "approver")) {
            assertRefused(as(user).documentName("recordQualityReview").variable("input",
                    review(plan, "UAT", "PASSED")), "FORBIDDEN");
        }
        assertRefused(as("ops").documentName("acceptDeliverable").variable("input", acceptance(plan)), "FORBIDDEN");
    }

    @Test
    void theLatestReviewsAreListedAsAsked() {
        Plan plan = activeProject();
        recordReview(plan, "DESIGN_REVIEW", "PASSED");
        recordReview(plan, "TEST_PHASE", "FAILED");
        recordReview(plan, "TEST_PHASE", "PASSED");
        as("pm").documentName("projectQuality").variable("id", plan.projectId()).variable("reviews", 2).execute()
                .path("project.deliverables[0].qualityReviews[*].kind").entityList(String.class)
                .containsExactly("TEST_PHASE", "TEST_PHASE");
        for (int first : new int[] {0, 51}) {
            assertRefused(as("pm").document("query($id: ID!, $first: Int) { project(id: $id) {"
                    + " deliverables { qualityReviews(first: $first) { kind } } } }")
                    .variable("id", plan.projectId()).variable("first", first), "VALIDATION_FAILED");
        }
    }

    // --- as of an instant ---

    @Test
    void stakeholdersReviewsAndAcceptanceAreAnsweredAsTheyWereThen() throws InterruptedException {
        Plan plan = proposedProject();
        String carla = register(stakeholder(plan.projectId(), "Carla", 4, 5, true, ENTITLED));
        transition("approveProject", plan.projectId(), "pmo");
        transition("startProject", plan.projectId(), "pm");
        recordReview(plan, "UAT", "PASSED");
        Map<String, Object> liveBeforeAcceptance = quality(plan.projectId(), null).path("project").entity(mapType()).get();
        Instant beforeAcceptance = pause();
        as(ENTITLED).documentName("acceptDeliverable").variable("input", acceptance(plan)).execute()
                .path("acceptDeliverable.correlationId").hasValue();
        as("pm").documentName("updateStakeholder").variable("input", with(stakeholder(plan.projectId(), "Carla",
                2, 2, false, null), "stakeholderId", carla)).execute().path("updateStakeholder.correlationId").hasValue();
        recordReview(plan, "UAT", "FAILED");
        Map<String, Object> liveAfter = quality(plan.projectId(), null).path("project").entity(mapType()).get();
        Instant after = pause();

        assertThat(quality(plan.projectId(), beforeAcceptance).path("project").entity(mapType()).get())
                .isEqualTo(liveBeforeAcceptance);
        assertThat(quality(plan.projectId(), after).path("project").entity(mapType()).get()).isEqualTo(liveAfter);
        quality(plan.projectId(), beforeAcceptance).path("project.deliverables[0].acceptance").valueIsNull();
        quality(plan.projectId(), beforeAcceptance).path("project.stakeholders.quadrants.manageClosely")
                .entity(Integer.class).isEqualTo(1);
        quality(plan.projectId(), after).path("project.stakeholders.quadrants.monitor").entity(Integer.class)
                .isEqualTo(1);

        // the stored history answers as the fold of the events does, at every decision's boundaries
        new Processors(processing, jdbc).awaitHead(ProcessingGroups.HISTORY);
        ProjectId projectId = ProjectId.of(plan.projectId());
        for (Instant at : jdbc.queryForList("SELECT timestamp FROM domainevententry WHERE aggregateidentifier = ?"
                + " ORDER BY globalindex", String.class, plan.projectId()).stream().map(Instant::parse).toList()) {
            for (Instant instant : List.of(at.minusNanos(1), at, at.plusNanos(1))) {
                assertThat(pointsInTime.stored(instant).quality(projectId)).as("as of %s", instant)
                        .isEqualTo(pointsInTime.folded(instant).quality(projectId));
            }
        }
    }

    /** The current instant, a little apart from the events before and after it (stored to the millisecond). */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(20);
        Instant now = Instant.now();
        Thread.sleep(20);
        return now;
    }
}
