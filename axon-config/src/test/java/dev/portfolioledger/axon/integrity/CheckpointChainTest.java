package dev.portfolioledger.axon.integrity;

import dev.portfolioledger.axon.integrity.IntegrityFinding.Kind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static dev.portfolioledger.axon.integrity.CheckpointTest.ISSUED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Signing checkpoints, and verifying them one by one and as a chain. */
class CheckpointChainTest {

    private static final HexFormat HEX = HexFormat.of();

    private final CheckpointSigner signer =
            new CheckpointSigner(CheckpointKeys.readPrivateKey(CheckpointKeysTest.RFC8032_PRIVATE_PEM));
    private final CheckpointVerifier verifier =
            new CheckpointVerifier(CheckpointKeys.readPublicKey(CheckpointKeysTest.RFC8032_PUBLIC_PEM));

    /** 20 leaves; the first three are the CT test leaves "", 00, 10. */
    private final MerkleTree tree = tree(20, 0);
    private final ConsistencyProofs proofs = ConsistencyProofs.of(tree);

    /** The worked example of docs/audit-integrity.md: Ed25519 is deterministic, so these bytes are fixed. */
    @Test
    void signsTheDocumentedExample() {
        Checkpoint first = signer.first(2, tree.root(2), ISSUED_AT);
        Checkpoint second = signer.next(first, 3, tree.root(3), ISSUED_AT.plusSeconds(60));

        assertThat(HEX.formatHex(first.signature())).isEqualTo("85903ea4484cc0bec7e1e658822c8a73656dde0a7886169877a23b"
                + "b440a5b0a6ac1a395c160df85795588bf89496a250e3466294d51bda88a62bc5a07c589303");
        assertThat(HEX.formatHex(first.hash()))
                .isEqualTo("19863848c55816ef86e46b879f31f9aaadaed6ad0d9dd734161925cd15b88785");
        assertThat(second.previousCheckpointHash()).isEqualTo(first.hash());
        assertThat(HEX.formatHex(second.signature())).isEqualTo("194c0e3d51e2a9c8fc79b4bdaf75429dfd49f2ebc2a062f3a5ae1f"
                + "c56eb69b769e40273e36d172a9fab705af8ade218678f72c136d63d9c3ba9b4de84893d80d");
        assertThat(HEX.formatHex(second.hash()))
                .isEqualTo("c70a8af632bdb82d35b386a51b3e207354fb802336b6aefbcdc2bf98ea5663d2");
        assertThat(verifier.verifyChain(List.of(first, second), proofs)).isEmpty();
    }

    @Test
    void aSignedCheckpointVerifies() {
        assertThat(verifier.hasValidSignature(signer.first(20, tree.root(), ISSUED_AT))).isTrue();
    }

    @Test
    void changingAnyFieldBreaksTheSignature() {
        Checkpoint signed = signer.sign(7, tree.root(7), ISSUED_AT, tree.root(1));
        byte[] signature = signed.signature();
        List<Checkpoint> altered = List.of(
                new Checkpoint(8, tree.root(7), ISSUED_AT, tree.root(1), signature),
                new Checkpoint(7, tree.root(8), ISSUED_AT, tree.root(1), signature),
                new Checkpoint(7, tree.root(7), ISSUED_AT.plusNanos(1), tree.root(1), signature),
                new Checkpoint(7, tree.root(7), ISSUED_AT, tree.root(2), signature),
                new Checkpoint(7, tree.root(7), ISSUED_AT, tree.root(1), flipLastBit(signature)));

        assertThat(verifier.hasValidSignature(signed)).isTrue();
        assertThat(altered).noneMatch(verifier::hasValidSignature);
    }

    @Test
    void anotherKeysSignatureIsBad() {
        Checkpoint foreign = new CheckpointSigner(CheckpointKeys.generate().getPrivate()).first(3, tree.root(3), ISSUED_AT);

        assertThat(verifier.hasValidSignature(foreign)).isFalse();
    }

    @Test
    void aMalformedSignatureIsBadRatherThanAnError() {
        Checkpoint malformed = new Checkpoint(3, tree.root(3), ISSUED_AT, Checkpoint.noPrevious(), new byte[] {1, 2, 3});

        assertThat(verifier.hasValidSignature(malformed)).isFalse();
    }

    @Test
    void aGrowingChainHolds() {
        List<Checkpoint> chain = chain(2, 3, 3, 8, 13, 20);

        assertThat(verifier.verifyChain(chain, proofs)).isEmpty();
        assertThat(verifier.verifyChain(chain, proofs, chain.get(5).hash())).isEmpty();
        assertThat(verifier.verifyChain(chain, proofs, chain.get(3).hash())).as("later checkpoints since").isEmpty();
    }

    @Test
    void reportsTheCheckpointWhoseSignatureIsBad() {
        List<Checkpoint> chain = chain(2, 8, 20);
        Checkpoint bad = chain.get(1);
        chain.set(1, new Checkpoint(bad.treeSize(), bad.rootHash(), bad.issuedAt(), bad.previousCheckpointHash(),
                flipLastBit(bad.signature())));

        // the next one named the hash of the original, whose signature was part of it
        assertThat(verifier.verifyChain(chain, proofs)).extracting(IntegrityFinding::kind, IntegrityFinding::location)
                .containsExactly(tuple(Kind.BAD_SIGNATURE, 8L), tuple(Kind.BROKEN_CHAIN, 20L));
    }

