package dev.portfolioledger.axon.integrity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CheckpointTest {

    private static final HexFormat HEX = HexFormat.of();
    static final Instant ISSUED_AT = Instant.parse("2026-01-02T03:04:05.678Z");
    /** MTH of the first two CT test leaves. */
    static final byte[] ROOT_2 = HEX.parseHex("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");

    @Test
    void signedBytesFollowTheDocumentedLayout() {
        String golden = String.join("",
                "706f7274666f6c696f2d6c656467657220636865636b706f696e742076310a", // "portfolio-ledger checkpoint v1\n"
                "0000000000000002",                                                 // tree size 2
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125", // root
                "00000000695735a5",                                                 // 1767323045 s
                "28697580",                                                         // 678000000 ns
                "0000000000000000000000000000000000000000000000000000000000000000"); // first: no predecessor

        byte[] signed = Checkpoint.signedBytes(2, ROOT_2, ISSUED_AT, Checkpoint.noPrevious());

        assertThat(HEX.formatHex(signed)).isEqualTo(golden);
        assertThat(signed).hasSize(115);
    }

    @Test
    void hashCoversTheSignedBytesAndTheSignature() {
        Checkpoint checkpoint = new Checkpoint(2, ROOT_2, ISSUED_AT, Checkpoint.noPrevious(), new byte[] {1, 2});
        Checkpoint otherSignature = new Checkpoint(2, ROOT_2, ISSUED_AT, Checkpoint.noPrevious(), new byte[] {1, 3});

        byte[] expected = MerkleReference.sha256(concat(checkpoint.signedBytes(), new byte[] {1, 2}));
        assertThat(checkpoint.hash()).isEqualTo(expected);
        assertThat(otherSignature.hash()).isNotEqualTo(expected);
    }

    @Test
    void theFirstCheckpointNamesThirtyTwoZeroBytes() {
        assertThat(Checkpoint.noPrevious()).hasSize(32).containsOnly(0);
        assertThat(new Checkpoint(2, ROOT_2, ISSUED_AT, Checkpoint.noPrevious(), new byte[64]).isFirst()).isTrue();
        assertThat(new Checkpoint(2, ROOT_2, ISSUED_AT, ROOT_2, new byte[64]).isFirst()).isFalse();
    }

    @Test
    void hashesAreThirtyTwoBytesAndSizesNotNegative() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Checkpoint(2, new byte[31], ISSUED_AT, Checkpoint.noPrevious(), new byte[64]));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Checkpoint(2, ROOT_2, ISSUED_AT, new byte[33], new byte[64]));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Checkpoint(-1, ROOT_2, ISSUED_AT, Checkpoint.noPrevious(), new byte[64]));
    }

    @Test
    void equalFieldsMakeEqualCheckpoints() {
        assertThat(new Checkpoint(2, ROOT_2.clone(), ISSUED_AT, Checkpoint.noPrevious(), new byte[] {9}))
                .isEqualTo(new Checkpoint(2, ROOT_2.clone(), ISSUED_AT, Checkpoint.noPrevious(), new byte[] {9}))
                .hasSameHashCodeAs(new Checkpoint(2, ROOT_2.clone(), ISSUED_AT, Checkpoint.noPrevious(), new byte[] {9}));
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] result = new byte[first.length + second.length];
        System.arraycopy(first, 0, result, 0, first.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }
}
