package dev.portfolioledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.app.integrity.AuditCheckpoints;
import dev.portfolioledger.app.integrity.AuditTrailVerifier;
import dev.portfolioledger.app.integrity.AuditVerification;
import dev.portfolioledger.app.integrity.StoredCheckpoint;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.axon.integrity.MerkleTree;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * Issue 14's figures for the tamper-evident audit log, in the running app: a full verification of the
 * event table ({@link AuditTrailVerifier#verify}, what {@code verifyAuditTrail} runs), and the latency of
 * {@code auditProof} over GraphQL for random events, each proof checked against the signed checkpoint.
 * The log's cost on the write path is measured by the harness, which runs the gateway and GraphQL loads
 * once with the log on and once with {@code --portfolio.integrity.enabled=false}.
 */
final class IntegrityBenchmark {

    static final double TARGET_VERIFY_RATE = 50_000;
    /** Every streaming group of the app with the log on; all must be at the head before a figure is taken. */
    static final List<String> GROUPS = List.of(ProcessingGroups.VIEWS, ProcessingGroups.AUDIT, ProcessingGroups.HISTORY,
            ProcessingGroups.INTEGRITY);
    private static final String PROOF_QUERY = """
            query($eventId: ID) { auditProof(eventId: $eventId) {
              logIndex leafHash inclusionProof checkpoint { treeSize rootHash }
            } }""";
    private static final int WARM_UP_PROOFS = 20;

    record Verification(long events, long leaves, double seconds, double eventsPerSecond, boolean intact,
                        int findings) {
    }

    record Proofs(Percentiles micros, long treeSize, int verified) {
    }

    private final BenchDatabase database;
    private final ObjectMapper json = new ObjectMapper();

    IntegrityBenchmark(BenchDatabase database) {
        this.database = database;
    }

    /** Waits until every segment of each group has handled the newest stored event; false at the limit. */
    static boolean awaitHead(ConfigurableApplicationContext app, BenchDatabase database, List<String> groups,
                             Duration limit) throws Exception {
        long head = Long.parseLong(database.scalar("SELECT coalesce(max(globalindex), -1) FROM domainevententry"));
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (String group : groups) {
                Collection<EventTrackerStatus> statuses = processing.eventProcessor(group, StreamingEventProcessor.class)
                        .orElseThrow().processingStatus().values();
                all &= !statuses.isEmpty() && statuses.stream().allMatch(s -> s.isCaughtUp()
                        && s.getCurrentPosition().orElse(-1) >= head);
            }
            if (all) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** One complete verification, as the background job and {@code verifyAuditTrail} run it. */
    static Verification verify(ConfigurableApplicationContext app) {
        long start = System.nanoTime();
        AuditVerification result = app.getBean(AuditTrailVerifier.class).verify(null, null);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Verification(result.events(), result.leaves(), seconds, result.events() / seconds, result.intact(),
                result.findings().size());
    }

    /** Signs a checkpoint over the whole log, so that every event has a proof. */
    static StoredCheckpoint sign(ConfigurableApplicationContext app) {
        return app.getBean(AuditCheckpoints.class).signNow();
    }

    /**
     * {@code auditProof(eventId)} for {@code count} events drawn at random from the event table (after
     * {@link #WARM_UP_PROOFS} not counted); every answer's inclusion proof is verified against the
     * checkpoint's root with {@link MerkleTree#verifyInclusion}, and a proof that fails aborts the run.
     */
    Proofs proofs(GraphQlClient client, int count) throws Exception {
        List<String> events = randomEvents(count + WARM_UP_PROOFS);
        long[] micros = new long[events.size() - WARM_UP_PROOFS];
        HexFormat hex = HexFormat.of();
        long treeSize = 0;
        for (int i = 0; i < events.size(); i++) {
            GraphQlClient.Response response = client.post(PROOF_QUERY, "{\"eventId\":\"" + events.get(i) + "\"}");
            JsonNode proof = json.readTree(response.body()).path("data").path("auditProof");
            List<byte[]> path = new ArrayList<>();
            proof.path("inclusionProof").forEach(node -> path.add(hex.parseHex(node.asText())));
            treeSize = proof.path("checkpoint").path("treeSize").asLong();
            if (!MerkleTree.verifyInclusion(proof.path("logIndex").asLong(), treeSize,
                    hex.parseHex(proof.path("leafHash").asText()), path,
                    hex.parseHex(proof.path("checkpoint").path("rootHash").asText()))) {
                throw new IllegalStateException("the inclusion proof of event " + events.get(i) + " does not verify: "
                        + response.body());
            }
            if (i >= WARM_UP_PROOFS) {
                micros[i - WARM_UP_PROOFS] = response.micros();
            }
        }
        return new Proofs(Percentiles.of(micros), treeSize, events.size());
    }

    private List<String> randomEvents(int count) throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT eventidentifier FROM domainevententry ORDER BY random() LIMIT ?")) {
            statement.setInt(1, count);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    events.add(rs.getString(1));
                }
            }
        }
        return events;
    }
}
