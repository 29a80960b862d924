package dev.portfolioledger.app.integrity;

import java.util.List;

/** The GraphQL type AuditProof: one event's leaf and its inclusion proof against a checkpoint. */
public record AuditProofView(String eventId, String aggregateId, long sequenceNumber, String globalIndex,
                             long logIndex, String leaf, String leafHash, List<String> inclusionProof,
                             AuditCheckpointView checkpoint) {
}
