package dev.portfolioledger.query.status;

/** What a status report rates: the project overall, and its scope, schedule and cost. */
public enum RagDimension {
    OVERALL,
    SCOPE,
    SCHEDULE,
    COST
}
