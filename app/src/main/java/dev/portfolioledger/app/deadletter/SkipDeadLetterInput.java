package dev.portfolioledger.app.deadletter;

/** Arguments of skipDeadLetter. */
public record SkipDeadLetterInput(String processingGroup, String sequenceIdentifier, String reason) {
}
