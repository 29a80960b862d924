package dev.portfolioledger.app.integrity;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.axon.integrity.LeafEncoding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HexFormat;
import java.util.List;

/** Inclusion and consistency proofs from the log's tree in memory, against the latest checkpoint. */
@IntegrityEnabled
@Component
public class AuditProofs {

    private static final HexFormat HEX = HexFormat.of();

    private final IntegrityLog auditLog;
    private final AuditCheckpoints checkpoints;
    private final JdbcTemplate jdbc;

    public AuditProofs(IntegrityLog auditLog, AuditCheckpoints checkpoints, JdbcTemplate jdbc) {
        this.auditLog = auditLog;
        this.checkpoints = checkpoints;
        this.jdbc = jdbc;
    }

    /**
     * @throws RuleViolation VALIDATION_FAILED unless the event is named by id or by aggregate and
     *                       sequence; NOT_FOUND when it is not in the log or no checkpoint covers it yet
     */
    public AuditProofView inclusion(String eventId, String aggregateId, Integer sequenceNumber) {
        IntegrityLog.Leaf leaf;
        if (eventId != null && aggregateId == null && sequenceNumber == null) {
            leaf = auditLog.leafOfEvent(eventId).orElseThrow(() -> notInLog("event " + eventId));
        } else if (eventId == null && aggregateId != null && sequenceNumber != null) {
            leaf = auditLog.leafOf(aggregateId, sequenceNumber)
                    .orElseThrow(() -> notInLog("event #" + sequenceNumber + " of " + aggregateId));
        } else {
            throw new RuleViolation(ErrorCode.VALIDATION_FAILED,
                    "Name the event by eventId alone, or by aggregateId and sequenceNumber");
        }
        StoredCheckpoint checkpoint = checkpoints.latest()
                .filter(latest -> latest.checkpoint().treeSize() > leaf.logIndex())
                .orElseThrow(() -> new RuleViolation(ErrorCode.NOT_FOUND, "No checkpoint covers log index "
                        + leaf.logIndex() + " yet; one is signed at the next checkpoint interval, or on demand"
                        + " (createAuditCheckpoint)"));
        int treeSize = (int) checkpoint.checkpoint().treeSize();
        auditLog.refresh();
        List<String> proof = auditLog.inclusionProof((int) leaf.logIndex(), treeSize).stream()
                .map(HEX::formatHex).toList();
        String leafBytes = jdbc.query("SELECT " + IntegrityLogAppender.EVENT_COLUMNS
                        + " FROM domainevententry WHERE eventidentifier = ?",
                (rs, row) -> HEX.formatHex(LeafEncoding.encode(StoredEvents.read(rs))), leaf.eventIdentifier())
                .stream().findFirst().orElse(null);
        return new AuditProofView(leaf.eventIdentifier(), leaf.aggregateIdentifier(), leaf.sequenceNumber(),
                Long.toString(leaf.globalIndex()), leaf.logIndex(), leafBytes, HEX.formatHex(leaf.leafHash()), proof,
                AuditCheckpointView.of(checkpoint));
    }

    /** @throws RuleViolation VALIDATION_FAILED for sizes out of order or beyond the log */
    public ConsistencyProofView consistency(int fromTreeSize, Integer requestedToTreeSize) {
        int size = auditLog.refresh();
        int toTreeSize = requestedToTreeSize != null ? requestedToTreeSize : checkpoints.latest()
                .map(latest -> (int) latest.checkpoint().treeSize()).orElse(size);
        if (fromTreeSize < 0 || fromTreeSize > toTreeSize || toTreeSize > size) {
            throw new RuleViolation(ErrorCode.VALIDATION_FAILED, "The tree sizes must satisfy 0 <= fromTreeSize <="
                    + " toTreeSize <= " + size + " (the log's size)");
        }
        return new ConsistencyProofView(fromTreeSize, toTreeSize, HEX.formatHex(auditLog.root(fromTreeSize)),
                HEX.formatHex(auditLog.root(toTreeSize)),
                auditLog.consistencyProof(fromTreeSize, toTreeSize).stream().map(HEX::formatHex).toList());
    }

    private static RuleViolation notInLog(String what) {
        return new RuleViolation(ErrorCode.NOT_FOUND, "The audit log has no leaf for " + what + " (yet)");
    }
}
