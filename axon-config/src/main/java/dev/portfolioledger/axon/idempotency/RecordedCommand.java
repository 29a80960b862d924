package dev.portfolioledger.axon.idempotency;

/**
 * A command stored under an Idempotency-Key: the aggregate it changed and the correlation id its
 * events carry, written in the command's own transaction, so it exists exactly when the command's
 * events do.
 */
public record RecordedCommand(String aggregateId, String correlationId) {
}
