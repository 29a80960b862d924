package dev.portfolioledger.app.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the integration tests: the whole application on a random port, a real PostgreSQL,
 * and GraphQL over real HTTP as one of the demo users. All subclasses share one Spring context
 * (and so one set of event processors); tests keep apart by using fresh ids and names. Metrics are
 * exported as in production (Spring Boot's tests turn that off unless asked), so the one context also
 * serves the Prometheus endpoint's test.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CommitSabotage.class)
public abstract class GraphQlIntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase database = TestDatabase.get();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("portfolio.dead-letters.retry-interval", () -> "PT1H");
        for (String argument : TestIntegrity.arguments()) {
            String[] setting = argument.substring(2).split("=", 2);
            registry.add(setting[0], () -> setting[1]);
        }
    }

    /** GraphQL over HTTP as a demo user (password: the user name followed by "-demo"). */
    protected HttpGraphQlTester as(String user) {
        return HttpGraphQlTester.create(client()
                .defaultHeaders(headers -> headers.setBasicAuth(user, user + "-demo"))
                .build());
    }

    /** GraphQL over HTTP as a demo user, with a hand-written body that sends every character as given. */
    protected RawGraphQl rawAs(String user) {
        return new RawGraphQl(client().defaultHeaders(headers -> headers.setBasicAuth(user, user + "-demo")).build());
    }

    /** GraphQL over HTTP with no credentials at all. */
    protected HttpGraphQlTester anonymous() {
        return HttpGraphQlTester.create(client().build());
    }

    protected WebTestClient.Builder client() {
        // answers up to 4 MB (the introspection of the whole schema passed WebClient's default 256 KB)
        return WebTestClient.bindToServer()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(30));
    }

    /** Runs the request and asserts it failed with exactly one error carrying this code. */
    protected static void assertRefused(GraphQlTester.Request<?> request, String code) {
        request.execute().errors().satisfy(errors -> {
            assertThat(errors).as("errors").hasSize(1);
            ResponseError error = errors.get(0);
            assertThat(error.getExtensions()).as("extensions of %s", error.getMessage()).containsEntry("code", code);
            assertThat(error.getMessage()).doesNotContainIgnoringCase("exception").doesNotContain("SQL")
                    .doesNotContain("dev.portfolioledger");
        });
    }

    protected String newPortfolio() {
        return newPortfolio(unique("Portfolio"));
    }

    protected String newPortfolio(String name) {
        return as("pmo").documentName("createPortfolio")
                .variable("input", Map.of("name", name, "currency", "EUR", "owner", "Olivia Owner"))
                .execute().path("createPortfolio.portfolio.id").entity(String.class).get();
    }

    protected String newProgram(String portfolioId) {
        return as("program").documentName("createProgram")
                .variable("input", Map.of("portfolioId", portfolioId, "name", unique("Program"),
                                          "manager", "Pat Program", "objectives", List.of("Reduce cost")))
                .execute().path("createProgram.program.id").entity(String.class).get();
    }

    protected String newProject(String portfolioId, String programId) {
        Map<String, Object> input = new HashMap<>(projectInput(portfolioId));
        if (programId != null) {
            input.put("programId", programId);
        }
        return as("pm").documentName("proposeProject").variable("input", input)
                .execute().path("proposeProject.project.id").entity(String.class).get();
    }

    protected static Map<String, Object> projectInput(String portfolioId) {
        Map<String, Object> input = new HashMap<>();
        input.put("portfolioId", portfolioId);
        input.put("name", unique("Project"));
        input.put("description", "Replace the ledger");
        input.put("manager", "Max PM");
        input.put("sponsor", "Sam Sponsor");
        input.put("methodology", "SCRUM");
        input.put("plannedStart", "2027-01-04");
        input.put("plannedFinish", "2027-06-30");
        return input;
    }

    protected String transition(String mutation, String projectId, String user) {
        return as(user).documentName(mutation).variable("input", Map.of("projectId", projectId))
                .execute().path(mutation + ".project.status").entity(String.class).get();
    }

    protected long eventCount() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Events stored other than refusals on record: a refused request stores nothing of its own, but a
     * role or segregation-of-duty refusal leaves an AccessDeniedEvent (README, Refusals on record).
     */
    protected long eventCountExceptDenials() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE type IS DISTINCT FROM"
                + " 'AccessDenial'", Long.class);
        return count == null ? 0 : count;
    }

    /** The type of a JSON object read from a response, for {@code entity} and {@code entityList}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected static Class<Map<String, Object>> mapType() {
        return (Class) Map.class;
    }

    /** A name no other test uses, so tests can share the database. */
    protected static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
