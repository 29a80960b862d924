package dev.portfolioledger.app.idempotency;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.portfolioledger.app.support.CommitSabotage;
import dev.portfolioledger.app.support.Concurrently;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same creation sent several times at once with one client-chosen id: one succeeds, every
 * other one is told ALREADY_EXISTS (never INTERNAL), and nothing is logged as an error.
 */
class ConcurrentCreationGraphQlTest extends GraphQlIntegrationTest {

    private static final int REQUESTS = 10;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        rootLogger().addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        rootLogger().detachAppender(log);
        CommitSabotage.disarm();
    }

    @Test
    void concurrentCreateProgramWithOneIdAnswersAlreadyExistsToAllButOne() throws Exception {
        String portfolioId = newPortfolio();
        Map<String, Object> input = Map.of("programId", UUID.randomUUID().toString(), "portfolioId", portfolioId,
                                           "name", unique("Program"), "manager", "Pat Program");

        holdFirstCommitOf(input.get("programId"));
        List<String> outcomes = Concurrently.run(REQUESTS,
                () -> outcome("program", "createProgram", input));

        assertOneCreatedRestAlreadyExist(outcomes);
        assertThat(eventsOf(input.get("programId"))).isEqualTo(1);
    }

    @Test
    void concurrentProposeProjectWithOneIdAnswersAlreadyExistsToAllButOne() throws Exception {
        Map<String, Object> input = new HashMap<>(projectInput(newPortfolio()));
        input.put("projectId", UUID.randomUUID().toString());

        holdFirstCommitOf(input.get("projectId"));
        List<String> outcomes = Concurrently.run(REQUESTS,
                () -> outcome("pm", "proposeProject", input));

        assertOneCreatedRestAlreadyExist(outcomes);
        assertThat(eventsOf(input.get("projectId"))).isEqualTo(1);
    }

    @Test
    void concurrentCreatePortfolioWithOneIdAnswersAlreadyExistsToAllButOne() throws Exception {
        Map<String, Object> input = Map.of("portfolioId", UUID.randomUUID().toString(), "name", unique("Portfolio"),
                                           "currency", "EUR", "owner", "Olivia Owner");

        holdFirstCommitOf(input.get("portfolioId"));
        List<String> outcomes = Concurrently.run(REQUESTS,
                () -> outcome("pmo", "createPortfolio", input));

        assertOneCreatedRestAlreadyExist(outcomes);
        assertThat(eventsOf(input.get("portfolioId"))).isEqualTo(1);
    }

    /**
     * The first creation to be handled waits a second before its commit, so the race is certain
     * rather than a matter of timing: every other request is handled while the first one's rows
     * are written but not committed.
     */
    private static void holdFirstCommitOf(Object id) {
        CommitSabotage.arm(CommitSabotage.Moment.HOLD_BEFORE_COMMIT, payload -> payload.toString().contains(id.toString()));
    }

    /** "CREATED" or the error code the request was answered with. */
    private String outcome(String user, String mutation, Map<String, Object> input) {
        var response = as(user).documentName(mutation).variable("input", input).execute();
        String[] outcome = {"CREATED"};
        response.errors().satisfy(errors -> {
            if (!errors.isEmpty()) {
                outcome[0] = String.valueOf(errors.get(0).getExtensions().get("code"));
            }
        });
        return outcome[0];
    }

    private void assertOneCreatedRestAlreadyExist(List<String> outcomes) {
        assertThat(outcomes).filteredOn("CREATED"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.equals("CREATED")).hasSize(REQUESTS - 1)
                .containsOnly("ALREADY_EXISTS");
        assertThat(log.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    private long eventsOf(Object aggregateId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                                         Long.class, aggregateId.toString());
        return count == null ? 0 : count;
    }

    private static Logger rootLogger() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
