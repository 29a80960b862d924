package dev.portfolioledger.app.audit;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AuditTrailGraphQlTest extends GraphQlIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void everyEventCarriesWhoWhenWhyAndItsCause() {
        String requestId = "audit-test-" + System.nanoTime();
        HttpGraphQlTester portfolioManager = HttpGraphQlTester.create(client()
                .defaultHeaders(h -> {
                    h.setBasicAuth("portfolio", "portfolio-demo");
                    h.set("X-Request-Id", requestId);
                }).build());
        String name = unique("Audited");
        var created = portfolioManager.documentName("createPortfolio")
                .variable("input", Map.of("name", name, "currency", "EUR", "owner", "O",
                                          "reason", "annual planning"))
                .execute();
        String portfolioId = created.path("createPortfolio.portfolio.id").entity(String.class).get();
        String correlationId = created.path("createPortfolio.correlationId").entity(String.class).get();

        List<Map<String, Object>> entries = awaitEntries(Map.of("aggregateId", portfolioId), 1);
        Map<String, Object> entry = entries.get(0);
        assertThat(entry).containsEntry("eventType", "PortfolioCreatedEvent")
                .containsEntry("aggregateId", portfolioId)
                .containsEntry("aggregateType", "Portfolio")
                .containsEntry("sequenceNumber", 0)
                .containsEntry("actor", "portfolio")
                .containsEntry("reason", "annual planning")
                .containsEntry("correlationId", correlationId)
                .containsEntry("requestId", requestId)
                .containsEntry("commandName", "CreatePortfolioCommand");
        assertThat(entry.get("causationId")).isNotNull();
        assertThat(entry.get("recordedAt")).isNotNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) entry.get("payload");
        assertThat(payload).containsEntry("name", name).containsEntry("portfolioId", portfolioId)
                .containsEntry("currency", "EUR");
    }

    @Test
    void actorCannotBeForgedThroughTheInput() {
        long events = eventCount();
        assertRefused(as("pm").documentName("createPortfolio")
                              .variable("input", Map.of("name", unique("Forged"), "currency", "EUR", "owner", "O",
                                                        "actor", "mallory")),
                      "VALIDATION_FAILED");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void actorCannotBeForgedThroughHeadersOrExtensions() {
        String portfolioId = newPortfolio();
        String name = unique("Renamed");
        Map<String, Object> body = new HashMap<>();
        body.put("query", "mutation($input: RenamePortfolioInput!) { renamePortfolio(input: $input) { portfolio { id } } }");
        body.put("variables", Map.of("input", Map.of("portfolioId", portfolioId, "name", name)));
        body.put("extensions", Map.of("actor", "mallory", "metadata", Map.of("actor", "mallory")));
        client().defaultHeaders(h -> {
                    h.setBasicAuth("portfolio", "portfolio-demo");
                    h.set("actor", "mallory");
                    h.set("X-Actor", "mallory");
                }).build()
                .post().contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.errors").doesNotExist();

        List<Map<String, Object>> entries = awaitEntries(Map.of("aggregateId", portfolioId), 2);
        assertThat(entries.get(0)).containsEntry("eventType", "PortfolioRenamedEvent")
                .containsEntry("actor", "portfolio");
        assertThat(entries.get(1)).containsEntry("actor", "pmo");
    }

    @Test
    void newestFirstAndFilterableByTypeActorAndTime() {
        Instant before = Instant.now().minusSeconds(1);
        String portfolioId = newPortfolio();
        String projectId = newProject(portfolioId, null);
        transition("approveProject", projectId, "pmo");
        transition("startProject", projectId, "pm");
        Instant after = Instant.now().plusSeconds(1);

        List<Map<String, Object>> trail = awaitEntries(Map.of("aggregateId", projectId), 4);
        assertThat(trail).extracting(e -> e.get("eventType"))
                .containsExactly("ProjectStartedEvent", "BaselineEstablishedEvent", "ProjectApprovedEvent",
                                 "ProjectProposedEvent");
        assertThat(trail).extracting(e -> e.get("sequenceNumber")).containsExactly(3, 2, 1, 0);
        assertThat(trail.get(1)).containsEntry("actor", "pmo").containsEntry("commandName", "ApproveProjectCommand");

        assertThat(entries(Map.of("aggregateId", projectId, "eventType", "ProjectApprovedEvent")))
                .singleElement().satisfies(e -> assertThat(e).containsEntry("actor", "pmo"));
        assertThat(entries(Map.of("aggregateId", projectId, "actor", "pm")))
                .extracting(e -> e.get("eventType"))
                .containsExactly("ProjectStartedEvent", "ProjectProposedEvent");
        assertThat(entries(Map.of("aggregateId", projectId, "from", before.toString(), "to", after.toString())))
                .hasSize(4);
        assertThat(entries(Map.of("aggregateId", projectId, "to", before.toString()))).isEmpty();
        assertThat(entries(Map.of("aggregateId", projectId, "from", after.toString()))).isEmpty();
    }

    @Test
    void filtersByCorrelationIdAndByRequestId() {
        String portfolioId = newPortfolio();
        String projectId = newProject(portfolioId, null);
        String otherId = newProject(portfolioId, null);
        transition("approveProject", otherId, "pmo");
        String requestId = "audit-correlation-" + System.nanoTime();
        HttpGraphQlTester pmo = HttpGraphQlTester.create(client()
                .defaultHeaders(h -> {
                    h.setBasicAuth("pmo", "pmo-demo");
                    h.set("X-Request-Id", requestId);
                }).build());
        String correlationId = pmo.document("""
                        mutation($input: ApproveProjectInput!) { approveProject(input: $input) { correlationId } }
                        """).variable("input", Map.of("projectId", projectId)).execute()
                .path("approveProject.correlationId").entity(String.class).get();
        awaitEntries(Map.of("aggregateId", projectId), 3);

        // the approval is two events of one command: both, and nothing of the other project's approval
        assertThat(entries(Map.of("correlationId", correlationId)))
                .extracting(e -> e.get("eventType"), e -> e.get("aggregateId"))
                .containsExactly(tuple("BaselineEstablishedEvent", projectId), tuple("ProjectApprovedEvent", projectId));
        assertThat(entries(Map.of("requestId", requestId)))
                .extracting(e -> e.get("eventType"))
                .containsExactly("BaselineEstablishedEvent", "ProjectApprovedEvent");
        assertThat(entries(Map.of("requestId", requestId, "eventType", "ProjectApprovedEvent")))
                .singleElement().satisfies(e -> assertThat(e).containsEntry("correlationId", correlationId));
        assertThat(entries(Map.of("correlationId", "no-such-correlation"))).isEmpty();
    }

    @Test
    void asOfAnInstantListsTheDecisionsRecordedUpToIt() {
        String projectId = newProject(newPortfolio(), null);
        transition("approveProject", projectId, "pmo");
        transition("startProject", projectId, "pm");
        List<Map<String, Object>> trail = awaitEntries(Map.of("aggregateId", projectId), 4);
        // newest first: started, baseline established, approved, proposed
        String proposedAt = (String) trail.get(3).get("recordedAt");
        String approvedAt = (String) trail.get(2).get("recordedAt");
        String startedAt = (String) trail.get(0).get("recordedAt");

        assertThat(entriesAsOf(projectId, Instant.parse(proposedAt).minusMillis(1).toString())).isEmpty();
        assertThat(entriesAsOf(projectId, proposedAt)).extracting(e -> e.get("eventType"))
                .containsExactly("ProjectProposedEvent");
        // the approval's two events are one decision: both, from the time of its first
        assertThat(entriesAsOf(projectId, approvedAt)).extracting(e -> e.get("eventType"))
                .containsExactly("BaselineEstablishedEvent", "ProjectApprovedEvent", "ProjectProposedEvent");
        assertThat(entriesAsOf(projectId, startedAt)).hasSize(4);
        assertThat(entriesAsOf(projectId, Instant.parse(startedAt).minusNanos(1000).toString()))
                .extracting(e -> e.get("eventType")).doesNotContain("ProjectStartedEvent");
    }

    private List<Map<String, Object>> entriesAsOf(String aggregateId, String asOf) {
        return as("auditor").document("""
                        query($filter: AuditTrailFilter, $asOf: DateTime) { auditTrail(filter: $filter, first: 50, asOf: $asOf) {
                          edges { node { eventType recordedAt } } } }""")
                .variable("filter", Map.of("aggregateId", aggregateId)).variable("asOf", asOf)
                .execute().path("auditTrail.edges[*].node").entityList(mapType()).get();
    }

    @Test
    void auditTrailPagesNewestFirst() {
        String projectId = newProject(newPortfolio(), null);
        transition("approveProject", projectId, "pmo");
        transition("startProject", projectId, "pm");
        awaitEntries(Map.of("aggregateId", projectId), 4);

        var first = as("auditor").documentName("auditTrail")
                .variable("filter", Map.of("aggregateId", projectId)).variable("first", 3).execute();
        first.path("auditTrail.edges[*].node.sequenceNumber").entityList(Integer.class).containsExactly(3, 2, 1);
        first.path("auditTrail.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("auditTrail.pageInfo.endCursor").entity(String.class).get();
        var second = as("auditor").documentName("auditTrail")
                .variable("filter", Map.of("aggregateId", projectId)).variable("first", 3).variable("after", cursor)
                .execute();
        second.path("auditTrail.edges[*].node.sequenceNumber").entityList(Integer.class).containsExactly(0);
        second.path("auditTrail.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void concurrentWritesKeepEachEntrysOwnGlobalIndex() throws Exception {
        // Concurrent commits land out of index order, leaving transient gaps in what a processor
        // has seen; an event that fills a gap must still be recorded at its own position.
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                created.add(senders.submit(() -> newPortfolio()));
            }
            for (Future<String> future : created) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (auditBacklog() > 0 && System.nanoTime() < deadline) {
            sleep();
        }
        assertThat(auditBacklog()).as("events not yet in the audit trail").isZero();
        Long misplaced = jdbc.queryForObject(
                "SELECT count(*) FROM audit_entry a JOIN domainevententry d ON d.eventidentifier = a.event_id"
                        + " WHERE a.global_index <> d.globalindex", Long.class);
        assertThat(misplaced).isZero();
    }

    private long auditBacklog() {
        Long missing = jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry d"
                        + " WHERE NOT EXISTS (SELECT 1 FROM audit_entry a WHERE a.event_id = d.eventidentifier)",
                Long.class);
        return missing == null ? 0 : missing;
    }

    @Test
    void eventThatFillsAGapIsRecordedAtItsOwnGlobalIndex() throws Exception {
        // Transaction A takes index N but commits only after B has committed N+1, so the processor
        // sees N+1 first (N is a gap) and later N with a token positioned at N+1.
        String eventA = UUID.randomUUID().toString();
        String eventB = UUID.randomUUID().toString();
        try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection()) {
            a.setAutoCommit(false);
            long indexA = insertProposedEvent(a, eventA);
            long indexB = insertProposedEvent(b, eventB);
            assertThat(indexB).isGreaterThan(indexA);
            awaitAuditEntry(eventB);
            a.commit();
            awaitAuditEntry(eventA);
            assertThat(jdbc.queryForObject("SELECT global_index FROM audit_entry WHERE event_id = ?", Long.class, eventA))
                    .isEqualTo(indexA);
            assertThat(jdbc.queryForObject("SELECT global_index FROM audit_entry WHERE event_id = ?", Long.class, eventB))
                    .isEqualTo(indexB);
        }
    }

    /** Appends a ProjectProposedEvent the way Axon stores it, on the given connection. */
    private long insertProposedEvent(Connection connection, String eventId) throws SQLException {
        String projectId = UUID.randomUUID().toString();
        String payload = "{\"projectId\":\"" + projectId + "\",\"portfolioId\":\"" + UUID.randomUUID()
                + "\",\"programId\":null,\"name\":\"Gap filler\",\"description\":null,\"manager\":\"m\","
                + "\"sponsor\":\"s\",\"methodology\":\"SCRUM\",\"plannedStart\":\"2027-01-01\","
                + "\"plannedFinish\":\"2027-02-01\"}";
        String metadata = "{\"actor\":\"gap-test\",\"correlationId\":\"" + eventId + "\",\"causationId\":\""
                + eventId + "\"}";
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,"
                        + " payload, payloadrevision, payloadtype, timestamp) VALUES (?, 0, 'Project', ?, ?, ?, '1',"
                        + " 'dev.portfolioledger.api.project.ProjectProposedEvent', ?) RETURNING globalindex")) {
            insert.setString(1, projectId);
            insert.setString(2, eventId);
            insert.setBytes(3, metadata.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(5, Instant.now().toString());
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void awaitAuditEntry(String eventId) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            Long count = jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE event_id = ?", Long.class, eventId);
            if (count != null && count > 0) {
                return;
            }
            sleep();
        }
        throw new AssertionError("event " + eventId + " never reached the audit trail");
    }

    private List<Map<String, Object>> entries(Map<String, Object> filter) {
        return as("auditor").documentName("auditTrail").variable("filter", filter).variable("first", 50)
                .execute().path("auditTrail.edges[*].node").entityList(mapType()).get();
    }

    /** The audit trail is its own projection; wait (bounded) until it has the expected entries. */
    private List<Map<String, Object>> awaitEntries(Map<String, Object> filter, int expected) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        List<Map<String, Object>> entries = entries(filter);
        while (entries.size() < expected && System.nanoTime() < deadline) {
            sleep();
            entries = entries(filter);
        }
        assertThat(entries).as("audit entries for %s", filter).hasSize(expected);
        return entries;
    }


    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
