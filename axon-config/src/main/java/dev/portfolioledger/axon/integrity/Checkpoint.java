package dev.portfolioledger.axon.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signed statement "the audit log held {@code treeSize} leaves with root {@code rootHash} at
 * {@code issuedAt}", chained to the checkpoint before it.
 *
 * <p>The signed bytes (Ed25519 signs them as they are, 115 bytes, no pre-hashing):
 * <pre>
 * field                    encoding
 * label                    31 ASCII bytes "portfolio-ledger checkpoint v1\n" (version and purpose)
 * treeSize                 8 bytes, signed big-endian
 * rootHash                 32 bytes: MTH of the first treeSize leaves
 * issuedAt seconds         8 bytes, signed big-endian: seconds since 1970-01-01T00:00:00Z
 * issuedAt nanoseconds     4 bytes, signed big-endian: 0 to 999,999,999
 * previousCheckpointHash   32 bytes: hash() of the checkpoint before, 32 zero bytes for the first
 * </pre>
 * The checkpoint's own hash, which the next checkpoint names, is
 * {@code SHA-256(signedBytes || signature)}, the signature being Ed25519's 64 bytes. The label keeps a
 * checkpoint signature from being mistaken for a signature over anything else the same key signs.
 */
public record Checkpoint(long treeSize, byte[] rootHash, Instant issuedAt, byte[] previousCheckpointHash,
                         byte[] signature) {

    private static final byte[] LABEL = "portfolio-ledger checkpoint v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int SIGNED_LENGTH = LABEL.length + Long.BYTES + MerkleTree.HASH_LENGTH + Long.BYTES
            + Integer.BYTES + MerkleTree.HASH_LENGTH;

    public Checkpoint {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative, was " + treeSize);
        }
        rootHash = hash32(rootHash, "rootHash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        previousCheckpointHash = hash32(previousCheckpointHash, "previousCheckpointHash");
        signature = Objects.requireNonNull(signature, "signature").clone();
    }

    /** What the first checkpoint names as its predecessor: 32 zero bytes. */
    public static byte[] noPrevious() {
        return new byte[MerkleTree.HASH_LENGTH];
    }

    /** The bytes a signer signs for these fields (see the class comment). */
    public static byte[] signedBytes(long treeSize, byte[] rootHash, Instant issuedAt,
                                     byte[] previousCheckpointHash) {
        return ByteBuffer.allocate(SIGNED_LENGTH)
                .put(LABEL)
                .putLong(treeSize)
                .put(hash32(rootHash, "rootHash"))
                .putLong(issuedAt.getEpochSecond())
                .putInt(issuedAt.getNano())
                .put(hash32(previousCheckpointHash, "previousCheckpointHash"))
                .array();
    }

    public byte[] signedBytes() {
        return signedBytes(treeSize, rootHash, issuedAt, previousCheckpointHash);
    }

    /** SHA-256(signedBytes || signature): what the next checkpoint names as its predecessor. */
    public byte[] hash() {
        MessageDigest sha256 = MerkleTree.sha256();
        sha256.update(signedBytes());
        sha256.update(signature);
        return sha256.digest();
    }

    /** True when this checkpoint names no predecessor. */
    public boolean isFirst() {
        return Arrays.equals(previousCheckpointHash, noPrevious());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public byte[] previousCheckpointHash() {
        return previousCheckpointHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that
                && treeSize == that.treeSize
                && Arrays.equals(rootHash, that.rootHash)
                && issuedAt.equals(that.issuedAt)
                && Arrays.equals(previousCheckpointHash, that.previousCheckpointHash)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(treeSize, Arrays.hashCode(rootHash), issuedAt, Arrays.hashCode(previousCheckpointHash),
                Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "Checkpoint[treeSize=" + treeSize + ", rootHash=" + hex.formatHex(rootHash) + ", issuedAt=" + issuedAt
                + ", previousCheckpointHash=" + hex.formatHex(previousCheckpointHash)
                + ", signature=" + hex.formatHex(signature) + "]";
    }

    private static byte[] hash32(byte[] hash, String name) {
        Objects.requireNonNull(hash, name);
        if (hash.length != MerkleTree.HASH_LENGTH) {
            throw new IllegalArgumentException(name + " must be " + MerkleTree.HASH_LENGTH + " bytes, was "
                    + hash.length);
        }
        return hash.clone();
    }
}
