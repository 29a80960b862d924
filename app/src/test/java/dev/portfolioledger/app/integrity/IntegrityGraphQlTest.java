package dev.portfolioledger.app.integrity;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.Processors;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.axon.integrity.Checkpoint;
import dev.portfolioledger.axon.integrity.CheckpointKeys;
import dev.portfolioledger.axon.integrity.CheckpointVerifier;
import dev.portfolioledger.axon.integrity.MerkleTree;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tamper-evident audit trail end to end: every kind of tampering done directly in PostgreSQL, as
 * someone with database access would, is found with the right kind and location; commands against a
 * tampered aggregate are refused; health goes DOWN. Other tests rebuild read models from the shared
 * event table and compare them row for row, so each test puts every row it alters back exactly as it
 * was, and verifies again that the trail is intact (which also turns health UP again).
 */
class IntegrityGraphQlTest extends GraphQlIntegrationTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String COLUMNS = "globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,"
            + " metadata, payload, payloadrevision, payloadtype, timestamp";

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void trailIsIntactBefore() {
        awaitLog();
        assertIntact();
    }

    @Test
    void editedPayloadByteIsALeafMismatchAtItsLogIndex() {
        String projectId = projectWithFourEvents();
        Map<String, Object> event = event(projectId, 1);
        try {
            jdbc.update("UPDATE domainevententry SET payload = set_byte(payload, 10, get_byte(payload, 10) # 1)"
                    + " WHERE globalindex = ?", event.get("globalindex"));
            assertThat(findings()).singleElement().satisfies(finding -> {
                assertThat(finding).containsEntry("kind", "LEAF_MISMATCH")
                        .containsEntry("location", Long.toString(logIndexOf(event)))
                        .containsEntry("eventId", event.get("eventidentifier"))
                        .containsEntry("aggregateId", projectId).containsEntry("sequenceNumber", 1);
            });
        } finally {
            restore(event);
        }
        assertIntact();
    }

    @Test
    void editedMetadataByteIsALeafMismatchAtItsLogIndex() {
        String projectId = projectWithFourEvents();
        Map<String, Object> event = event(projectId, 2);
        try {
            jdbc.update("UPDATE domainevententry SET metadata = set_byte(metadata, 3, get_byte(metadata, 3) # 32)"
                    + " WHERE globalindex = ?", event.get("globalindex"));
            assertThat(findings()).singleElement().satisfies(finding -> assertThat(finding)
                    .containsEntry("kind", "LEAF_MISMATCH")
                    .containsEntry("location", Long.toString(logIndexOf(event)))
                    .containsEntry("eventId", event.get("eventidentifier")));
        } finally {
            restore(event);
        }
        assertIntact();
    }

    @Test
    void deletedFirstEventIsAMissingLeafAndASequenceGap() {
        String projectId = projectWithFourEvents();
        Map<String, Object> first = event(projectId, 0);
        try {
            delete(first);
            List<Map<String, Object>> findings = findings();
            assertThat(findings).extracting(f -> f.get("kind")).containsExactly("MISSING_LEAF", "SEQUENCE_GAP");
            assertThat(findings.get(0)).containsEntry("location", Long.toString(logIndexOf(first)))
                    .containsEntry("eventId", first.get("eventidentifier")).containsEntry("aggregateId", projectId)
                    .containsEntry("sequenceNumber", 0);
            assertThat(findings.get(1)).containsEntry("aggregateId", projectId).containsEntry("sequenceNumber", 0)
                    .containsEntry("location", Long.toString(logIndexOf(event(projectId, 1))));
        } finally {
            reinsert(first);
        }
        assertIntact();
    }

    @Test
    void deletedMiddleEventIsAMissingLeafAndASequenceGap() {
        String projectId = projectWithFourEvents();
        Map<String, Object> middle = event(projectId, 2);
        try {
            delete(middle);
            List<Map<String, Object>> findings = findings();
            assertThat(findings).extracting(f -> f.get("kind")).containsExactly("MISSING_LEAF", "SEQUENCE_GAP");
            assertThat(findings.get(0)).containsEntry("location", Long.toString(logIndexOf(middle)))
                    .containsEntry("eventId", middle.get("eventidentifier")).containsEntry("sequenceNumber", 2);
            assertThat(findings.get(1)).containsEntry("aggregateId", projectId).containsEntry("sequenceNumber", 2)
                    .containsEntry("location", Long.toString(logIndexOf(event(projectId, 3))));
        } finally {
            reinsert(middle);
        }
        assertIntact();
    }

    @Test
    void deletedLastEventIsAMissingLeaf() {
        String projectId = projectWithFourEvents();
        Map<String, Object> last = event(projectId, 3);
        try {
            delete(last);
            assertThat(findings()).singleElement().satisfies(finding -> assertThat(finding)
                    .containsEntry("kind", "MISSING_LEAF")
                    .containsEntry("location", Long.toString(logIndexOf(last)))
                    .containsEntry("eventId", last.get("eventidentifier"))
                    .containsEntry("aggregateId", projectId).containsEntry("sequenceNumber", 3));
        } finally {
            reinsert(last);
        }
        assertIntact();
    }

    @Test
    void insertedEventIsAnUnexpectedLeafAtItsGlobalIndex() {
        String projectId = projectWithFourEvents();
        Map<String, Object> inserted = new HashMap<>(event(projectId, 3));
        long free = freeGlobalIndexBelowTheHead();
        inserted.put("globalindex", free);
        inserted.put("sequencenumber", 4L);
        inserted.put("eventidentifier", UUID.randomUUID().toString());
        try {
            reinsert(inserted);
            assertThat(findings()).singleElement().satisfies(finding -> assertThat(finding)
                    .containsEntry("kind", "UNEXPECTED_LEAF")
                    .containsEntry("location", Long.toString(free))
                    .containsEntry("globalIndex", Long.toString(free))
                    .containsEntry("eventId", inserted.get("eventidentifier"))
                    .containsEntry("aggregateId", projectId).containsEntry("sequenceNumber", 4));
        } finally {
            delete(inserted);
        }
        assertIntact();
    }

    @Test
    void swappedEventsAreOrderChangesAtBothLogIndexes() {
        String projectId = projectWithFourEvents();
        Map<String, Object> one = event(projectId, 1);
        Map<String, Object> two = event(projectId, 2);
        try {
            swapGlobalIndexes(one, two);
            assertThat(findings()).extracting(f -> f.get("kind"), f -> f.get("location"), f -> f.get("eventId"))
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("ORDER_CHANGED", Long.toString(logIndexOf(one)),
                                    one.get("eventidentifier")),
                            org.assertj.core.groups.Tuple.tuple("ORDER_CHANGED", Long.toString(logIndexOf(two)),
                                    two.get("eventidentifier")));
        } finally {
            swapGlobalIndexes(one, two);
        }
        assertThat(event(projectId, 1)).usingRecursiveComparison().isEqualTo(one);
        assertIntact();
    }

    @Test
    void changedEventTypeIsALeafMismatchAtItsLogIndex() {
        String projectId = projectWithFourEvents();
        Map<String, Object> event = event(projectId, 1);
        try {
            jdbc.update("UPDATE domainevententry SET payloadtype = 'dev.portfolioledger.api.project.DeliverableRemovedEvent'"
                    + " WHERE globalindex = ?", event.get("globalindex"));
            assertThat(findings()).singleElement().satisfies(finding -> assertThat(finding)
                    .containsEntry("kind", "LEAF_MISMATCH")
                    .containsEntry("location", Long.toString(logIndexOf(event)))
                    .containsEntry("eventId", event.get("eventidentifier")).containsEntry("aggregateId", projectId));
        } finally {
            restore(event);
        }
        assertIntact();
    }

    @Test
    void forgedCheckpointIsABadSignatureAtItsTreeSize() {
        projectWithFourEvents();
        Map<String, Object> signed = sign();
        long number = ((Number) signed.get("number")).longValue();
        byte[] root = jdbc.queryForObject("SELECT root_hash FROM integrity_checkpoint WHERE id = ?", byte[].class, number);
        try {
            byte[] forged = root.clone();
            forged[0] ^= 1;
            jdbc.update("UPDATE integrity_checkpoint SET root_hash = ? WHERE id = ?", forged, number);
            assertThat(findings()).filteredOn(f -> f.get("kind").equals("BAD_SIGNATURE")).singleElement()
                    .satisfies(finding -> assertThat(finding)
                            .containsEntry("location", signed.get("treeSize").toString())
                            .containsEntry("treeSize", signed.get("treeSize")));
        } finally {
            jdbc.update("UPDATE integrity_checkpoint SET root_hash = ? WHERE id = ?", root, number);
        }
        assertIntact();
    }

    @Test
    void truncatedCheckpointTableIsFoundFromTheCheckpointFiles() {
        Map<String, Object> earlier = sign();
        projectWithFourEvents();
        awaitLog();
        Map<String, Object> latest = sign();
        long number = ((Number) latest.get("number")).longValue();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM integrity_checkpoint WHERE id = ?", number);
        try {
            jdbc.update("DELETE FROM integrity_checkpoint WHERE id = ?", number);
            assertThat(findings()).singleElement().satisfies(finding -> assertThat(finding)
                    .containsEntry("kind", "TRUNCATED_CHECKPOINTS")
                    .containsEntry("location", earlier.get("treeSize").toString()));
        } finally {
            jdbc.update("INSERT INTO integrity_checkpoint (id, tree_size, root_hash, issued_at, previous_checkpoint_hash,"
                            + " signature, checkpoint_hash) VALUES (?, ?, ?, ?, ?, ?, ?)", row.get("id"),
                    row.get("tree_size"), row.get("root_hash"), row.get("issued_at"),
                    row.get("previous_checkpoint_hash"), row.get("signature"), row.get("checkpoint_hash"));
        }
        assertIntact();
    }

    @Test
    void commandsAgainstATamperedAggregateAreRefusedAndHealthIsDown() {
        String tampered = projectWithFourEvents();
        String untouched = projectWithFourEvents();
        Map<String, Object> event = event(tampered, 3);
        try {
            delete(event);
            assertThat(findings()).isNotEmpty();
            assertRefused(as("pm").documentName("addDeliverable").variable("input", deliverable(tampered, "Again")),
                    "INTEGRITY_VIOLATION");
            assertThat(eventCountOf(tampered)).isEqualTo(3);
            addDeliverable(untouched, "Still fine");
            health().expectStatus().isEqualTo(503).expectBody()
                    .jsonPath("$.status").isEqualTo("DOWN")
                    .jsonPath("$.components.integrity.status").isEqualTo("DOWN")
                    .jsonPath("$.components.integrity.details.firstFindings[0].kind").isEqualTo("MISSING_LEAF");
        } finally {
            reinsert(event);
        }
        assertIntact();
        health().expectStatus().isOk().expectBody().jsonPath("$.components.integrity.status").isEqualTo("UP");
        addDeliverable(tampered, "After the repair");
    }

    @Test
    void inclusionAndConsistencyProofsVerifyWithTheMerkleFunctions() {
        Map<String, Object> earlier = sign();
        String projectId = projectWithFourEvents();
        awaitLog();
        Map<String, Object> latest = sign();
        Map<String, Object> event = event(projectId, 2);

        Map<String, Object> proof = as("auditor").documentName("auditProof")
                .variable("eventId", event.get("eventidentifier")).execute()
                .path("auditProof").entity(mapType()).get();
        Map<String, Object> byStream = as("pmo").documentName("auditProof").variable("aggregateId", projectId)
                .variable("sequenceNumber", 2).execute().path("auditProof").entity(mapType()).get();
        assertThat(byStream).isEqualTo(proof);
        assertThat(proof).containsEntry("logIndex", (int) logIndexOf(event)).containsEntry("sequenceNumber", 2)
                .containsEntry("globalIndex", event.get("globalindex").toString());

        @SuppressWarnings("unchecked")
        Map<String, Object> checkpoint = (Map<String, Object>) proof.get("checkpoint");
        assertThat(checkpoint).isEqualTo(latest);
        byte[] leafHash = HEX.parseHex((String) proof.get("leafHash"));
        assertThat(MerkleTree.hashLeaf(HEX.parseHex((String) proof.get("leaf")))).isEqualTo(leafHash);
        List<byte[]> path = hashes(proof.get("inclusionProof"));
        long treeSize = ((Number) checkpoint.get("treeSize")).longValue();
        byte[] root = HEX.parseHex((String) checkpoint.get("rootHash"));
        long logIndex = logIndexOf(event);
        assertThat(MerkleTree.verifyInclusion(logIndex, treeSize, leafHash, path, root)).isTrue();
        path.get(0)[7] ^= 0x10;
        assertThat(MerkleTree.verifyInclusion(logIndex, treeSize, leafHash, path, root)).isFalse();

        CheckpointVerifier verifier = new CheckpointVerifier(CheckpointKeys.readPublicKey(publicKey()));
        assertThat(verifier.hasValidSignature(checkpoint(checkpoint))).isTrue();
        assertThat(HEX.formatHex(checkpoint(checkpoint).hash())).isEqualTo(checkpoint.get("hash"));

        long from = ((Number) earlier.get("treeSize")).longValue();
        Map<String, Object> consistency = as("auditor").documentName("consistencyProof")
                .variable("fromTreeSize", from).execute().path("consistencyProof").entity(mapType()).get();
        assertThat(consistency).containsEntry("toTreeSize", (int) treeSize)
                .containsEntry("fromRoot", earlier.get("rootHash")).containsEntry("toRoot", latest.get("rootHash"));
        List<byte[]> consistencyPath = hashes(consistency.get("proof"));
        assertThat(MerkleTree.verifyConsistency(from, treeSize, HEX.parseHex((String) earlier.get("rootHash")), root,
                consistencyPath)).isTrue();
        assertThat(consistencyPath).isNotEmpty();
        consistencyPath.get(consistencyPath.size() - 1)[0] ^= 1;
        assertThat(MerkleTree.verifyConsistency(from, treeSize, HEX.parseHex((String) earlier.get("rootHash")), root,
                consistencyPath)).isFalse();
    }

    @Test
    void lateCommittedEventIsAppendedAfterLaterOnesAndTheTrailStaysIntact() throws Exception {
        String portfolioId = newPortfolio();
        String lateId = UUID.randomUUID().toString();
        long lateIndex;
        try (Connection late = dataSource.getConnection()) {
            late.setAutoCommit(false);
            try (PreparedStatement insert = late.prepareStatement("INSERT INTO domainevententry (aggregateidentifier,"
                    + " sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)"
                    + " SELECT ?, 0, type, ?, metadata, payload, payloadrevision, payloadtype, ? FROM domainevententry"
                    + " WHERE aggregateidentifier = ? AND sequencenumber = 0 RETURNING globalindex")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, lateId);
                insert.setString(3, Instant.now().toString());
                insert.setString(4, portfolioId);
                try (var rows = insert.executeQuery()) {
                    rows.next();
                    lateIndex = rows.getLong(1);
                }
            }
            String later = newPortfolio();
            awaitLog();
            assertThat(leafOf(lateId)).isNull();
            late.commit();
            Long laterLogIndex = jdbc.queryForObject("SELECT log_index FROM integrity_leaf WHERE aggregate_identifier = ?",
                    Long.class, later);
            awaitLeaf(lateId);
            Map<String, Object> leaf = leafOf(lateId);
            assertThat(leaf.get("global_index")).isEqualTo(lateIndex);
            assertThat((Long) leaf.get("log_index")).isGreaterThan(laterLogIndex);
        }
        assertIntact();
    }

    @Test
    void integrityGroupIsNeverRebuilt() {
        assertRefused(as("ops").documentName("rebuildProjection")
                .variable("input", Map.of("processingGroup", ProcessingGroups.INTEGRITY)), "VALIDATION_FAILED");
    }

    @Test
    void onlyAuditorsAndThePmoVerifyAndOnlyOperatorsAndThePmoSign() {
        assertRefused(as("member").documentName("verifyAuditTrail"), "FORBIDDEN");
        assertRefused(as("ops").documentName("auditProof").variable("eventId", "x"), "FORBIDDEN");
        assertRefused(as("auditor").documentName("createAuditCheckpoint"), "FORBIDDEN");
        as("ops").documentName("createAuditCheckpoint").execute().path("createAuditCheckpoint.checkpoint.number")
                .hasValue();
        assertThat(publicKey()).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    // --- helpers

    private String projectWithFourEvents() {
        String projectId = newProject(newPortfolio(), null);
        for (int i = 1; i <= 3; i++) {
            addDeliverable(projectId, "Part " + i);
        }
        awaitLog();
        return projectId;
    }

    private void addDeliverable(String projectId, String name) {
        as("pm").documentName("addDeliverable").variable("input", deliverable(projectId, name)).execute()
                .path("addDeliverable.correlationId").hasValue();
    }

    private static Map<String, Object> deliverable(String projectId, String name) {
        Map<String, Object> input = new HashMap<>();
        input.put("projectId", projectId);
        input.put("name", name);
        input.put("plannedCost", Map.of("amount", "100", "currency", "EUR"));
        input.put("plannedStart", "2027-01-04");
        input.put("plannedFinish", "2027-02-26");
        return input;
    }

    private void awaitLog() {
        new Processors(processing, jdbc).awaitHead(ProcessingGroups.INTEGRITY);
    }

    private Map<String, Object> sign() {
        awaitLog();
        return as("ops").documentName("createAuditCheckpoint").execute()
                .path("createAuditCheckpoint.checkpoint").entity(mapType()).get();
    }

    private List<Map<String, Object>> findings() {
        return as("auditor").documentName("verifyAuditTrail").execute()
                .path("verifyAuditTrail.findings").entityList(mapType()).get();
    }

    private void assertIntact() {
        var verification = as("pmo").documentName("verifyAuditTrail").execute();
        verification.path("verifyAuditTrail.findings").entityList(mapType()).hasSize(0);
        verification.path("verifyAuditTrail.intact").entity(Boolean.class).isEqualTo(true);
        verification.path("verifyAuditTrail.complete").entity(Boolean.class).isEqualTo(true);
    }

    private Map<String, Object> event(String aggregateId, long sequence) {
        return jdbc.queryForMap("SELECT " + COLUMNS + " FROM domainevententry WHERE aggregateidentifier = ?"
                + " AND sequencenumber = ?", aggregateId, sequence);
    }

    private long eventCountOf(String aggregateId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, aggregateId);
        return count == null ? 0 : count;
    }

    private long logIndexOf(Map<String, Object> event) {
        Long index = jdbc.queryForObject("SELECT log_index FROM integrity_leaf WHERE event_identifier = ?", Long.class,
                event.get("eventidentifier"));
        return index == null ? -1 : index;
    }

    private Map<String, Object> leafOf(String eventId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM integrity_leaf WHERE event_identifier = ?",
                eventId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void awaitLeaf(String eventId) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (leafOf(eventId) == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(leafOf(eventId)).as("leaf of " + eventId).isNotNull();
    }

    /** Puts the row's stored columns back as they were. */
    private void restore(Map<String, Object> event) {
        int restored = jdbc.update("UPDATE domainevententry SET aggregateidentifier = ?, sequencenumber = ?, type = ?,"
                        + " eventidentifier = ?, metadata = ?, payload = ?, payloadrevision = ?, payloadtype = ?,"
                        + " timestamp = ? WHERE globalindex = ?", event.get("aggregateidentifier"),
                event.get("sequencenumber"), event.get("type"), event.get("eventidentifier"), event.get("metadata"),
                event.get("payload"), event.get("payloadrevision"), event.get("payloadtype"), event.get("timestamp"),
                event.get("globalindex"));
        assertThat(restored).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT " + COLUMNS + " FROM domainevententry WHERE globalindex = ?",
                event.get("globalindex"))).usingRecursiveComparison().isEqualTo(event);
    }

    private void delete(Map<String, Object> event) {
        assertThat(jdbc.update("DELETE FROM domainevententry WHERE globalindex = ?", event.get("globalindex")))
                .isEqualTo(1);
    }

    private void reinsert(Map<String, Object> event) {
        jdbc.update("INSERT INTO domainevententry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.get("globalindex"), event.get("aggregateidentifier"), event.get("sequencenumber"),
                event.get("type"), event.get("eventidentifier"), event.get("metadata"), event.get("payload"),
                event.get("payloadrevision"), event.get("payloadtype"), event.get("timestamp"));
    }

    /** Swaps the two rows' places in the event table (their global indexes), through a free negative index. */
    private void swapGlobalIndexes(Map<String, Object> one, Map<String, Object> two) {
        Object first = one.get("globalindex");
        Object second = two.get("globalindex");
        jdbc.update("UPDATE domainevententry SET globalindex = -1 - ? WHERE globalindex = ?", first, first);
        jdbc.update("UPDATE domainevententry SET globalindex = ? WHERE globalindex = ?", first, second);
        jdbc.update("UPDATE domainevententry SET globalindex = ? WHERE globalindex = -1 - ?", second, first);
    }

    /**
     * A global index no event has, below the newest event's: where an insertion behind the log's
     * back goes. Not a gap between stored events: a recent gap (a rolled-back insert, such as a
     * lost race between instances) is one the processors still wait for, and a row filling it is a
     * late commit they deliver, not an insertion. Below the first event no token ever waits.
     */
    private long freeGlobalIndexBelowTheHead() {
        Long first = jdbc.queryForObject("SELECT min(globalindex) FROM domainevententry", Long.class);
        return (first == null ? 1 : first) - 1;
    }

    private String publicKey() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/audit/public-key").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec health() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/actuator/health").headers(h -> h.setBasicAuth("ops", "ops-demo")).exchange();
    }

    private static List<byte[]> hashes(Object hexes) {
        List<byte[]> hashes = new ArrayList<>();
        for (Object hex : (List<?>) hexes) {
            hashes.add(HEX.parseHex((String) hex));
        }
        return hashes;
    }

    private static Checkpoint checkpoint(Map<String, Object> view) {
        return new Checkpoint(((Number) view.get("treeSize")).longValue(), HEX.parseHex((String) view.get("rootHash")),
                java.time.OffsetDateTime.parse((String) view.get("issuedAt")).toInstant(), HEX.parseHex((String) view.get("previousCheckpointHash")),
                Base64.getDecoder().decode((String) view.get("signature")));
    }
}
