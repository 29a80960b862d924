package dev.portfolioledger.axon.integrity;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static dev.portfolioledger.axon.integrity.IntegrityFinding.Kind.BAD_SIGNATURE;
import static dev.portfolioledger.axon.integrity.IntegrityFinding.Kind.BROKEN_CHAIN;
import static dev.portfolioledger.axon.integrity.IntegrityFinding.Kind.INCONSISTENT_CHECKPOINT;
import static dev.portfolioledger.axon.integrity.IntegrityFinding.Kind.TRUNCATED_CHECKPOINTS;

/**
 * Checks checkpoints against the log's Ed25519 public key, one at a time or as a chain. A chain, oldest
 * first, holds when:
 * <ol>
 * <li>every signature verifies ({@link IntegrityFinding.Kind#BAD_SIGNATURE});</li>
 * <li>the first checkpoint names no predecessor (32 zero bytes), and, when the caller knows the hash of
 * the latest checkpoint from elsewhere, that checkpoint is in the chain
 * ({@link IntegrityFinding.Kind#TRUNCATED_CHECKPOINTS});</li>
 * <li>every later checkpoint names the hash of the one before ({@link IntegrityFinding.Kind#BROKEN_CHAIN});</li>
 * <li>tree sizes never shrink, and a consistency proof joins each pair of consecutive roots
 * ({@link IntegrityFinding.Kind#INCONSISTENT_CHECKPOINT}).</li>
 * </ol>
 * Every finding is reported; one broken link does not hide the next.
 */
public final class CheckpointVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private final PublicKey publicKey;

    public CheckpointVerifier(PublicKey publicKey) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    }

    public boolean hasValidSignature(Checkpoint checkpoint) {
        try {
            Signature ed25519 = Signature.getInstance(CheckpointKeys.ALGORITHM);
            ed25519.initVerify(publicKey);
            ed25519.update(checkpoint.signedBytes());
            return ed25519.verify(checkpoint.signature());
        } catch (GeneralSecurityException e) {
            // a malformed signature (wrong length, not a curve point) is a bad signature, not a crash
            return false;
        }
    }

    /** The chain's findings, oldest checkpoint first; empty when it holds. */
    public List<IntegrityFinding> verifyChain(List<Checkpoint> chain, ConsistencyProofs proofs) {
        return verifyChain(chain, proofs, Optional.empty());
    }

    /**
     * As {@link #verifyChain(List, ConsistencyProofs)}, and the checkpoint with hash
     * {@code latestKnownHash} (published, or kept by an auditor) must be in the chain: otherwise its
     * end was cut off, or it was rewritten.
     */
    public List<IntegrityFinding> verifyChain(List<Checkpoint> chain, ConsistencyProofs proofs,
                                              byte[] latestKnownHash) {
        return verifyChain(chain, proofs, Optional.of(latestKnownHash.clone()));
    }

    private List<IntegrityFinding> verifyChain(List<Checkpoint> chain, ConsistencyProofs proofs,
                                               Optional<byte[]> latestKnownHash) {
        List<IntegrityFinding> findings = new ArrayList<>();
        Checkpoint previous = null;
        boolean latestFound = false;
        for (Checkpoint checkpoint : chain) {
            long size = checkpoint.treeSize();
            byte[] hash = checkpoint.hash();
            if (!hasValidSignature(checkpoint)) {
                findings.add(new IntegrityFinding(BAD_SIGNATURE, size,
                        "the signature of the checkpoint at tree size " + size + " does not verify"));
            }
            if (previous == null) {
                if (!checkpoint.isFirst()) {
                    findings.add(new IntegrityFinding(TRUNCATED_CHECKPOINTS, size,
                            "the oldest checkpoint given (tree size " + size + ") names a predecessor "
                                    + HEX.formatHex(checkpoint.previousCheckpointHash())
                                    + ": the start of the chain is missing"));
                }
            } else {
                checkLink(previous, checkpoint, proofs, findings);
            }
            latestFound |= latestKnownHash.map(known -> MessageDigest.isEqual(known, hash)).orElse(false);
            previous = checkpoint;
        }
        if (latestKnownHash.isPresent() && !latestFound) {
            long end = previous == null ? 0 : previous.treeSize();
            findings.add(new IntegrityFinding(TRUNCATED_CHECKPOINTS, end,
                    "the latest known checkpoint " + HEX.formatHex(latestKnownHash.get())
                            + " is not in the chain, which ends at tree size " + end));
        }
        return findings;
    }

    private static void checkLink(Checkpoint previous, Checkpoint checkpoint, ConsistencyProofs proofs,
                                  List<IntegrityFinding> findings) {
        long size = checkpoint.treeSize();
        if (!MessageDigest.isEqual(checkpoint.previousCheckpointHash(), previous.hash())) {
            findings.add(new IntegrityFinding(BROKEN_CHAIN, size,
                    "the checkpoint at tree size " + size + " names predecessor "
                            + HEX.formatHex(checkpoint.previousCheckpointHash()) + ", but the checkpoint before it"
                            + " (tree size " + previous.treeSize() + ") hashes to " + HEX.formatHex(previous.hash())));
        }
        if (size < previous.treeSize()) {
            findings.add(new IntegrityFinding(INCONSISTENT_CHECKPOINT, size,
                    "the tree shrank from " + previous.treeSize() + " to " + size + " leaves"));
            return;
        }
        Optional<List<byte[]>> proof = proofs.between(previous.treeSize(), size);
        if (proof.isEmpty()) {
            findings.add(new IntegrityFinding(INCONSISTENT_CHECKPOINT, size,
                    "no consistency proof from tree size " + previous.treeSize() + " to " + size));
        } else if (!MerkleTree.verifyConsistency(previous.treeSize(), size, previous.rootHash(),
                checkpoint.rootHash(), proof.get())) {
            findings.add(new IntegrityFinding(INCONSISTENT_CHECKPOINT, size,
                    "the root at tree size " + size + " does not extend the root at tree size "
                            + previous.treeSize()));
        }
    }
}
