package dev.portfolioledger.axon.integrity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class LeafEncodingTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The event of the golden encoding and of the worked example in docs/audit-integrity.md. */
    static final StoredEvent EVENT = new StoredEvent(7, "Project", "p-1", 2, "e-1", "2026-01-02T03:04:05.678Z",
            "ProjectProposedEvent", "2", utf8("{\"actor\":\"ann\"}"), utf8("{\"name\":\"Apollo\"}"));

    @Test
    void encodesEveryFieldInItsPlaceWithLengthPrefixes() {
        String golden = String.join("",
                "01",                                                   // version
                "0000000000000007",                                     // global index 7
                "00000007", "50726f6a656374",                           // "Project"
                "00000003", "702d31",                                   // "p-1"
                "0000000000000002",                                     // sequence number 2
                "00000003", "652d31",                                   // "e-1"
                "00000018", "323032362d30312d30325430333a30343a30352e3637385a", // "2026-01-02T03:04:05.678Z"
                "00000014", "50726f6a65637450726f706f7365644576656e74", // "ProjectProposedEvent"
                "00000001", "32",                                       // revision "2"
                "0000000f", "7b226163746f72223a22616e6e227d",           // {"actor":"ann"}
                "00000011", "7b226e616d65223a2241706f6c6c6f227d");      // {"name":"Apollo"}

        assertThat(HEX.formatHex(LeafEncoding.encode(EVENT))).isEqualTo(golden);
    }

    @Test
    void leafHashIsTheMerkleLeafHashOfTheEncoding() {
        assertThat(HEX.formatHex(LeafEncoding.leafHash(EVENT)))
                .isEqualTo("fca886d66bffe671e0494b98b8fe413b26e49e554bd1ac851dc7dede2902c709");
        assertThat(LeafEncoding.leafHash(EVENT)).isEqualTo(MerkleTree.hashLeaf(LeafEncoding.encode(EVENT)));
    }

    @Test
    void fieldBoundariesCannotMove() {
        assertThat(LeafEncoding.encode(event("ab", "c", "T", "2", "{}", "{}")))
                .isNotEqualTo(LeafEncoding.encode(event("a", "bc", "T", "2", "{}", "{}")));
        assertThat(LeafEncoding.encode(event("P", "p", "T2", "", "{}", "{}")))
                .isNotEqualTo(LeafEncoding.encode(event("P", "p", "T", "2", "{}", "{}")));
        assertThat(LeafEncoding.encode(event("P", "p", "T", "2", "{}{", "}")))
                .isNotEqualTo(LeafEncoding.encode(event("P", "p", "T", "2", "{}", "{}")));
    }

    @Test
    void everyFieldIsPartOfTheLeaf() {
        byte[] original = LeafEncoding.encode(EVENT);
        List<StoredEvent> changed = List.of(
                new StoredEvent(8, "Project", "p-1", 2, "e-1", "2026-01-02T03:04:05.678Z", "ProjectProposedEvent", "2",
                        EVENT.metaData(), EVENT.payload()),
                new StoredEvent(7, "Projects", "p-1", 2, "e-1", "2026-01-02T03:04:05.678Z", "ProjectProposedEvent",
                        "2", EVENT.metaData(), EVENT.payload()),
                new StoredEvent(7, "Project", "p-2", 2, "e-1", "2026-01-02T03:04:05.678Z", "ProjectProposedEvent", "2",
                        EVENT.metaData(), EVENT.payload()),
                new StoredEvent(7, "Project", "p-1", 3, "e-1", "2026-01-02T03:04:05.678Z", "ProjectProposedEvent", "2",
                        EVENT.metaData(), EVENT.payload()),
                new StoredEvent(7, "Project", "p-1", 2, "e-2", "2026-01-02T03:04:05.678Z", "ProjectProposedEvent", "2",
                        EVENT.metaData(), EVENT.payload()),
                new StoredEvent(7, "Project", "p-1", 2, "e-1", "2026-01-02T03:04:05.679Z", "ProjectProposedEvent", "2",
                        EVENT.metaData(), EVENT.payload()),
                new StoredEvent(7, "Project", "p-1", 2, "e-1", "2026-01-02T03:04:05.678Z", "ProjectArchivedEvent", "2",
                        EVENT.metaData(), EVENT.payload()),
                new StoredEvent(7, "Project", "p-1", 2, "e-1", "2026-01-02T03:04:05.678Z", "ProjectProposedEvent", "1",
                        EVENT.metaData(), EVENT.payload()),
                new StoredEvent(7, "Project", "p-1", 2, "e-1", "2026-01-02T03:04:05.678Z", "ProjectProposedEvent", "2",
                        utf8("{\"actor\":\"bob\"}"), EVENT.payload()),
                new StoredEvent(7, "Project", "p-1", 2, "e-1", "2026-01-02T03:04:05.678Z", "ProjectProposedEvent", "2",
                        EVENT.metaData(), utf8("{\"name\":\"Apollp\"}")));
        for (StoredEvent event : changed) {
            assertThat(LeafEncoding.encode(event)).as(event.toString()).isNotEqualTo(original);
        }
    }

    @Test
    void aNullColumnEncodesAsAnEmptyField() {
        StoredEvent withNulls = new StoredEvent(1, null, "p", 0, "e", "t", "T", null, null, new byte[0]);
        StoredEvent withEmpties = new StoredEvent(1, "", "p", 0, "e", "t", "T", "", new byte[0], new byte[0]);

        assertThat(LeafEncoding.encode(withNulls)).isEqualTo(LeafEncoding.encode(withEmpties));
        assertThat(HEX.formatHex(LeafEncoding.encode(withNulls))).isEqualTo(String.join("",
                "01", "0000000000000001", "00000000", "00000001", "70", "0000000000000000", "00000001", "65",
                "00000001", "74", "00000001", "54", "00000000", "00000000", "00000000"));
    }

    @Test
    void textIsCountedInUtf8Bytes() {
        byte[] encoded = LeafEncoding.encode(new StoredEvent(0, "Projét", "p", 0, "e", "t", "T", null, null,
                new byte[0]));
        assertThat(HEX.formatHex(encoded, 9, 9 + 4 + 7)).isEqualTo("00000007" + "50726f6ac3a974");
    }

    @Test
    void theColumnsAxonRequiresAreRequired() {
        assertThatNullPointerException().isThrownBy(
                () -> new StoredEvent(1, "P", null, 0, "e", "t", "T", null, null, new byte[0]));
        assertThatNullPointerException().isThrownBy(
                () -> new StoredEvent(1, "P", "p", 0, "e", "t", "T", null, null, null));
    }

    @Test
    void storedBytesAreCopiedAndCompared() {
        byte[] payload = utf8("{}");
        StoredEvent event = new StoredEvent(1, "P", "p", 0, "e", "t", "T", null, null, payload);
        payload[0] = 'x';
        event.payload()[1] = 'x';

        assertThat(event.payload()).isEqualTo(utf8("{}"));
        assertThat(event).isEqualTo(new StoredEvent(1, "P", "p", 0, "e", "t", "T", null, null, utf8("{}")));
    }

    private static StoredEvent event(String aggregateType, String aggregateIdentifier, String payloadType,
                                     String payloadRevision, String metaData, String payload) {
        return new StoredEvent(1, aggregateType, aggregateIdentifier, 0, "e", "t", payloadType, payloadRevision,
                utf8(metaData), utf8(payload));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
