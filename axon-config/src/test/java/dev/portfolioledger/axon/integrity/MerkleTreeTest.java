package dev.portfolioledger.axon.integrity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The leaves of the Certificate Transparency test vectors (RFC 6962 implementations). */
    private static final List<byte[]> CT_LEAVES = hexes("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** MTH of the first 1..8 CT leaves. */
    private static final List<String> CT_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private final MerkleTree ctTree = MerkleTree.ofLeafHashes(CT_LEAVES.stream().map(MerkleTree::hashLeaf).toList());

    @Test
    void emptyTreeHashesToTheSha256OfTheEmptyString() {
        assertThat(HEX.formatHex(new MerkleTree().root()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(new MerkleTree().root()).isEqualTo(MerkleReference.mth(List.of()));
    }

    @Test
    void rootOfTheEightCertificateTransparencyLeavesIsTheRfc6962Vector() {
        assertThat(HEX.formatHex(ctTree.root()))
                .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    }

    @Test
    void rootAtEverySizeOfTheCertificateTransparencyLeavesIsItsVector() {
        for (int size = 1; size <= 8; size++) {
            assertThat(HEX.formatHex(ctTree.root(size))).as("root of %d leaves", size).isEqualTo(CT_ROOTS.get(size - 1));
            assertThat(ctTree.root(size)).isEqualTo(MerkleReference.mth(CT_LEAVES.subList(0, size)));
        }
    }

    @Test
    void leafHashPrefixesZeroAndNodeHashPrefixesOne() {
        assertThat(HEX.formatHex(MerkleTree.hashLeaf(new byte[] {0x00})))
                .isEqualTo("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7");
        assertThat(MerkleTree.hashChildren(ctTree.leafHash(0), ctTree.leafHash(1))).isEqualTo(ctTree.root(2));
    }

    @Test
    void inclusionProofsOfTheCertificateTransparencyTreeAreItsVectors() {
        assertThat(hex(ctTree.inclusionProof(0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(ctTree.inclusionProof(5, 8))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(ctTree.inclusionProof(2, 3))).containsExactly(
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertThat(ctTree.inclusionProof(0, 1)).isEmpty();
        assertThat(MerkleTree.verifyInclusion(5, 8, ctTree.leafHash(5), ctTree.inclusionProof(5, 8), ctTree.root()))
                .isTrue();
    }

    @Test
    void consistencyProofsOfTheCertificateTransparencyTreeAreItsVectors() {
        assertThat(hex(ctTree.consistencyProof(1, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(ctTree.consistencyProof(6, 8))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(ctTree.consistencyProof(2, 5))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(hex(ctTree.consistencyProof(3, 8))).containsExactly(
                "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(MerkleTree.verifyConsistency(3, 8, ctTree.root(3), ctTree.root(8), ctTree.consistencyProof(3, 8)))
                .isTrue();
    }

    /** The worked example of docs/audit-integrity.md. */
    @Test
    void threeLeafExampleOfTheDocumentation() {
        assertThat(hex(List.of(ctTree.leafHash(0), ctTree.leafHash(1), ctTree.leafHash(2)))).containsExactly(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7");
        assertThat(hex(ctTree.consistencyProof(2, 3))).containsExactly(
                "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7");
        assertThat(MerkleTree.verifyConsistency(2, 3, ctTree.root(2), ctTree.root(3), ctTree.consistencyProof(2, 3)))
                .isTrue();
        assertThat(MerkleTree.verifyInclusion(2, 3, ctTree.leafHash(2), ctTree.inclusionProof(2, 3), ctTree.root(3)))
                .isTrue();
    }

    @Test
    void rootsAndProofsFollowTheRfcDefinitionAtEverySizeUpToSixtyFour() {
        List<byte[]> leaves = IntStream.range(0, 64).mapToObj(i -> new byte[] {(byte) i, (byte) (i * 7)}).toList();
        MerkleTree tree = MerkleTree.ofLeafHashes(leaves.stream().map(MerkleTree::hashLeaf).toList());
        for (int n = 1; n <= leaves.size(); n++) {
            List<byte[]> d = leaves.subList(0, n);
            assertThat(tree.root(n)).as("root of %d", n).isEqualTo(MerkleReference.mth(d));
            for (int m = 0; m < n; m++) {
                assertThat(hex(tree.inclusionProof(m, n))).as("path of %d in %d", m, n)
                        .isEqualTo(hex(MerkleReference.path(m, d)));
            }
            for (int m = 1; m < n; m++) {
                assertThat(hex(tree.consistencyProof(m, n))).as("proof from %d to %d", m, n)
                        .isEqualTo(hex(MerkleReference.proof(m, d)));
            }
        }
    }

    @Test
    void consistencyWithItselfNeedsAnEmptyProofAndTheSameRoot() {
        assertThat(ctTree.consistencyProof(5, 5)).isEmpty();
        assertThat(MerkleTree.verifyConsistency(5, 5, ctTree.root(5), ctTree.root(5), List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(5, 5, ctTree.root(5), ctTree.root(6), List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(5, 5, ctTree.root(5), ctTree.root(5), List.of(ctTree.root(1))))
                .isFalse();
    }

    @Test
    void everyTreeExtendsTheEmptyTree() {
        assertThat(ctTree.consistencyProof(0, 8)).isEmpty();
        assertThat(MerkleTree.verifyConsistency(0, 8, MerkleTree.emptyRoot(), ctTree.root(), List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(0, 8, ctTree.root(1), ctTree.root(), List.of())).isFalse();
    }

    @Test
    void verificationRefusesMalformedInputWithoutThrowing() {
        byte[] leaf = ctTree.leafHash(5);
        List<byte[]> path = ctTree.inclusionProof(5, 8);
        byte[] root = ctTree.root();
        assertThat(MerkleTree.verifyInclusion(8, 8, leaf, path, root)).as("index = size").isFalse();
        assertThat(MerkleTree.verifyInclusion(-1, 8, leaf, path, root)).as("negative index").isFalse();
        assertThat(MerkleTree.verifyInclusion(5, 8, new byte[31], path, root)).as("short leaf").isFalse();
        assertThat(MerkleTree.verifyInclusion(5, 8, leaf, null, root)).as("no proof").isFalse();
        assertThat(MerkleTree.verifyInclusion(5, 8, leaf, path, null)).as("no root").isFalse();
        List<byte[]> withNull = new ArrayList<>(path);
        withNull.set(1, null);
        assertThat(MerkleTree.verifyInclusion(5, 8, leaf, withNull, root)).as("null in proof").isFalse();
        assertThat(MerkleTree.verifyConsistency(8, 3, root, ctTree.root(3), List.of())).as("shrinking").isFalse();
        assertThat(MerkleTree.verifyConsistency(3, 8, ctTree.root(3), root, List.of())).as("empty proof").isFalse();
    }

    @Test
    void aLeafProvesNothingAtAnotherIndex() {
        List<byte[]> path = ctTree.inclusionProof(5, 8);
        for (int index = 0; index < 8; index++) {
            if (index != 5) {
                assertThat(MerkleTree.verifyInclusion(index, 8, ctTree.leafHash(5), path, ctTree.root()))
                        .as("leaf 5 claimed at %d", index).isFalse();
            }
        }
    }

    @Test
    void refusesSizesTheTreeHasNotReached() {
        assertThatThrownBy(() -> ctTree.root(9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ctTree.inclusionProof(3, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ctTree.consistencyProof(6, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MerkleTree().append(new byte[20])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void returnedHashesAreCopies() {
        ctTree.root()[0] ^= 1;
        ctTree.inclusionProof(0, 8).get(0)[0] ^= 1;
        assertThat(HEX.formatHex(ctTree.root())).isEqualTo(CT_ROOTS.get(7));
        assertThat(hex(ctTree.inclusionProof(0, 8)).get(0))
                .isEqualTo("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7");
    }

    /** The log is expected to reach ~200,000 events: one pass to build, then a handful of hashes per proof. */
    @Test
    void handlesTwoHundredThousandLeavesWithoutRevisitingThem() {
        int size = 200_000;
        MerkleTree tree = assertTimeout(Duration.ofSeconds(30), () -> {
            MerkleTree built = new MerkleTree();
            for (int i = 0; i < size; i++) {
                built.append(MerkleTree.hashLeaf(new byte[] {(byte) (i >> 16), (byte) (i >> 8), (byte) i}));
            }
            return built;
        });
        assertTimeout(Duration.ofSeconds(10), () -> {
            for (int n = size - 1000; n <= size; n++) {
                byte[] root = tree.root(n);
                int index = (n * 7919) % n;
                assertThat(MerkleTree.verifyInclusion(index, n, tree.leafHash(index), tree.inclusionProof(index, n),
                        root)).isTrue();
                int first = n / 3 + 1;
                assertThat(MerkleTree.verifyConsistency(first, n, tree.root(first), root,
                        tree.consistencyProof(first, n))).isTrue();
            }
        });
    }

    private static List<byte[]> hexes(String... values) {
        return List.of(values).stream().map(HEX::parseHex).toList();
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
