package dev.portfolioledger.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged app killed (SIGKILL) while eight clients write to it, leaving its PostgreSQL
 * running: the next start stops that orphaned server cleanly, and then every mutation that was
 * acknowledged is stored, the views show exactly what is stored, the audit
 * trail has one entry per stored event, and rebuilding the views from the events gives the
 * same views.
 *
 * <p>Each client drives projects of its own through the same six steps (propose with a
 * client-chosen id, rename, approve, start, hold, resume), one request at a time, so a project
 * has at most one mutation in flight when the app dies: what is stored afterwards is the last
 * acknowledged step, or the one after it when that was in flight and committed just before the
 * kill.
 *
 * <p>The rebuild is the cheapest honest replay: kill the app again (its PostgreSQL stays up, as
 * after any crash), delete the views processor's tokens and empty the view tables through that
 * server, start the app, and let the processor run every event again from the first.
 */
class CrashUnderLoadIT {

    private static final int CLIENTS = 8;
    private static final long LOAD_MILLIS = 4_000;
    private static final long MIN_ACKNOWLEDGED = 2L * CLIENTS;
    private static final long WAIT_NANOS = 60_000_000_000L;

    private static final String CREATE_PORTFOLIO = """
            mutation($input: CreatePortfolioInput!) {
              createPortfolio(input: $input) { portfolio { id } }
            }""";
    private static final String PROPOSE = """
            mutation($input: ProposeProjectInput!) { proposeProject(input: $input) { project { id name status } } }""";
    private static final String REVISE = """
            mutation($input: ReviseProjectDetailsInput!) { reviseProjectDetails(input: $input) { project { id name status } } }""";
    private static final String APPROVE = """
            mutation($input: ApproveProjectInput!) { approveProject(input: $input) { project { id name status } } }""";
    private static final String START = """
            mutation($input: StartProjectInput!) { startProject(input: $input) { project { id name status } } }""";
    private static final String HOLD = """
            mutation($input: PutProjectOnHoldInput!) { putProjectOnHold(input: $input) { project { id name status } } }""";
    private static final String RESUME = """
            mutation($input: ResumeProjectInput!) { resumeProject(input: $input) { project { id name status } } }""";
    private static final String PROJECT = """
            query($id: ID!) {
              project(id: $id) {
                id name description manager sponsor methodology plannedStart plannedFinish status
                cancellationReason approvedAt startedAt createdAt updatedAt
                portfolio { id } program { id } baselineVersion
                budget { total { amount currency } } deliverables { id } milestones { id }
              }
            }""";
    private static final String PORTFOLIO = """
            query($id: ID!) {
              portfolio(id: $id) { name status projectCounts { proposed approved active onHold closed cancelled total } }
            }""";

    /** The steps every driven project goes through, with the status each leaves. */
    private static final List<String> DOCUMENTS = List.of(PROPOSE, REVISE, APPROVE, START, HOLD, RESUME);
    private static final List<String> FIELDS = List.of(
            "proposeProject", "reviseProjectDetails", "approveProject", "startProject", "putProjectOnHold", "resumeProject");
    private static final List<String> STATUSES = List.of("PROPOSED", "PROPOSED", "APPROVED", "ACTIVE", "ON_HOLD", "ACTIVE");
    /** Events stored once a step is done: approval stores two (approved, baseline established). */
    private static final List<Integer> EVENTS_AFTER = List.of(1, 2, 4, 5, 6, 7);

    @TempDir
    Path workDir;
    private EmbeddedServer server;

    @AfterEach
    void stopLeftoverServer() throws Exception {
        if (server != null) {
            server.stopIfRunning();
        }
    }

