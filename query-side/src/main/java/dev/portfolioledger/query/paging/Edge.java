package dev.portfolioledger.query.paging;

/** A Relay edge: a node and the cursor that resumes the list right after it. */
public record Edge<T>(String cursor, T node) {
}
