package dev.portfolioledger.axon.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Merkle Tree Hash of RFC 9162 §2.1 (identical to RFC 6962 §2.1) over SHA-256, with its inclusion
 * proofs (audit paths, §2.1.3) and consistency proofs (§2.1.4), and the two verification algorithms,
 * which need nothing but hashes.
 *
 * <pre>
 * MTH({})       = SHA-256()                                   (the empty string)
 * MTH({d(0)})   = SHA-256(0x00 || d(0))                       (leaf hash)
 * MTH(D[n])     = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])) k = largest power of two smaller than n
 * </pre>
 *
 * <p>The tree holds leaf hashes (the caller hashes each leaf once with {@link #hashLeaf}) and every
 * complete subtree above them: level {@code h} holds the hashes of the aligned subtrees of
 * {@code 2^h} leaves, {@code floor(size / 2^h)} of them. Every range the RFC's recursion visits
 * starts at a multiple of the next power of two at or above its width, so a complete range is one
 * stored hash and an incomplete one is a complete left part plus a recursion into the right part.
 *
 * <p>Cost: {@link #append} is one leaf copy plus one node hash amortised (n - 1 node hashes for n
 * leaves); memory is about 2n hashes of 32 bytes (some 13 MB for 200,000 leaves). Afterwards
 * {@link #root(int)} costs at most log2(n) node hashes and each {@link #inclusionProof} or
 * {@link #consistencyProof} at most log2(n)² (in practice far fewer): no proof re-reads the leaves.
 *
 * <p>Not thread-safe: one writer appends, and readers ask for roots and proofs between appends.
 */
public final class MerkleTree {

    /** Length of every hash in the tree: SHA-256. */
    public static final int HASH_LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    /** {@code levels.get(h).get(i)}: the hash of leaves {@code [i * 2^h, (i + 1) * 2^h)}. */
    private final List<List<byte[]>> levels = new ArrayList<>();

    public MerkleTree() {
        levels.add(new ArrayList<>());
    }

    /** A tree over the given leaf hashes, in order. */
    public static MerkleTree ofLeafHashes(List<byte[]> leafHashes) {
        MerkleTree tree = new MerkleTree();
        leafHashes.forEach(tree::append);
        return tree;
    }

    /** Adds the next leaf, given as its leaf hash ({@link #hashLeaf} of the leaf's bytes). */
    public void append(byte[] leafHash) {
        requireHash(leafHash, "leaf hash");
        levels.get(0).add(leafHash.clone());
        for (int height = 0; levels.get(height).size() % 2 == 0; height++) {
            List<byte[]> level = levels.get(height);
            if (levels.size() == height + 1) {
                levels.add(new ArrayList<>());
            }
            levels.get(height + 1).add(hashChildren(level.get(level.size() - 2), level.get(level.size() - 1)));
        }
    }

    /** Number of leaves. */
    public int size() {
        return levels.get(0).size();
    }

    public byte[] leafHash(int index) {
        Objects.checkIndex(index, size());
        return levels.get(0).get(index).clone();
    }

    /** MTH of all leaves. */
    public byte[] root() {
        return root(size());
    }

    /** MTH(D[0:treeSize]): the root the tree had when it held {@code treeSize} leaves. */
    public byte[] root(int treeSize) {
        checkSize(treeSize);
        return treeSize == 0 ? emptyRoot() : subtreeHash(0, treeSize).clone();
    }

    /**
     * PATH(index, D[0:treeSize]) of RFC 9162 §2.1.3.1: the sibling hashes from the leaf up to the
     * root, the leaf's own sibling first.
     */
    public List<byte[]> inclusionProof(int index, int treeSize) {
        checkSize(treeSize);
        Objects.checkIndex(index, treeSize);
        List<byte[]> path = new ArrayList<>();
        collectPath(index, 0, treeSize, path);
        return copies(path);
    }

    /**
     * PROOF(firstSize, D[0:secondSize]) of RFC 9162 §2.1.4.1. The RFC defines it for
     * {@code 0 < firstSize < secondSize}; for {@code firstSize == 0} or {@code firstSize == secondSize}
     * the proof is empty (see {@link #verifyConsistency} for what those prove).
     */
    public List<byte[]> consistencyProof(int firstSize, int secondSize) {
        checkSize(secondSize);
        if (firstSize < 0 || firstSize > secondSize) {
            throw new IllegalArgumentException(
                    "first size " + firstSize + " is not between 0 and the second size " + secondSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (firstSize > 0 && firstSize < secondSize) {
            collectSubproof(firstSize, 0, secondSize, true, proof);
        }
        return copies(proof);
    }

    /**
     * The inclusion verification of RFC 9162 §2.1.3.2: true when {@code proof} leads from
     * {@code leafHash} at {@code index} to {@code root} in a tree of {@code treeSize} leaves. Any
     * malformed input (index out of range, a hash that is not 32 bytes, a proof too short or too
     * long) makes it false; it never throws on what a stranger sends.
     */
    public static boolean verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> proof,
                                          byte[] root) {
        if (index < 0 || index >= treeSize || !isHash(leafHash) || !isHash(root) || !allHashes(proof)) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = hashChildren(p, r);
                while (fn != 0 && (fn & 1) == 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = hashChildren(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * The consistency verification of RFC 9162 §2.1.4.2: true when {@code proof} shows that the tree
     * of {@code secondSize} leaves with {@code secondRoot} extends the tree of {@code firstSize} leaves
     * with {@code firstRoot}. Outside the RFC's {@code 0 < firstSize < secondSize}: equal sizes need an
     * empty proof and equal roots; a first size of 0 needs an empty proof and the empty root as
     * {@code firstRoot} (every tree extends the empty one). Malformed input makes it false.
     */
    public static boolean verifyConsistency(long firstSize, long secondSize, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (firstSize < 0 || secondSize < firstSize || !isHash(firstRoot) || !isHash(secondRoot)
                || !allHashes(proof)) {
            return false;
        }
        if (firstSize == secondSize) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (firstSize == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, emptyRoot());
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(firstSize) == 1) {
            path.add(firstRoot);
        }
        path.addAll(proof);
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = hashChildren(c, fr);
                sr = hashChildren(c, sr);
                while (fn != 0 && (fn & 1) == 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = hashChildren(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    /** SHA-256(0x00 || leaf). */
    public static byte[] hashLeaf(byte[] leaf) {
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        sha256.update(leaf);
        return sha256.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] hashChildren(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** MTH of the empty tree: SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** MTH(D[start:end]) for a range the RFC's recursion visits (start aligned, end > start). */
    private byte[] subtreeHash(int start, int end) {
        int width = end - start;
        if (Integer.bitCount(width) == 1) {
            int height = Integer.numberOfTrailingZeros(width);
            return levels.get(height).get(start >> height);
        }
        int split = start + largestPowerOfTwoBelow(width);
        return hashChildren(subtreeHash(start, split), subtreeHash(split, end));
    }

    private void collectPath(int index, int start, int end, List<byte[]> path) {
        if (end - start == 1) {
            return;
        }
        int split = start + largestPowerOfTwoBelow(end - start);
        if (index < split) {
            collectPath(index, start, split, path);
            path.add(subtreeHash(split, end));
        } else {
            collectPath(index, split, end, path);
            path.add(subtreeHash(start, split));
        }
    }

    /** SUBPROOF(m, D[start:end], completeSubtree), with m counted from the first leaf of the tree. */
    private void collectSubproof(int m, int start, int end, boolean completeSubtree, List<byte[]> proof) {
        if (m == end) {
            if (!completeSubtree) {
                proof.add(subtreeHash(start, end));
            }
            return;
        }
        int split = start + largestPowerOfTwoBelow(end - start);
        if (m <= split) {
            collectSubproof(m, start, split, completeSubtree, proof);
            proof.add(subtreeHash(split, end));
        } else {
            collectSubproof(m, split, end, false, proof);
            proof.add(subtreeHash(start, split));
        }
    }

    /** The k of the RFC: the largest power of two smaller than n, for n > 1. */
    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private void checkSize(int treeSize) {
        if (treeSize < 0 || treeSize > size()) {
            throw new IllegalArgumentException("tree size " + treeSize + " is not between 0 and " + size());
        }
    }

    private static void requireHash(byte[] hash, String what) {
        if (!isHash(hash)) {
            throw new IllegalArgumentException(what + " must be " + HASH_LENGTH + " bytes");
        }
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_LENGTH;
    }

    private static boolean allHashes(List<byte[]> hashes) {
        return hashes != null && hashes.stream().allMatch(MerkleTree::isHash);
    }

    private static List<byte[]> copies(List<byte[]> hashes) {
        return hashes.stream().map(byte[]::clone).toList();
    }

    @Override
    public String toString() {
        return "MerkleTree[size=" + size() + ", levels=" + levels.size() + "]";
    }
}
