package dev.portfolioledger.axon.integrity;

import dev.portfolioledger.axon.integrity.EvidenceBundle.Member;
import dev.portfolioledger.axon.integrity.EvidenceBundle.Period;
import dev.portfolioledger.axon.integrity.EvidenceBundle.Subject;
import dev.portfolioledger.axon.integrity.EvidenceBundleVerifier.UnreadableBundleException;
import dev.portfolioledger.axon.integrity.EvidenceBundleVerifier.Verification;
import dev.portfolioledger.axon.integrity.EvidenceFinding.Kind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The evidence bundle's check with nothing but the bundle and a key: a bundle as written verifies, and
 * one changed character of it (an event field, a proof hash, the signature, the root, a readable actor)
 * fails with the finding that names it.
 */
class EvidenceBundleVerifierTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final String PROJECT = "p-1";
    private static final String LEDGER = "l-1";
    private static final String OTHER = "p-2";

    private final CheckpointSigner signer =
            new CheckpointSigner(CheckpointKeys.readPrivateKey(CheckpointKeysTest.RFC8032_PRIVATE_PEM));
    private final PublicKey publicKey = CheckpointKeys.readPublicKey(CheckpointKeysTest.RFC8032_PUBLIC_PEM);

    /** The log: the project's 4 events and the ledger's 2, with another project's 2 interleaved. */
    private final List<StoredEvent> log = List.of(event(0, PROJECT, 0), event(1, OTHER, 0), event(2, PROJECT, 1),
            event(3, LEDGER, 0), event(4, PROJECT, 2), event(5, OTHER, 1), event(6, LEDGER, 1), event(7, PROJECT, 3));
    private final MerkleTree tree = MerkleTree.ofLeafHashes(log.stream().map(LeafEncoding::leafHash).toList());
    private final Checkpoint checkpoint = signer.first(tree.size(), tree.root(), T0.plusSeconds(3600));
    private final Subject subject = new Subject("PROJECT", PROJECT,
            List.of(new Member("PROJECT", PROJECT), new Member("COST_LEDGER", LEDGER)));

    @Test
    void aBundleAsWrittenVerifies() throws IOException {
        Verification verification = verify(bundle(), Optional.of(publicKey));

        assertThat(verification.findings()).isEmpty();
        assertThat(verification.events()).isEqualTo(6);
        assertThat(verification.keyFromBundle()).isFalse();
        assertThat(verification.bundleKeyDiffers()).isFalse();
        assertThat(verification.checkpoint()).isEqualTo(checkpoint);
    }

    @Test
    void withoutAGivenKeyTheBundlesOwnKeyIsUsedAndSaidSo() throws IOException {
        Verification verification = verify(bundle(), Optional.empty());

        assertThat(verification.findings()).isEmpty();
        assertThat(verification.keyFromBundle()).isTrue();
    }

    @Test
    void aChangedPayloadByteIsALeafMismatchOfThatEvent() throws IOException {
        String tampered = changeCharacter(bundle(), "\"payload\" : \"", 3, 4);

        assertThat(verify(tampered, Optional.of(publicKey)).findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.LEAF_MISMATCH);
            assertThat(finding.where()).startsWith("log index 4 ").contains(PROJECT + " #2");
        });
    }

    @Test
    void aChangedProofHashIsAProofMismatchOfThatEvent() throws IOException {
        String tampered = changeCharacter(bundle(), "\"inclusionProof\" : [ \"", 0, 10);

        assertThat(verify(tampered, Optional.of(publicKey)).findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.PROOF_MISMATCH);
            assertThat(finding.where()).startsWith("log index 0 ");
        });
    }

    @Test
    void aChangedSignatureIsABadSignature() throws IOException {
        String tampered = changeCharacter(bundle(), "\"signature\" : \"", 0, 20);

        assertThat(verify(tampered, Optional.of(publicKey)).findings()).extracting(EvidenceFinding::kind)
                .containsExactly(Kind.BAD_SIGNATURE);
    }

    @Test
    void aChangedRootIsABadSignatureAndNoProofLeadsToIt() throws IOException {
        String tampered = changeCharacter(bundle(), "\"rootHash\" : \"", 0, 0);

        List<EvidenceFinding> findings = verify(tampered, Optional.of(publicKey)).findings();
        assertThat(findings.get(0).kind()).isEqualTo(Kind.BAD_SIGNATURE);
        assertThat(findings.subList(1, findings.size())).hasSize(6)
                .allSatisfy(finding -> assertThat(finding.kind()).isEqualTo(Kind.PROOF_MISMATCH));
    }

    @Test
    void anotherKeyThanTheSignersIsABadSignatureAndTheBundlesKeyIsNoticed() throws IOException {
        Verification verification = verify(bundle(), Optional.of(CheckpointKeys.generate().getPublic()));

        assertThat(verification.findings()).extracting(EvidenceFinding::kind).containsExactly(Kind.BAD_SIGNATURE);
        assertThat(verification.bundleKeyDiffers()).isTrue();
    }

    @Test
    void aReadableActorThatIsNotTheStoredOneIsAMetadataMismatch() throws IOException {
        String tampered = bundle().replaceFirst("\"actor\" : \"ann\"", "\"actor\" : \"bob\"");

        assertThat(verify(tampered, Optional.of(publicKey)).findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.METADATA_MISMATCH);
            assertThat(finding.message()).contains("\"bob\"").contains("\"ann\"");
        });
    }

    @Test
    void aChangedStatedCheckpointHashIsAFieldsMismatch() throws IOException {
        String tampered = changeCharacter(bundle(), "\"hash\" : \"", 0, 5);

        assertThat(verify(tampered, Optional.of(publicKey)).findings()).extracting(EvidenceFinding::kind)
                .containsExactly(Kind.CHECKPOINT_FIELDS_MISMATCH);
    }

    @Test
    void anEventLeftOutOfTheMiddleIsASequenceGap() throws IOException {
        String written = write(List.of(0, 2, 3, 6, 7), List.of());

        assertThat(verify(written, Optional.of(publicKey)).findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.SEQUENCE_GAP);
            assertThat(finding.where()).isEqualTo(PROJECT + " #2");
        });
    }

    @Test
    void aCountThatIsNotTheEventsListedIsACountMismatch() throws IOException {
        String tampered = bundle().replace("\"eventCount\" : 6", "\"eventCount\" : 7");

        assertThat(verify(tampered, Optional.of(publicKey)).findings()).extracting(EvidenceFinding::kind)
                .containsExactly(Kind.COUNT_MISMATCH);
    }

    @Test
    void anEventOfAnotherAggregateIsOutOfScopeEvenWithAValidProof() throws IOException {
        String written = write(List.of(0, 1, 2, 3, 4, 6, 7), List.of());

        assertThat(verify(written, Optional.of(publicKey)).findings()).extracting(EvidenceFinding::kind)
                .contains(Kind.OUT_OF_SCOPE).doesNotContain(Kind.PROOF_MISMATCH, Kind.LEAF_MISMATCH);
    }

    @Test
    void anEventWithoutALeafIsNotInTheLog() throws IOException {
        String written = write(List.of(0, 2, 3, 4, 6, 7), List.of(event(8, PROJECT, 4)));

        assertThat(verify(written, Optional.of(publicKey)).findings()).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(Kind.NOT_IN_LOG));
    }

    @Test
    void anEventOutsideThePeriodIsOutOfScope() throws IOException {
        String written = bundle().replaceFirst("\"from\" : null", "\"from\" : \"" + T0.plusSeconds(3) + "\"");

        assertThat(verify(written, Optional.of(publicKey)).findings()).extracting(EvidenceFinding::kind)
                .containsExactly(Kind.OUT_OF_SCOPE, Kind.OUT_OF_SCOPE);
    }

    @Test
    void whatIsNotAnEvidenceBundleIsUnreadable() {
        assertThatThrownBy(() -> verify("{\"events\": [", Optional.of(publicKey)))
                .isInstanceOf(UnreadableBundleException.class);
        assertThatThrownBy(() -> verify("[]", Optional.of(publicKey))).isInstanceOf(UnreadableBundleException.class);
        assertThatThrownBy(() -> verify(bundle().replace(EvidenceBundle.FORMAT_NAME, "something else"),
                Optional.of(publicKey))).isInstanceOf(UnreadableBundleException.class);
    }

    /** The project's and the ledger's events: log indexes 0, 2, 3, 4, 6, 7. */
    private String bundle() throws IOException {
        return write(List.of(0, 2, 3, 4, 6, 7), List.of());
    }

    private String write(List<Integer> logIndexes, List<StoredEvent> unlogged) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EvidenceBundleWriter writer = new EvidenceBundleWriter(out, subject, new Period(null, null),
                T0.plusSeconds(7200), CheckpointKeys.publicKeyPem(publicKey), 1, checkpoint)) {
            for (int index : logIndexes) {
                writer.event(log.get(index), (long) index, tree.leafHash(index),
                        tree.inclusionProof(index, tree.size()));
            }
            for (StoredEvent event : unlogged) {
                writer.event(event, null, null, null);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Verification verify(String bundle, Optional<PublicKey> key) throws IOException {
        return EvidenceBundleVerifier.verify(new ByteArrayInputStream(bundle.getBytes(StandardCharsets.UTF_8)), key);
    }

    /**
     * Changes one character of the value after the {@code occurrence}-th {@code marker}: to 0, or a 0 to 1,
     * which is another value in hex (read in either case) and base64 alike.
     */
    static String changeCharacter(String text, String marker, int occurrence, int offset) {
        int at = -1;
        for (int i = 0; i <= occurrence; i++) {
            at = text.indexOf(marker, at + 1);
            assertThat(at).as("occurrence %d of %s", i, marker).isNotNegative();
        }
        int position = at + marker.length() + offset;
        char original = text.charAt(position);
        char replacement = original == '0' ? '1' : '0';
        return text.substring(0, position) + replacement + text.substring(position + 1);
    }

    private static StoredEvent event(long globalIndex, String aggregate, long sequence) {
        String metadata = "{\"actor\":\"ann\",\"correlationId\":\"c-" + globalIndex + "\",\"reason\":null}";
        return new StoredEvent(globalIndex, "Project", aggregate, sequence, "e-" + globalIndex,
                T0.plusSeconds(globalIndex).toString(), "ProjectRenamedEvent", "1",
                metadata.getBytes(StandardCharsets.UTF_8),
                ("{\"name\":\"Apollo " + globalIndex + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