    @Test
    void aRemovedCheckpointBreaksTheChain() {
        List<Checkpoint> chain = chain(2, 8, 13, 20);
        chain.remove(2);

        assertThat(verifier.verifyChain(chain, proofs)).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.BROKEN_CHAIN);
            assertThat(finding.location()).isEqualTo(20);
            assertThat(finding.message()).contains("tree size 8");
        });
    }

    @Test
    void aChainWithoutItsFirstCheckpointIsTruncated() {
        List<Checkpoint> chain = chain(2, 8, 20);

        assertThat(verifier.verifyChain(chain.subList(1, 3), proofs))
                .extracting(IntegrityFinding::kind, IntegrityFinding::location)
                .containsExactly(tuple(Kind.TRUNCATED_CHECKPOINTS, 8L));
    }

    @Test
    void aChainWithoutTheLatestKnownCheckpointIsTruncated() {
        List<Checkpoint> chain = chain(2, 8, 20);

        assertThat(verifier.verifyChain(chain.subList(0, 2), proofs, chain.get(2).hash()))
                .extracting(IntegrityFinding::kind, IntegrityFinding::location)
                .containsExactly(tuple(Kind.TRUNCATED_CHECKPOINTS, 8L));
        assertThat(verifier.verifyChain(List.of(), proofs, chain.get(2).hash()))
                .extracting(IntegrityFinding::kind).containsExactly(Kind.TRUNCATED_CHECKPOINTS);
    }

    @Test
    void aShrinkingTreeIsInconsistent() {
        Checkpoint first = signer.first(8, tree.root(8), ISSUED_AT);
        Checkpoint shrunk = signer.sign(5, tree.root(5), ISSUED_AT.plusSeconds(1), first.hash());

        assertThat(verifier.verifyChain(List.of(first, shrunk), proofs)).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.INCONSISTENT_CHECKPOINT);
            assertThat(finding.location()).isEqualTo(5);
            assertThat(finding.message()).isEqualTo("the tree shrank from 8 to 5 leaves");
        });
    }

    @Test
    void aRewrittenHistoryIsInconsistentEvenWhenSignedWithTheRightKey() {
        MerkleTree rewritten = tree(20, 5);
        Checkpoint first = signer.first(8, tree.root(8), ISSUED_AT);
        Checkpoint afterRewrite = signer.next(first, 20, rewritten.root(), ISSUED_AT.plus(Duration.ofHours(1)));

        assertThat(verifier.verifyChain(List.of(first, afterRewrite), ConsistencyProofs.of(rewritten)))
                .extracting(IntegrityFinding::kind, IntegrityFinding::location)
                .containsExactly(tuple(Kind.INCONSISTENT_CHECKPOINT, 20L));
    }

    @Test
    void aMissingConsistencyProofIsInconsistent() {
        assertThat(verifier.verifyChain(chain(2, 8), (first, second) -> Optional.empty()))
                .extracting(IntegrityFinding::kind, IntegrityFinding::message)
                .containsExactly(tuple(Kind.INCONSISTENT_CHECKPOINT, "no consistency proof from tree size 2 to 8"));
    }

    @Test
    void reportsEveryFindingNotOnlyTheFirst() {
        List<Checkpoint> chain = chain(2, 8, 13, 20);
        Checkpoint bad = chain.get(1);
        chain.set(1, new Checkpoint(bad.treeSize(), bad.rootHash(), bad.issuedAt(), bad.previousCheckpointHash(),
                new byte[64]));
        chain.remove(2);

        assertThat(verifier.verifyChain(chain.subList(1, chain.size()), proofs)).extracting(IntegrityFinding::kind)
                .containsExactly(Kind.BAD_SIGNATURE, Kind.TRUNCATED_CHECKPOINTS, Kind.BROKEN_CHAIN);
    }

    @Test
    void theSignerRefusesToShrinkTheLog() {
        Checkpoint first = signer.first(8, tree.root(8), ISSUED_AT);

        assertThatIllegalArgumentException().isThrownBy(() -> signer.next(first, 5, tree.root(5), ISSUED_AT))
                .withMessageContaining("the log only grows");
    }

    /** Checkpoints of the tree at the given sizes, a minute apart, each chained to the one before. */
    private List<Checkpoint> chain(int... sizes) {
        List<Checkpoint> chain = new ArrayList<>();
        Checkpoint previous = null;
        for (int i = 0; i < sizes.length; i++) {
            Instant issuedAt = ISSUED_AT.plusSeconds(60L * i);
            previous = previous == null
                    ? signer.first(sizes[i], tree.root(sizes[i]), issuedAt)
                    : signer.next(previous, sizes[i], tree.root(sizes[i]), issuedAt);
            chain.add(previous);
        }
        return chain;
    }

    /** The CT leaves "", 00, 10 and then one-byte leaves; leaf {@code altered} (if above 2) changed. */
    private static MerkleTree tree(int size, int altered) {
        List<byte[]> leaves = new ArrayList<>(List.of(new byte[0], new byte[] {0x00}, new byte[] {0x10}));
        IntStream.range(3, size).forEach(i -> leaves.add(new byte[] {(byte) (i == altered ? 0x7f : i)}));
        return MerkleTree.ofLeafHashes(leaves.stream().map(MerkleTree::hashLeaf).toList());
    }

    private static byte[] flipLastBit(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[copy.length - 1] ^= 1;
        return copy;
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
