package dev.portfolioledger.axon.command;

/**
 * What a mutation knows once its command has been handled and its events stored: the aggregate
 * it changed, the global index of that aggregate's newest event (what views must catch up to),
 * and the correlation id that every resulting event carries.
 */
public record CommandReceipt(String aggregateId, long globalIndex, String correlationId) {
}
