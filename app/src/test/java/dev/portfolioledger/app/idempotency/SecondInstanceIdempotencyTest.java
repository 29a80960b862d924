package dev.portfolioledger.app.idempotency;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.SecondInstance;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key's record lives in PostgreSQL, not in an instance: a second, independent application on
 * the same database answers a retry with the first instance's outcome, and takes over a request
 * that the first instance abandoned after its commit without storing anything twice.
 */
class SecondInstanceIdempotencyTest extends GraphQlIntegrationTest {

    @Test
    void secondInstanceAnswersTheFirstInstancesOutcome() {
        String portfolioId = newPortfolio();
        Map<String, Object> replayed = projectInput(portfolioId);
        Map<String, Object> abandoned = projectInput(portfolioId);
        String replayedKey = UUID.randomUUID().toString();
        String abandonedKey = UUID.randomUUID().toString();
        String first = propose(keyed(port, replayedKey), replayed);
        String second = propose(keyed(port, abandonedKey), abandoned);
        // as a crash of this instance after the commit would leave it
        jdbc.update("UPDATE idempotency_record SET response = NULL, lease_until = now() - interval '1 second'"
                            + " WHERE principal = 'pm' AND idempotency_key = ?", abandonedKey);

        try (ConfigurableApplicationContext other = SecondInstance.start()) {
            int otherPort = SecondInstance.portOf(other);

            assertThat(propose(keyed(otherPort, replayedKey), replayed)).isEqualTo(first);
            assertThat(propose(keyed(otherPort, abandonedKey), abandoned)).isEqualTo(second);
        }
        Long projects = jdbc.queryForObject("SELECT count(*) FROM project_directory WHERE portfolio_id = ?::uuid",
                                            Long.class, portfolioId);
        assertThat(projects).isEqualTo(2);
    }

    private static String propose(HttpGraphQlTester tester, Map<String, Object> input) {
        var response = tester.documentName("proposeProject").variable("input", input).execute();
        response.errors().verify();
        return response.path("proposeProject.project.id").entity(String.class).get();
    }

    private static HttpGraphQlTester keyed(int port, String key) {
        return HttpGraphQlTester.create(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(headers -> {
                    headers.setBasicAuth("pm", "pm-demo");
                    headers.set("Idempotency-Key", key);
                }).build());
    }
}
