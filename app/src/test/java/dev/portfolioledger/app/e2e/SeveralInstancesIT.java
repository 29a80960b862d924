package dev.portfolioledger.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.app.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two packaged instances on one PostgreSQL (run modes 3 and 4): commands through both at once,
 * set-based rules and optimistic concurrency across them, then a kill -9 of the instance that owns
 * the views' segments while clients keep writing through the other.
 *
 * <p>Checked against the events in the store: names stay unique across instances, conflicting
 * revisions of one project either win or answer {@code CONCURRENT_MODIFICATION} and the stream
 * holds exactly the winners, the survivor owns every segment of every pooled processor within
 * 3 s of the kill, no mutation fails or answers {@code TIMEOUT} (the takeover is shorter than the
 * read-your-writes wait), every acknowledged project shows in the views as stored, the portfolio's
 * counts (which an event applied twice would inflate) equal the stored projects, the audit trail
 * has one entry per event, and nothing is dead-lettered.
 */
class SeveralInstancesIT {

    private static final int CLIENTS_PER_INSTANCE = 3;
    private static final long LOAD_MILLIS = 3_000;
    private static final long TAKEOVER_LIMIT_MILLIS = 3_000;
    private static final long WAIT_NANOS = 60_000_000_000L;

    private static final String CREATE_PORTFOLIO = """
            mutation($input: CreatePortfolioInput!) { createPortfolio(input: $input) { portfolio { id } } }""";
    private static final String PROPOSE = """
            mutation($input: ProposeProjectInput!) { proposeProject(input: $input) { project { id name status } } }""";
    private static final String REVISE = """
            mutation($input: ReviseProjectDetailsInput!) { reviseProjectDetails(input: $input) { project { id name } } }""";
    private static final String APPROVE = """
            mutation($input: ApproveProjectInput!) { approveProject(input: $input) { project { id status } } }""";
    private static final String PROJECT = """
            query($id: ID!) { project(id: $id) { id name status } }""";
    private static final String COUNTS = """
            query($id: ID!) { portfolio(id: $id) { projectCounts { proposed approved total } } }""";

    @TempDir
    Path workDir;

    @Test
    void twoInstancesShareTheWorkAndTheSurvivorTakesOverAKilledOnesSegmentsWithinThreeSeconds() throws Exception {
        TestDatabase database = TestDatabase.get();
        Path jar = RunningApp.packagedJar();
        // one key pair for the audit log's checkpoints, as every instance of one installation must share
        Path keys = workDir.resolve("integrity-keys");
        RunningApp first = start(jar, database, "first", keys);
        // the second writes JSON logs, with the command lines at DEBUG, to check their context below
        RunningApp second = start(jar, database, "second", keys, "--logging.structured.format.console=ecs",
                "--spring.main.banner-mode=off", "--logging.level.dev.portfolioledger.axon.command=DEBUG");
        try {
            String portfolioId = createPortfolio(first);

            uniqueNamesHoldAcrossInstances(first, second);
            concurrentRevisionsOfOneProjectResolveThroughTheEventStore(first, second, portfolioId);

            Queue<String> failures = new ConcurrentLinkedQueue<>();
            Queue<Driven> driven = new ConcurrentLinkedQueue<>();
            runLoad(List.of(first, second), portfolioId, driven, failures, LOAD_MILLIS);
            assertThat(failures).as("failures with both instances up").isEmpty();

            RunningApp owner = ownerOfViews(first, second);
            RunningApp survivor = owner == first ? second : first;
            // clients on the survivor keep writing through the kill; clients on the owner die with it
            ExecutorService load = Executors.newSingleThreadExecutor();
            Future<?> survivorLoad = load.submit(() -> {
                runLoad(List.of(survivor), portfolioId, driven, failures, LOAD_MILLIS + 4_000);
                return null;
            });
            Thread.sleep(1_000);
            long killedPid = owner.pid();
            long killedAt = System.nanoTime();
            owner.crash();
            long takeoverMillis = awaitSegmentsOwnedBy(survivor.pid(), killedPid, killedAt);
            System.out.printf("SeveralInstancesIT: survivor owns every segment %d ms after the kill%n", takeoverMillis);
            assertThat(takeoverMillis).as("takeover of the killed instance's segments (ms)")
                    .isLessThanOrEqualTo(TAKEOVER_LIMIT_MILLIS);

            survivorLoad.get(2, TimeUnit.MINUTES);
            load.shutdown();
            assertThat(failures).as("failures through the survivor during and after the kill").isEmpty();

            viewsShowWhatIsStored(survivor, portfolioId, driven);
            jsonLogLinesNameTheirRequestAndDecision(workDir.resolve("second.log"));
        } finally {
            first.crash();
            second.crash();
        }
    }

