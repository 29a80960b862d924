package dev.portfolioledger.app.integrity;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one verification of the audit trail.
 *
 * @param complete      whether the whole log was verified (no range given); only a complete verification
 *                      moves health and the command guard
 * @param fromLogIndex  first log index verified
 * @param toLogIndex    log index after the last one verified
 * @param leaves        leaves compared with their events
 * @param events        event rows read from the event table
 * @param pending       event rows the log has not reached yet (the integrity processor is behind, or a
 *                      gap is still open): not findings
 * @param checkpoints   checkpoints whose chain was verified
 * @param eventsPerSecond event rows read and hashed per second
 */
public record AuditVerification(Instant startedAt, Instant finishedAt, boolean complete, long fromLogIndex,
                                long toLogIndex, long leaves, long events, long pending, long checkpoints,
                                double eventsPerSecond, List<AuditFinding> findings) {

    public boolean intact() {
        return findings.isEmpty();
    }
}
