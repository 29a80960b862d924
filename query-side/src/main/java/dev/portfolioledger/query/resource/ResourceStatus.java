package dev.portfolioledger.query.resource;

/** Whether a resource can still be allocated. */
public enum ResourceStatus {
    /** In the pool. */
    ACTIVE,
    /** Retired from a date on: no allocation on or after it. */
    RETIRED
}