    private RunningApp start(Path jar, TestDatabase database, String name, Path keys, String... more)
            throws Exception {
        Path log = Files.createFile(workDir.resolve(name + ".log"));
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--portfolio.integrity.key-directory=" + keys));
        arguments.addAll(List.of(more));
        return RunningApp.start(jar, workDir.resolve(name + "-pgdata"), log, arguments.toArray(String[]::new));
    }

    /**
     * Every line of the instance's log is one JSON object, and each line about a command names the request
     * and the correlation id its events were stored with.
     */
    private void jsonLogLinesNameTheirRequestAndDecision(Path log) throws Exception {
        ObjectMapper json = new ObjectMapper();
        int commandLines = 0;
        for (String line : Files.readAllLines(log)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry = json.readTree(line);
            assertThat(entry.isObject()).as("a JSON log line: %s", line).isTrue();
            String message = entry.path("message").asText();
            if (message.startsWith("CreatePortfolioCommand OK in")) {
                commandLines++;
                assertThat(entry.path("requestId").asText()).as("request id of %s", line).isNotBlank();
                String correlationId = entry.path("correlationId").asText();
                assertThat(count("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%PortfolioCreatedEvent' "
                        + "AND convert_from(metadata, 'UTF8') LIKE ?", "%\"correlationId\":\"" + correlationId + "\"%"))
                        .as("portfolios created under the logged correlation id %s", correlationId).isEqualTo(1);
            }
        }
        assertThat(commandLines).as("lines about portfolios created through the second instance").isPositive();
    }

