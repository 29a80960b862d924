package dev.portfolioledger.app.deadletter;

/**
 * The skipped letter, the correlation id of the recorded decision, and what became of the events
 * parked behind it.
 */
public record SkipDeadLetterPayload(ParkedEvent skipped, String correlationId, int healed, int stillParked) {
}
