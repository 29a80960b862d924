package dev.portfolioledger.app.integrity;

import java.util.List;

/** The GraphQL type ConsistencyProof. */
public record ConsistencyProofView(long fromTreeSize, long toTreeSize, String fromRoot, String toRoot,
                                   List<String> proof) {
}
