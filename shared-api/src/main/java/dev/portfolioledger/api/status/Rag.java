package dev.portfolioledger.api.status;

/** A red-amber-green rating of a status report (overall, scope, schedule, cost). */
public enum Rag {
    GREEN,
    AMBER,
    RED
}
