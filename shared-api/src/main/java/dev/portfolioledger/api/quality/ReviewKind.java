package dev.portfolioledger.api.quality;

/** What a quality review of a deliverable examined. */
public enum ReviewKind {
    DESIGN_REVIEW,
    TEST_PHASE,
    /** User acceptance testing: what a project requires before acceptance unless its manager chose otherwise. */
    UAT
}
