package dev.portfolioledger.app.integrity;

import dev.portfolioledger.axon.integrity.Checkpoint;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/** A checkpoint as the GraphQL type AuditCheckpoint shows it: hashes in hex, the signature in base64. */
public record AuditCheckpointView(long number, long treeSize, String rootHash, Instant issuedAt,
                                  String previousCheckpointHash, String signature, String hash) {

    static AuditCheckpointView of(StoredCheckpoint stored) {
        HexFormat hex = HexFormat.of();
        Checkpoint checkpoint = stored.checkpoint();
        return new AuditCheckpointView(stored.number(), checkpoint.treeSize(), hex.formatHex(checkpoint.rootHash()),
                checkpoint.issuedAt(), hex.formatHex(checkpoint.previousCheckpointHash()),
                Base64.getEncoder().encodeToString(checkpoint.signature()), hex.formatHex(checkpoint.hash()));
    }
}
