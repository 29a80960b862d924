package dev.portfolioledger.axon.integrity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random trees of 1 to 300 leaves: every inclusion and consistency proof verifies, and any change to
 * a proof, a leaf or a root (one flipped bit, one hash too few or too many) makes it fail. Trees up to
 * {@value #EXHAUSTIVE_UP_TO} leaves get every bit flipped; larger ones a few random bits per hash.
 *
 * <p>The seed is in every failure message; rerun one with {@code -Dmerkle.seed=<seed>}.
 */
class MerkleTreePropertyTest {

    private static final int EXHAUSTIVE_UP_TO = 12;
    private static final int RANDOM_TREES = 24;
    private static final int[] EDGE_SIZES = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 127, 128, 129, 255, 256,
            257, 300};

    private long seed;
    private Random random;

    @BeforeEach
    void seed() {
        seed = Long.getLong("merkle.seed", System.nanoTime());
        random = new Random(seed);
    }

    @Test
    void everyInclusionProofVerifiesAndAnyChangeBreaksIt() {
        for (int size : sizes()) {
            Tree tree = randomTree(size);
            for (int index = 0; index < size; index++) {
                String context = context(size, "inclusion of " + index);
                byte[] leaf = tree.merkle.leafHash(index);
                List<byte[]> proof = tree.merkle.inclusionProof(index, size);
                byte[] root = tree.merkle.root();
                assertThat(MerkleTree.verifyInclusion(index, size, leaf, proof, root)).as(context).isTrue();

                int i = index;
                for (byte[] changed : flipped(leaf, size)) {
                    assertThat(MerkleTree.verifyInclusion(i, size, changed, proof, root)).as(context + ", leaf").isFalse();
                }
                for (byte[] changed : flipped(root, size)) {
                    assertThat(MerkleTree.verifyInclusion(i, size, leaf, proof, changed)).as(context + ", root").isFalse();
                }
                for (List<byte[]> changed : changedProofs(proof, size)) {
                    assertThat(MerkleTree.verifyInclusion(i, size, leaf, changed, root)).as(context + ", proof").isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndAnyChangeBreaksIt() {
        for (int size : sizes()) {
            Tree tree = randomTree(size);
            byte[] second = tree.merkle.root();
            for (int firstSize = 1; firstSize <= size; firstSize++) {
                String context = context(size, "consistency from " + firstSize);
                byte[] first = tree.merkle.root(firstSize);
                List<byte[]> proof = tree.merkle.consistencyProof(firstSize, size);
                assertThat(MerkleTree.verifyConsistency(firstSize, size, first, second, proof)).as(context).isTrue();

                int m = firstSize;
                for (byte[] changed : flipped(first, size)) {
                    assertThat(MerkleTree.verifyConsistency(m, size, changed, second, proof))
                            .as(context + ", first root").isFalse();
                }
                for (byte[] changed : flipped(second, size)) {
                    assertThat(MerkleTree.verifyConsistency(m, size, first, changed, proof))
                            .as(context + ", second root").isFalse();
                }
                for (List<byte[]> changed : changedProofs(proof, size)) {
                    assertThat(MerkleTree.verifyConsistency(m, size, first, second, changed))
                            .as(context + ", proof").isFalse();
                }
            }
        }
    }

    /** The fast tree and the RFC's definition agree on random trees too, not only on the small ones. */
    @Test
    void rootsAndSampledProofsFollowTheRfcDefinition() {
        HexFormat hex = HexFormat.of();
        for (int size : sizes()) {
            Tree tree = randomTree(size);
            assertThat(tree.merkle.root()).as(context(size, "root")).isEqualTo(MerkleReference.mth(tree.leaves));
            for (int sample = 0; sample < 3; sample++) {
                int index = random.nextInt(size);
                assertThat(tree.merkle.inclusionProof(index, size).stream().map(hex::formatHex).toList())
                        .as(context(size, "path of " + index))
                        .isEqualTo(MerkleReference.path(index, tree.leaves).stream().map(hex::formatHex).toList());
                int firstSize = 1 + random.nextInt(size);
                List<byte[]> expected = firstSize == size ? List.of() : MerkleReference.proof(firstSize, tree.leaves);
                assertThat(tree.merkle.consistencyProof(firstSize, size).stream().map(hex::formatHex).toList())
                        .as(context(size, "proof from " + firstSize))
                        .isEqualTo(expected.stream().map(hex::formatHex).toList());
            }
        }
    }

    private List<Integer> sizes() {
        List<Integer> sizes = new ArrayList<>(IntStream.of(EDGE_SIZES).boxed().toList());
        for (int i = 0; i < RANDOM_TREES; i++) {
            sizes.add(1 + random.nextInt(300));
        }
        return sizes;
    }

    private Tree randomTree(int size) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            byte[] leaf = new byte[random.nextInt(40)];
            random.nextBytes(leaf);
            leaves.add(leaf);
        }
        return new Tree(leaves, MerkleTree.ofLeafHashes(leaves.stream().map(MerkleTree::hashLeaf).toList()));
    }

    /** Copies of the hash with one bit flipped: every bit for small trees, three random ones otherwise. */
    private List<byte[]> flipped(byte[] hash, int treeSize) {
        List<byte[]> copies = new ArrayList<>();
        if (treeSize <= EXHAUSTIVE_UP_TO) {
            for (int bit = 0; bit < hash.length * 8; bit++) {
                copies.add(flip(hash, bit));
            }
        } else {
            for (int i = 0; i < 3; i++) {
                copies.add(flip(hash, random.nextInt(hash.length * 8)));
            }
        }
        return copies;
    }

    /** The proof with one bit of one hash flipped (for each hash), one hash dropped, one hash added. */
    private List<List<byte[]>> changedProofs(List<byte[]> proof, int treeSize) {
        List<List<byte[]>> changed = new ArrayList<>();
        for (int position = 0; position < proof.size(); position++) {
            for (byte[] flippedHash : flipped(proof.get(position), treeSize)) {
                List<byte[]> copy = new ArrayList<>(proof);
                copy.set(position, flippedHash);
                changed.add(copy);
            }
        }
        if (!proof.isEmpty()) {
            changed.add(proof.subList(0, proof.size() - 1));
            changed.add(proof.subList(1, proof.size()));
        }
        byte[] extra = new byte[MerkleTree.HASH_LENGTH];
        random.nextBytes(extra);
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(extra);
        changed.add(longer);
        return changed;
    }

    private static byte[] flip(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    private String context(int size, String what) {
        return "seed " + seed + " (rerun with -Dmerkle.seed=" + seed + "), tree of " + size + ", " + what;
    }

    private record Tree(List<byte[]> leaves, MerkleTree merkle) {
    }
}
