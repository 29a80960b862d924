package dev.portfolioledger.api.quality;

/** The verdict of a quality review. */
public enum ReviewOutcome {
    PASSED,
    FAILED
}
