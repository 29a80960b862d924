package dev.portfolioledger.axon.integrity;

import java.util.List;
import java.util.Optional;

/**
 * Where a checkpoint verifier gets the consistency proof between two tree sizes: a live tree, or the
 * proofs an evidence bundle carries. Empty when the source has no proof for the pair.
 */
@FunctionalInterface
public interface ConsistencyProofs {

    Optional<List<byte[]>> between(long firstSize, long secondSize);

    /** Proofs computed from the tree, for any pair of sizes it has grown through. */
    static ConsistencyProofs of(MerkleTree tree) {
        return (firstSize, secondSize) -> 0 <= firstSize && firstSize <= secondSize && secondSize <= tree.size()
                ? Optional.of(tree.consistencyProof((int) firstSize, (int) secondSize))
                : Optional.empty();
    }
}
