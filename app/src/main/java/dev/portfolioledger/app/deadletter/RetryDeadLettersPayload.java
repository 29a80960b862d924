package dev.portfolioledger.app.deadletter;

/** What a retry achieved: sequences processed to the end, and sequences still parked. */
public record RetryDeadLettersPayload(int healed, int stillParked) {
}
