package dev.portfolioledger.app.deadletter;

/** Arguments of retryDeadLetters; a null sequence retries every parked sequence of the group. */
public record RetryDeadLettersInput(String processingGroup, String sequenceIdentifier) {
}
