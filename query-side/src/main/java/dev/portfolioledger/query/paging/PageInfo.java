package dev.portfolioledger.query.paging;

/** Relay page info; connections here only page forwards. */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
}