    /** The same new portfolio name through both instances at once: one is created, the other refused. */
    private void uniqueNamesHoldAcrossInstances(RunningApp first, RunningApp second) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String name = "Contested " + round + " " + UUID.randomUUID();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<JsonNode>> answers = new ArrayList<>();
                for (RunningApp app : List.of(first, second)) {
                    answers.add(senders.submit(after(go, () -> app.graphQl("pmo", CREATE_PORTFOLIO, Map.of("input",
                            Map.of("name", name, "currency", "EUR", "owner", "Dana PMO"))))));
                }
                go.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<JsonNode> answer : answers) {
                    outcomes.add(outcome(answer.get(60, TimeUnit.SECONDS), "createPortfolio"));
                }
                assertThat(outcomes).as("outcomes of round %d", round).containsExactlyInAnyOrder("OK", "NAME_TAKEN");
                assertThat(count("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%PortfolioCreatedEvent' "
                        + "AND convert_from(payload, 'UTF8') LIKE ?", "%" + name + "%"))
                        .as("portfolios named %s", name).isEqualTo(1);
            }
        } finally {
            senders.shutdownNow();
        }
    }

    /** Revisions of one project through both at once: the stream holds exactly the ones that answered OK. */
    private void concurrentRevisionsOfOneProjectResolveThroughTheEventStore(
            RunningApp first, RunningApp second, String portfolioId) throws Exception {
        UUID projectId = UUID.randomUUID();
        assertThat(outcome(first.graphQl("pmo", PROPOSE, Map.of("input",
                proposal(projectId, "Revised from both " + projectId, portfolioId))), "proposeProject")).isEqualTo("OK");
        ExecutorService senders = Executors.newFixedThreadPool(2);
        int won = 0;
        int conflicts = 0;
        try {
            for (int round = 0; round < 10; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<JsonNode>> answers = new ArrayList<>();
                int r = round;
                for (RunningApp app : List.of(first, second)) {
                    String name = "Revised " + r + (app == first ? "a " : "b ") + projectId;
                    answers.add(senders.submit(after(go, () -> app.graphQl("pmo", REVISE, Map.of("input",
                            revision(projectId, name))))));
                }
                go.countDown();
                for (Future<JsonNode> answer : answers) {
                    String outcome = outcome(answer.get(60, TimeUnit.SECONDS), "reviseProjectDetails");
                    assertThat(outcome).as("revision outcome").isIn("OK", "CONCURRENT_MODIFICATION");
                    if (outcome.equals("OK")) {
                        won++;
                    } else {
                        conflicts++;
                    }
                }
            }
        } finally {
            senders.shutdownNow();
        }
        System.out.printf("SeveralInstancesIT: 20 concurrent revisions, %d stored, %d CONCURRENT_MODIFICATION%n",
                won, conflicts);
        assertThat(won).as("revisions that won").isPositive();
        assertThat(count("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", projectId.toString()))
                .as("events of the project: the proposal and every revision that answered OK").isEqualTo(1 + won);
    }

    /** Clients propose and approve projects of their own through the given instances until the time is up. */
    private static void runLoad(List<RunningApp> apps, String portfolioId, Queue<Driven> driven, Queue<String> failures,
                                long millis) throws InterruptedException {
        ExecutorService clients = Executors.newFixedThreadPool(apps.size() * CLIENTS_PER_INSTANCE);
        long end = System.currentTimeMillis() + millis;
        for (RunningApp app : apps) {
            for (int c = 0; c < CLIENTS_PER_INSTANCE; c++) {
                clients.execute(() -> {
                    while (System.currentTimeMillis() < end) {
                        Driven project = new Driven(UUID.randomUUID());
                        try {
                            JsonNode proposed = app.graphQl("pmo", PROPOSE, Map.of("input",
                                    proposal(project.id, "Load " + project.id, portfolioId)));
                            if (!outcome(proposed, "proposeProject").equals("OK")) {
                                failures.add("propose " + project.id + ": " + proposed);
                                return;
                            }
                            driven.add(project);
                            JsonNode approved = app.graphQl("pmo", APPROVE, Map.of("input",
                                    Map.of("projectId", project.id.toString(), "reason", "load")));
                            if (!outcome(approved, "approveProject").equals("OK")) {
                                failures.add("approve " + project.id + ": " + approved);
                                return;
                            }
                            project.approved = true;
                        } catch (Exception e) {
                            failures.add(project.id + ": " + e);
                            return;
                        }
                    }
                });
            }
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).as("load finished").isTrue();
    }

    /** The instance that owns the views processor's segments (the first one started claims them all). */
    private RunningApp ownerOfViews(RunningApp first, RunningApp second) throws SQLException {
        List<String> owners = new ArrayList<>();
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT owner FROM tokenentry WHERE processorname = 'views' AND owner IS NOT NULL");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                owners.add(rs.getString(1));
            }
        }
        assertThat(owners).as("owners of the views segments").isNotEmpty();
        return owners.get(0).startsWith(first.pid() + "@") ? first : second;
    }

    /**
     * Polls the token table until every segment of every pooled processor is claimed by the survivor, and
     * returns the milliseconds since the kill.
     */
    private long awaitSegmentsOwnedBy(long survivorPid, long killedPid, long killedAt) throws Exception {
        long deadline = killedAt + WAIT_NANOS;
        while (true) {
            long notOwned = count("SELECT count(*) FROM tokenentry WHERE owner IS NULL OR owner NOT LIKE ?",
                    survivorPid + "@%");
            long killedOwns = count("SELECT count(*) FROM tokenentry WHERE owner LIKE ?", killedPid + "@%");
            if (notOwned == 0 && killedOwns == 0) {
                return (System.nanoTime() - killedAt) / 1_000_000;
            }
            assertThat(System.nanoTime()).as("survivor owns every segment").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private void viewsShowWhatIsStored(RunningApp survivor, String portfolioId, Queue<Driven> driven) throws Exception {
        Map<String, String> storedStatus = new HashMap<>();
        long deadline = System.nanoTime() + WAIT_NANOS;
        for (Driven project : driven) {
            String expected = project.approved ? "APPROVED" : "PROPOSED";
            storedStatus.put(project.id.toString(), expected);
            JsonNode view = survivor.graphQl("auditor", PROJECT, Map.of("id", project.id.toString())).at("/data/project");
            while (!view.path("status").asText().equals(expected)) {
                assertThat(System.nanoTime()).as("view of %s shows %s: %s", project.id, expected, view).isLessThan(deadline);
                Thread.sleep(50);
                view = survivor.graphQl("auditor", PROJECT, Map.of("id", project.id.toString())).at("/data/project");
            }
        }
        long storedProjects = count("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%ProjectProposedEvent'");
        long storedApprovals = count("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%ProjectApprovedEvent'");
        JsonNode counts = survivor.graphQl("auditor", COUNTS, Map.of("id", portfolioId)).at("/data/portfolio/projectCounts");
        while (counts.path("total").asLong() != storedProjects || counts.path("approved").asLong() != storedApprovals) {
            assertThat(System.nanoTime()).as("portfolio counts %s against %d projects, %d approved stored",
                    counts, storedProjects, storedApprovals).isLessThan(deadline);
            Thread.sleep(100);
            counts = survivor.graphQl("auditor", COUNTS, Map.of("id", portfolioId)).at("/data/portfolio/projectCounts");
        }
        while (count("SELECT count(*) FROM audit_entry") < count("SELECT count(*) FROM domainevententry")) {
            assertThat(System.nanoTime()).as("audit trail caught up").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(count("SELECT count(*) FROM audit_entry")).as("audit entries")
                .isEqualTo(count("SELECT count(*) FROM domainevententry"));
        assertThat(count("SELECT count(*) FROM (SELECT aggregate_id, sequence_number FROM audit_entry "
                + "GROUP BY aggregate_id, sequence_number HAVING count(*) > 1) twice")).as("events audited twice").isZero();
        assertThat(count("SELECT count(*) FROM deadletterentry")).as("dead letters").isZero();
    }

    private static <T> Callable<T> after(CountDownLatch go, Callable<T> call) {
        return () -> {
            go.await();
            return call.call();
        };
    }

    /** OK, or the code of the first error. */
    private static String outcome(JsonNode response, String field) {
        JsonNode errors = response.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            return errors.get(0).at("/extensions/code").asText("NO_CODE: " + errors);
        }
        return response.at("/data/" + field).isObject() ? "OK" : "NO_DATA: " + response;
    }

    private static Map<String, Object> proposal(UUID id, String name, String portfolioId) {
        return Map.of("projectId", id.toString(), "portfolioId", portfolioId, "name", name,
                "manager", "Max PM", "sponsor", "Sam Sponsor", "methodology", "SCRUM",
                "plannedStart", "2027-01-04", "plannedFinish", "2027-06-30");
    }

    private static Map<String, Object> revision(UUID id, String name) {
        return Map.of("projectId", id.toString(), "name", name, "manager", "Max PM", "sponsor", "Sam Sponsor",
                "methodology", "SCRUM", "plannedStart", "2027-01-04", "plannedFinish", "2027-06-30");
    }

    private static String createPortfolio(RunningApp app) throws Exception {
        JsonNode response = app.graphQl("pmo", CREATE_PORTFOLIO, Map.of("input", Map.of(
                "name", "Shared by two instances", "currency", "EUR", "owner", "Dana PMO")));
        assertThat(response.path("errors").isMissingNode()).as("errors: %s", response.path("errors")).isTrue();
        return response.at("/data/createPortfolio/portfolio/id").asText();
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Connection connect() throws SQLException {
        TestDatabase database = TestDatabase.get();
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }

    /** A project one client drives; only that client writes its fields. */
    private static final class Driven {

        final UUID id;
        volatile boolean approved;

        Driven(UUID id) {
            this.id = id;
        }
    }
}
