package dev.portfolioledger.axon.integrity;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Objects;

/** Issues checkpoints signed with the log's Ed25519 private key ({@link Checkpoint} gives the format). */
public final class CheckpointSigner {

    private final PrivateKey privateKey;

    public CheckpointSigner(PrivateKey privateKey) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        // a key that is not Ed25519 fails here, at start-up, rather than at the first checkpoint
        sign(new byte[0]);
    }

    /** The first checkpoint of a log: it names 32 zero bytes as its predecessor. */
    public Checkpoint first(long treeSize, byte[] rootHash, Instant issuedAt) {
        return sign(treeSize, rootHash, issuedAt, Checkpoint.noPrevious());
    }

    /** The checkpoint after {@code previous}; a log only grows, so a smaller tree is refused. */
    public Checkpoint next(Checkpoint previous, long treeSize, byte[] rootHash, Instant issuedAt) {
        if (treeSize < previous.treeSize()) {
            throw new IllegalArgumentException("a checkpoint of " + treeSize + " leaves cannot follow one of "
                    + previous.treeSize() + ": the log only grows");
        }
        return sign(treeSize, rootHash, issuedAt, previous.hash());
    }

    public Checkpoint sign(long treeSize, byte[] rootHash, Instant issuedAt, byte[] previousCheckpointHash) {
        byte[] signature = sign(Checkpoint.signedBytes(treeSize, rootHash, issuedAt, previousCheckpointHash));
        return new Checkpoint(treeSize, rootHash, issuedAt, previousCheckpointHash, signature);
    }

    private byte[] sign(byte[] message) {
        try {
            Signature ed25519 = Signature.getInstance(CheckpointKeys.ALGORITHM);
            ed25519.initSign(privateKey);
            ed25519.update(message);
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the checkpoint key must be an Ed25519 private key", e);
        }
    }
}