    @Test
    void keepsEveryAcknowledgedMutationThroughAKillUnderLoadAndItsViewsEqualAReplay() throws Exception {
        Path jar = RunningApp.packagedJar();
        Path data = workDir.resolve("pgdata");
        server = new EmbeddedServer(data, RunningApp.freePort());
        Path log = Files.createFile(workDir.resolve("app.log"));

        Queue<DrivenProject> projects = new ConcurrentLinkedQueue<>();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        String portfolioId;
        String sentinelPortfolioId;
        RunningApp loaded = RunningApp.start(jar, data, log, server.portArgument());
        try {
            portfolioId = createPortfolio(loaded, "Under load");
            sentinelPortfolioId = createPortfolio(loaded, "Sentinels");
            AtomicBoolean killed = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.execute(() -> drive(loaded, client, portfolioId, projects, failures, killed));
            }
            // a few seconds of load, and enough acknowledged mutations to check, however slow the machine
            long loadEnd = System.currentTimeMillis() + LOAD_MILLIS;
            long giveUp = loadEnd + 4 * LOAD_MILLIS;
            while (System.currentTimeMillis() < loadEnd
                   || (acknowledged(projects) < MIN_ACKNOWLEDGED && System.currentTimeMillis() < giveUp)) {
                Thread.sleep(50);
            }
            killed.set(true);
            loaded.crash();
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).as("clients stopped").isTrue();
        } finally {
            loaded.crash();
        }

        assertThat(failures).as("failures while the app was up").isEmpty();
        assertThat(acknowledged(projects)).as("acknowledged mutations").isGreaterThanOrEqualTo(MIN_ACKNOWLEDGED);
        assertThat(projects.stream().filter(p -> p.attempted > p.acknowledged))
                .as("mutations in flight at the kill").isNotEmpty();
        ProcessHandle orphan = server.process().orElse(null);
        assertThat(orphan).as("the killed app's PostgreSQL still runs").isNotNull();

        Map<String, JsonNode> liveViews;
        JsonNode livePortfolio;
        RunningApp recovered = RunningApp.start(jar, data, log, server.portArgument());
        try {
            assertThat(orphan.isAlive()).as("the orphaned PostgreSQL was stopped").isFalse();
            assertThat(Files.readString(log)).contains("(pid " + orphan.pid() + ") of an app that is no longer running");
            awaitViewsCaughtUp(recovered, sentinelPortfolioId);
            Map<String, Integer> storedEvents = storedEventsPerAggregate();
            liveViews = new LinkedHashMap<>();
            for (DrivenProject project : projects) {
                JsonNode view = project(recovered, project.id);
                liveViews.put(project.id.toString(), view);
                int stored = storedEvents.getOrDefault(project.id.toString(), 0);
                int storedStep = EVENTS_AFTER.indexOf(stored);
                assertThat(stored == 0 || storedStep >= 0).as("events of %s: %d", project.id, stored).isTrue();
                if (stored == 0) {
                    storedStep = -1;
                }
                assertThat(storedStep).as("stored step of %s (acknowledged %d, attempted %d)", project.id,
                                          project.acknowledged, project.attempted)
                        .isIn(project.acknowledged, project.attempted);
                if (storedStep < 0) {
                    assertThat(view.isNull()).as("view of %s, never stored", project.id).isTrue();
                } else {
                    assertThat(view.path("name").asText()).as("name of %s", project.id)
                            .isEqualTo(storedStep == 0 ? project.proposedName() : project.revisedName());
                    assertThat(view.path("status").asText()).as("status of %s", project.id)
                            .isEqualTo(STATUSES.get(storedStep));
                }
            }
            livePortfolio = portfolio(recovered, portfolioId);
            awaitAuditTrailComplete();
            assertOneAuditEntryPerStoredEvent();
            assertThat(count("SELECT count(*) FROM deadletterentry")).as("dead letters").isZero();
        } finally {
            recovered.crash();
        }

        rebuildViewsFromScratch();

        RunningApp replayed = RunningApp.start(jar, data, log, server.portArgument());
        try {
            awaitViewsCaughtUp(replayed, sentinelPortfolioId);
            for (DrivenProject project : projects) {
                assertThat(project(replayed, project.id)).as("replayed view of %s", project.id)
                        .isEqualTo(liveViews.get(project.id.toString()));
            }
            assertThat(portfolio(replayed, portfolioId)).as("replayed portfolio view").isEqualTo(livePortfolio);
        } finally {
            replayed.stop();
        }
    }

    private static long acknowledged(Queue<DrivenProject> projects) {
        return projects.stream().mapToLong(p -> p.acknowledged + 1).sum();
    }

    /** One client: new projects, each driven through every step, until the app dies under it. */
    private static void drive(RunningApp app, int client, String portfolioId, Queue<DrivenProject> projects,
                              Queue<String> failures, AtomicBoolean killed) {
        for (int n = 0; ; n++) {
            DrivenProject project = new DrivenProject(UUID.randomUUID(), client, n);
            projects.add(project);
            for (int step = 0; step < DOCUMENTS.size(); step++) {
                project.attempted = step;
                JsonNode response;
                try {
                    response = app.graphQl("pmo", DOCUMENTS.get(step), Map.of("input", project.input(step, portfolioId)));
                } catch (Exception e) {
                    if (!killed.get()) {
                        failures.add(project.id + " step " + step + ": " + e);
                    }
                    return;
                }
                JsonNode status = response.at("/data/" + FIELDS.get(step) + "/project/status");
                if (!response.path("errors").isMissingNode() || !status.asText().equals(STATUSES.get(step))) {
                    failures.add(project.id + " step " + step + ": " + response);
                    return;
                }
                project.acknowledged = step;
            }
        }
    }

    /**
     * Proposes a project in each of the views processor's two segments and waits for both to
     * show: a segment handles events in store order, so then every event stored before is in
     * the views.
     */
    private static void awaitViewsCaughtUp(RunningApp app, String sentinelPortfolioId) throws Exception {
        for (int segment = 0; segment < 2; segment++) {
            UUID id = sentinelIn(segment);
            // a replay may take longer than the mutation's read-your-writes wait; the poll decides
            app.graphQl("pmo", PROPOSE, Map.of("input", Map.of(
                    "projectId", id.toString(), "portfolioId", sentinelPortfolioId, "name", "Sentinel " + id,
                    "manager", "Max PM", "sponsor", "Sam Sponsor", "methodology", "KANBAN",
                    "plannedStart", "2027-01-04", "plannedFinish", "2027-06-30")));
            long deadline = System.nanoTime() + WAIT_NANOS;
            while (project(app, id).isNull()) {
                assertThat(System.nanoTime()).as("views caught up with sentinel %s; log:%n%s", id, app.tail())
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    /** An id whose events the given segment of two handles (the segment matches the id's hash). */
    private static UUID sentinelIn(int segment) {
        UUID id;
        do {
            id = UUID.randomUUID();
        } while ((id.toString().hashCode() & 1) != segment);
        return id;
    }

    private Map<String, Integer> storedEventsPerAggregate() throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT aggregateidentifier, count(*) FROM domainevententry GROUP BY aggregateidentifier")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    /** The audit trail is a processor of its own; it catches up after the start on its own time. */
    private void awaitAuditTrailComplete() throws Exception {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (count("SELECT count(*) FROM audit_entry") < count("SELECT count(*) FROM domainevententry")) {
            assertThat(System.nanoTime()).as("audit trail caught up").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private void assertOneAuditEntryPerStoredEvent() throws SQLException {
        assertThat(count("SELECT count(*) FROM audit_entry"))
                .isEqualTo(count("SELECT count(*) FROM domainevententry"));
        assertThat(count("SELECT count(*) FROM domainevententry e "
                         + "WHERE NOT EXISTS (SELECT 1 FROM audit_entry a WHERE a.event_id = e.eventidentifier)"))
                .as("stored events without an audit entry").isZero();
        assertThat(count("SELECT count(*) FROM (SELECT aggregate_id, sequence_number FROM audit_entry "
                         + "GROUP BY aggregate_id, sequence_number HAVING count(*) > 1) duplicates"))
                .as("audit entries for the same event").isZero();
    }

    /** With the app dead and its PostgreSQL still up: the views processor starts over from the first event. */
    private void rebuildViewsFromScratch() throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM tokenentry WHERE processorname = 'views'");
            List<String> viewTables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT tablename FROM pg_tables "
                                                       + "WHERE schemaname = current_schema() AND tablename LIKE '%\\_view'")) {
                while (rs.next()) {
                    viewTables.add(rs.getString(1));
                }
            }
            assertThat(viewTables).contains("portfolio_view", "project_view");
            statement.executeUpdate("TRUNCATE " + String.join(", ", viewTables));
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = server.connect(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String createPortfolio(RunningApp app, String name) throws Exception {
        JsonNode response = app.graphQl("pmo", CREATE_PORTFOLIO, Map.of("input", Map.of(
                "name", name, "currency", "EUR", "owner", "Dana PMO")));
        assertThat(response.path("errors").isMissingNode()).as("errors: %s", response.path("errors")).isTrue();
        return response.at("/data/createPortfolio/portfolio/id").asText();
    }

    private static JsonNode project(RunningApp app, UUID id) throws Exception {
        JsonNode response = app.graphQl("auditor", PROJECT, Map.of("id", id.toString()));
        assertThat(response.path("errors").isMissingNode()).as("errors: %s", response.path("errors")).isTrue();
        return response.at("/data/project");
    }

    private static JsonNode portfolio(RunningApp app, String id) throws Exception {
        JsonNode response = app.graphQl("auditor", PORTFOLIO, Map.of("id", id));
        assertThat(response.path("errors").isMissingNode()).as("errors: %s", response.path("errors")).isTrue();
        return response.at("/data/portfolio");
    }

    /** A project one client drives; the client is the only writer of both fields. */
    private static final class DrivenProject {

        final UUID id;
        final int client;
        final int number;
        volatile int attempted = -1;
        volatile int acknowledged = -1;

        DrivenProject(UUID id, int client, int number) {
            this.id = id;
            this.client = client;
            this.number = number;
        }

        String proposedName() {
            return "Load " + client + "-" + number + " " + id;
        }

        String revisedName() {
            return "Load " + client + "-" + number + " renamed " + id;
        }

        Map<String, Object> input(int step, String portfolioId) {
            Map<String, Object> input = new HashMap<>();
            input.put("projectId", id.toString());
            switch (step) {
                case 0 -> input.putAll(details(proposedName(), portfolioId));
                case 1 -> input.putAll(details(revisedName(), null));
                default -> input.put("reason", "load step " + step);
            }
            return input;
        }

        private static Map<String, Object> details(String name, String portfolioId) {
            Map<String, Object> details = new HashMap<>(Map.of(
                    "name", name, "manager", "Max PM", "sponsor", "Sam Sponsor", "methodology", "SCRUM",
                    "plannedStart", "2027-01-04", "plannedFinish", "2027-06-30"));
            if (portfolioId != null) {
                details.put("portfolioId", portfolioId);
            }
            return details;
        }
    }
}
