package dev.portfolioledger.app.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.project.ProposeProjectCommand;
import dev.portfolioledger.app.support.CommitSabotage;
import dev.portfolioledger.app.support.Concurrently;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyKeyGraphQlTest extends GraphQlIntegrationTest {

    @AfterEach
    void disarm() {
        CommitSabotage.disarm();
    }

    @Test
    void proposeProjectRetriedWithTheSameKeyStoresOneProject() {
        String portfolioId = newPortfolio();
        Map<String, Object> input = projectInput(portfolioId);
        String key = UUID.randomUUID().toString();

        String first = propose(as("pm", key), input).path("proposeProject.project.id").entity(String.class).get();
        var retry = propose(as("pm", key), input);
        retry.path("proposeProject.project.id").entity(String.class).isEqualTo(first);

        assertThat(projectsIn(portfolioId)).isEqualTo(1);
        assertThat(proposedEventsNamed(input.get("name"))).isEqualTo(1);
    }

    @Test
    void retryIsMarkedAsReplayed() throws Exception {
        String portfolioId = newPortfolio();
        String body = new ObjectMapper().writeValueAsString(Map.of(
                "query", "mutation propose($input: ProposeProjectInput!) {"
                        + " proposeProject(input: $input) { project { name id status } } }",
                "variables", Map.of("input", projectInput(portfolioId))));
        String key = UUID.randomUUID().toString();
        List<String> bodies = new ArrayList<>();
        for (String replayed : new String[] {null, "true"}) {
            var exchange = client().build().post().headers(h -> {
                        h.setBasicAuth("pm", "pm-demo");
                        h.set("Idempotency-Key", key);
                        h.set("Content-Type", "application/json");
                    }).bodyValue(body).exchange().expectStatus().isOk();
            if (replayed == null) {
                exchange.expectHeader().doesNotExist("Idempotent-Replayed");
            } else {
                exchange.expectHeader().valueEquals("Idempotent-Replayed", replayed);
            }
            bodies.add(exchange.expectBody(String.class).returnResult().getResponseBody());
        }
        // the same JSON, fields in the query's order
        assertThat(bodies.get(0)).contains("\"project\"").isEqualTo(bodies.get(1));
        assertThat(projectsIn(portfolioId)).isEqualTo(1);
    }

    @Test
    void proposeProjectWithAnotherKeyStoresAnotherProject() {
        String portfolioId = newPortfolio();
        Map<String, Object> input = projectInput(portfolioId);

        String first = propose(as("pm", UUID.randomUUID().toString()), input)
                .path("proposeProject.project.id").entity(String.class).get();
        String second = propose(as("pm", UUID.randomUUID().toString()), input)
                .path("proposeProject.project.id").entity(String.class).get();

        assertThat(second).isNotEqualTo(first);
        assertThat(projectsIn(portfolioId)).isEqualTo(2);
    }

    @Test
    void cannotReuseKeyForAnotherRequest() {
        String portfolioId = newPortfolio();
        String key = UUID.randomUUID().toString();
        propose(as("pm", key), projectInput(portfolioId)).path("proposeProject.project.id").hasValue();

        assertRefused(as("pm", key).documentName("proposeProject").variable("input", projectInput(portfolioId)),
                      "IDEMPOTENCY_KEY_REUSED");
        assertThat(projectsIn(portfolioId)).isEqualTo(1);
    }

    @Test
    void keysOfDifferentUsersNeverMeet() {
        String portfolioId = newPortfolio();
        Map<String, Object> input = projectInput(portfolioId);
        String key = UUID.randomUUID().toString();

        String byPm = propose(as("pm", key), input).path("proposeProject.project.id").entity(String.class).get();
        String byProgram = propose(as("program", key), input).path("proposeProject.project.id")
                .entity(String.class).get();

        assertThat(byProgram).isNotEqualTo(byPm);
    }

    @Test
    void startProjectRetriedWithTheSameKeyAnswersTheFirstSuccess() {
        String projectId = newProject(newPortfolio(), null);
        transition("approveProject", projectId, "pmo");
        String key = UUID.randomUUID().toString();
        long before = eventCount();

        for (int attempt = 0; attempt < 2; attempt++) {
            var response = as("pm", key).documentName("startProject").variable("input", Map.of("projectId", projectId))
                    .execute();
            response.errors().verify();
            response.path("startProject.project.status").entity(String.class).isEqualTo("ACTIVE");
        }
        assertThat(eventCount() - before).isEqualTo(1);
        // without the key the same retry is what it always was: a refused transition
        assertRefused(as("pm").documentName("startProject").variable("input", Map.of("projectId", projectId)),
                      "ILLEGAL_TRANSITION");
    }

    @Test
    void refusalIsAnsweredAgainForTheSameKey() {
        String projectId = newProject(newPortfolio(), null);
        String key = UUID.randomUUID().toString();
        // PROPOSED cannot start: the first outcome is a refusal, and stays the answer for this key
        assertRefused(as("pm", key).documentName("startProject").variable("input", Map.of("projectId", projectId)),
                      "ILLEGAL_TRANSITION");
        transition("approveProject", projectId, "pmo");
        assertRefused(as("pm", key).documentName("startProject").variable("input", Map.of("projectId", projectId)),
                      "ILLEGAL_TRANSITION");
        transition("startProject", projectId, "pm");
    }

    @Test
    void queriesIgnoreTheKey() {
        String portfolioId = newPortfolio();
        String key = UUID.randomUUID().toString();
        as("auditor", key).documentName("portfolio").variable("id", portfolioId).execute()
                .path("portfolio.id").entity(String.class).isEqualTo(portfolioId);
        // a mutation may use the key afterwards: the query left no record behind
        propose(as("pm", key), projectInput(portfolioId)).path("proposeProject.project.id").hasValue();
        Long records = jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?",
                                           Long.class, key);
        assertThat(records).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyRunOneCommand() throws Exception {
        String portfolioId = newPortfolio();
        Map<String, Object> input = projectInput(portfolioId);
        String key = UUID.randomUUID().toString();

        List<String> ids = Concurrently.run(8, () -> propose(as("pm", key), input)
                .path("proposeProject.project.id").entity(String.class).get());

        assertThat(ids).hasSize(8).containsOnly(ids.get(0));
        assertThat(projectsIn(portfolioId)).isEqualTo(1);
        assertThat(proposedEventsNamed(input.get("name"))).isEqualTo(1);
    }

    @Test
    void connectionLostBeforeCommitAnswersOutcomeUnknownAndTheRetryStoresOnce() {
        String portfolioId = newPortfolio();
        Map<String, Object> input = projectInput(portfolioId);
        String key = UUID.randomUUID().toString();
        CommitSabotage.arm(CommitSabotage.Moment.BEFORE_COMMIT, sameName(input));

        assertRefused(as("pm", key).documentName("proposeProject").variable("input", input), "OUTCOME_UNKNOWN");
        assertThat(projectsIn(portfolioId)).isZero();

        propose(as("pm", key), input).path("proposeProject.project.name").entity(String.class)
                .isEqualTo(input.get("name"));
        assertThat(projectsIn(portfolioId)).isEqualTo(1);
        assertThat(proposedEventsNamed(input.get("name"))).isEqualTo(1);
    }

    @Test
    void connectionLostAfterCommitIsAnsweredAsTheCommittedOutcomeWhenKeyed() {
        String portfolioId = newPortfolio();
        Map<String, Object> input = projectInput(portfolioId);
        String key = UUID.randomUUID().toString();
        CommitSabotage.arm(CommitSabotage.Moment.AFTER_COMMIT, sameName(input));

        // the commit's acknowledgement is lost, but the command ledger row committed with the
        // events, so the server knows the outcome after all and answers it
        String first = propose(as("pm", key), input).path("proposeProject.project.id").entity(String.class).get();
        propose(as("pm", key), input).path("proposeProject.project.id").entity(String.class).isEqualTo(first);
        assertThat(projectsIn(portfolioId)).isEqualTo(1);
        assertThat(proposedEventsNamed(input.get("name"))).isEqualTo(1);
    }

    @Test
    void retryAfterTheServerDiedBetweenCommitAndResponseStoresNothingTwice() {
        String portfolioId = newPortfolio();
        Map<String, Object> input = projectInput(portfolioId);
        String key = UUID.randomUUID().toString();
        String first = propose(as("pm", key), input).path("proposeProject.project.id").entity(String.class).get();
        // what a crash after the commit leaves behind: the command ledger row committed with the
        // events, the record still pending and its lease run out, no response
        jdbc.update("UPDATE idempotency_record SET response = NULL, lease_until = now() - interval '1 second'"
                            + " WHERE principal = 'pm' AND idempotency_key = ?", key);

        // a new random id is drawn for the retry; the ledger sends the retry to the first project
        var retry = propose(as("pm", key), input);
        retry.path("proposeProject.project.id").entity(String.class).isEqualTo(first);
        retry.path("proposeProject.project.name").entity(String.class).isEqualTo(input.get("name"));
        assertThat(projectsIn(portfolioId)).isEqualTo(1);
        assertThat(proposedEventsNamed(input.get("name"))).isEqualTo(1);
    }

    @Test
    void transitionRetriedAfterTheServerDiedIsNotRefused() {
        String projectId = newProject(newPortfolio(), null);
        transition("approveProject", projectId, "pmo");
        String key = UUID.randomUUID().toString();
        as("pm", key).documentName("startProject").variable("input", Map.of("projectId", projectId)).execute()
                .path("startProject.project.status").entity(String.class).isEqualTo("ACTIVE");
        jdbc.update("UPDATE idempotency_record SET response = NULL, lease_until = now() - interval '1 second'"
                            + " WHERE principal = 'pm' AND idempotency_key = ?", key);
        long before = eventCount();

        var retry = as("pm", key).documentName("startProject").variable("input", Map.of("projectId", projectId))
                .execute();
        retry.errors().verify();
        retry.path("startProject.project.status").entity(String.class).isEqualTo("ACTIVE");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void pendingKeyOfARunningAttemptIsAnsweredInUse() {
        String portfolioId = newPortfolio();
        Map<String, Object> input = projectInput(portfolioId);
        String key = UUID.randomUUID().toString();
        propose(as("pm", key), input).path("proposeProject.project.id").hasValue();
        // as if another attempt had just claimed the key and were still running
        jdbc.update("UPDATE idempotency_record SET response = NULL, lease_until = now() + interval '1 hour'"
                            + " WHERE principal = 'pm' AND idempotency_key = ?", key);

        assertRefused(as("pm", key).documentName("proposeProject").variable("input", input),
                      "IDEMPOTENCY_KEY_IN_USE");
    }

    @Test
    void connectionLostWithoutAKeyAnswersOutcomeUnknownNeverInternal() {
        Map<String, Object> input = projectInput(newPortfolio());
        CommitSabotage.arm(CommitSabotage.Moment.AFTER_COMMIT, sameName(input));

        as("pm").documentName("proposeProject").variable("input", input).execute().errors().satisfy(errors -> {
            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.getExtensions()).containsEntry("code", "OUTCOME_UNKNOWN");
                assertThat(error.getMessage()).contains("safe to retry with the same Idempotency-Key");
            });
        });
    }

    private GraphQlTester.Response propose(HttpGraphQlTester tester, Map<String, Object> input) {
        var response = tester.documentName("proposeProject").variable("input", input).execute();
        response.errors().verify();
        return response;
    }

    /** GraphQL over HTTP as a demo user, every request carrying this Idempotency-Key. */
    private HttpGraphQlTester as(String user, String key) {
        return HttpGraphQlTester.create(client().defaultHeaders(headers -> {
            headers.setBasicAuth(user, user + "-demo");
            headers.set("Idempotency-Key", key);
        }).build());
    }

    private long projectsIn(String portfolioId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM project_directory WHERE portfolio_id = ?::uuid",
                                         Long.class, portfolioId);
        return count == null ? 0 : count;
    }

    private long proposedEventsNamed(Object name) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry"
                        + " WHERE payloadtype = 'dev.portfolioledger.api.project.ProjectProposedEvent'"
                        + " AND convert_from(payload, 'UTF8')::jsonb ->> 'name' = ?", Long.class, name);
        return count == null ? 0 : count;
    }

    private static java.util.function.Predicate<Object> sameName(Map<String, Object> input) {
        return payload -> payload instanceof ProposeProjectCommand command && command.name().equals(input.get("name"));
    }
}
