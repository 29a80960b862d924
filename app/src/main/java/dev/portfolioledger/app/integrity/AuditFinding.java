package dev.portfolioledger.app.integrity;

import dev.portfolioledger.axon.integrity.IntegrityFinding;

/**
 * One thing a verification of the audit trail found wrong, with every coordinate known of where: the
 * core's {@link IntegrityFinding} (kind, location as its kind defines it, message) and, where they apply,
 * the log index, global index, event, aggregate and sequence number, or the checkpoint's tree size.
 */
public record AuditFinding(IntegrityFinding.Kind kind, long location, String message, Long logIndex,
                           Long globalIndex, String eventIdentifier, String aggregateIdentifier,
                           Long sequenceNumber, Long treeSize) {

    static AuditFinding ofCheckpoint(IntegrityFinding finding) {
        return new AuditFinding(finding.kind(), finding.location(), finding.message(), null, null, null, null, null,
                finding.location());
    }
}
