package dev.portfolioledger.app.integrity;

/** Result of createAuditCheckpoint. */
public record CreateAuditCheckpointPayload(AuditCheckpointView checkpoint) {
}
