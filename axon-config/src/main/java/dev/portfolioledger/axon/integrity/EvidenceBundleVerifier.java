package dev.portfolioledger.axon.integrity;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portfolioledger.axon.integrity.EvidenceFinding.Kind;

import java.io.IOException;
import java.io.InputStream;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static dev.portfolioledger.axon.integrity.EvidenceBundle.*;

/**
 * Checks an evidence bundle with nothing but the bundle and a public key (docs/audit-integrity.md,
 * Evidence bundle): the checkpoint's Ed25519 signature; for every event, the leaf recomputed from its
 * stored fields ({@link LeafEncoding}) against the leaf hash the log recorded, and the inclusion proof of
 * that leaf hash against the checkpoint's root ({@link MerkleTree#verifyInclusion}); that the readable
 * actor, reason and correlation id are those of the stored metadata; that every event belongs to the
 * subject and the period, appears once, and that no aggregate's sequence numbers skip inside the bundle.
 * Every finding is reported, not only the first.
 *
 * <p>The document is read as a stream, one event at a time, so a bundle of 200,000 events needs memory
 * for the ids it has seen, not for the bundle.
 */
public final class EvidenceBundleVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    /** The bundle is not an evidence bundle this verifier can read (not JSON, another format, no checkpoint). */
    public static final class UnreadableBundleException extends IOException {

        public UnreadableBundleException(String message) {
            super(message);
        }

        public UnreadableBundleException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The outcome of a check.
     *
     * @param keyFromBundle     whether the signature was checked with the key inside the bundle, which proves
     *                          only that the bundle is consistent in itself
     * @param bundleKeyDiffers  whether a key was given and the bundle carries another one
     */
    public record Verification(Subject subject, Period period, long events, long checkpointNumber,
                               Checkpoint checkpoint, boolean keyFromBundle, boolean bundleKeyDiffers,
                               List<EvidenceFinding> findings) {

        public boolean intact() {
            return findings.isEmpty();
        }
    }

    private EvidenceBundleVerifier() {
    }

    /**
     * Checks the bundle read from {@code in}, with {@code trustedKey} when given, else with the bundle's key.
     *
     * @throws UnreadableBundleException when it is not JSON, not an evidence bundle of version 1, or lacks a
     *                                   readable subject, period, checkpoint or key
     */
    public static Verification verify(InputStream in, Optional<PublicKey> trustedKey) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        List<JsonNode> early = new ArrayList<>();
        Check check = null;
        try (JsonParser parser = JSON.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UnreadableBundleException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!EVENTS.equals(name)) {
                    header.set(name, JSON.readTree(parser));
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new UnreadableBundleException("\"" + EVENTS + "\" is not a list");
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode event = JSON.readTree(parser);
                    if (check == null && hasHeader(header)) {
                        check = new Check(header, trustedKey);
                    }
                    if (check == null) {
                        early.add(event);
                    } else {
                        check.event(event);
                    }
                }
            }
        } catch (UnreadableBundleException unreadable) {
            throw unreadable;
        } catch (IOException notJson) {
            String why = notJson instanceof JsonProcessingException json ? json.getOriginalMessage()
                    : notJson.getMessage();
            throw new UnreadableBundleException("not a readable JSON document: " + why, notJson);
        }
        if (check == null) {
            check = new Check(header, trustedKey);
        }
        for (JsonNode event : early) {
            check.event(event);
        }
        return check.finish(header.get(EVENT_COUNT));
    }

    private static boolean hasHeader(JsonNode header) {
        return header.has(FORMAT) && header.has(SUBJECT) && header.has(PERIOD) && header.has(CHECKPOINT)
                && header.has(PUBLIC_KEY);
    }

    /** The checks of one bundle, fed one event at a time. */
    private static final class Check {

        final Subject subject;
        final Set<String> aggregates = new HashSet<>();
        final Period period;
        final long checkpointNumber;
        final Checkpoint checkpoint;
        final JsonNode statedCheckpoint;
        final boolean keyFromBundle;
        final boolean bundleKeyDiffers;
        final List<EvidenceFinding> findings = new ArrayList<>();
        final Set<String> eventIds = new HashSet<>();
        final Set<Long> logIndexes = new HashSet<>();
        final Map<String, List<Long>> sequences = new HashMap<>();
        long events;

        Check(JsonNode header, Optional<PublicKey> trustedKey) throws UnreadableBundleException {
            if (!FORMAT_NAME.equals(header.path(FORMAT).asText()) || header.path(FORMAT_VERSION).asInt() != VERSION) {
                throw new UnreadableBundleException("not a \"" + FORMAT_NAME + "\" of version " + VERSION);
            }
            if (header.path(LEAF_ENCODING).asInt() != LeafEncoding.VERSION) {
                throw new UnreadableBundleException("leaf encoding " + header.path(LEAF_ENCODING)
                        + " is not version " + LeafEncoding.VERSION);
            }
            try {
                subject = subject(header.get(SUBJECT));
                subject.aggregates().forEach(member -> aggregates.add(member.aggregateIdentifier()));
                period = new Period(instantOrNull(header.path(PERIOD).get(FROM)),
                        instantOrNull(header.path(PERIOD).get(TO)));
                JsonNode stated = required(header, CHECKPOINT);
                checkpointNumber = required(stated, NUMBER).asLong();
                checkpoint = new Checkpoint(number(stated, TREE_SIZE), hex(stated, ROOT_HASH),
                        Instant.ofEpochSecond(number(stated, ISSUED_AT_SECONDS), number(stated, ISSUED_AT_NANOS)),
                        hex(stated, PREVIOUS_CHECKPOINT_HASH), base64(stated, SIGNATURE));
                statedCheckpoint = stated;
            } catch (RuntimeException malformed) {
                throw new UnreadableBundleException("the bundle's subject, period or checkpoint is malformed: "
                        + malformed.getMessage(), malformed);
            }
            Optional<PublicKey> bundleKey = Optional.ofNullable(header.get(PUBLIC_KEY))
                    .filter(JsonNode::isTextual).flatMap(key -> readKey(key.asText()));
            if (trustedKey.isEmpty() && bundleKey.isEmpty()) {
                throw new UnreadableBundleException("the bundle carries no readable public key, and none was given");
            }
            PublicKey key = trustedKey.orElseGet(bundleKey::get);
            keyFromBundle = trustedKey.isEmpty();
            bundleKeyDiffers = trustedKey.isPresent()
                    && !bundleKey.map(k -> Arrays.equals(k.getEncoded(), trustedKey.get().getEncoded())).orElse(false);
            if (new CheckpointVerifier(key).hasValidSignature(checkpoint)) {
                // a forged checkpoint is rejected as such; its stated hash and time add nothing to that
                checkCheckpointFields(statedCheckpoint);
            } else {
                findings.add(new EvidenceFinding(Kind.BAD_SIGNATURE, "checkpoint " + checkpointNumber,
                        "the signature over tree size " + checkpoint.treeSize() + ", root "
                                + HEX.formatHex(checkpoint.rootHash()) + " does not verify with the "
                                + (keyFromBundle ? "bundle's" : "given") + " public key"));
            }
        }

        private void checkCheckpointFields(JsonNode stated) {
            String where = "checkpoint " + checkpointNumber;
            byte[] hash = checkpoint.hash();
            if (!HEX.formatHex(hash).equals(stated.path(CHECKPOINT_HASH).asText())) {
                findings.add(new EvidenceFinding(Kind.CHECKPOINT_FIELDS_MISMATCH, where, "its stated hash "
                        + stated.path(CHECKPOINT_HASH).asText() + " is not the hash of its signed bytes and"
                        + " signature, " + HEX.formatHex(hash)));
            }
            if (!checkpoint.issuedAt().toString().equals(stated.path(ISSUED_AT).asText())) {
                findings.add(new EvidenceFinding(Kind.CHECKPOINT_FIELDS_MISMATCH, where, "its readable time "
                        + stated.path(ISSUED_AT).asText() + " is not the signed time " + checkpoint.issuedAt()));
            }
        }

        void event(JsonNode node) {
            events++;
            StoredEvent event;
            Long logIndex;
            byte[] leafHash;
            List<byte[]> proof;
            try {
                event = new StoredEvent(number(node, GLOBAL_INDEX), textOrNull(node, AGGREGATE_TYPE),
                        text(node, AGGREGATE_IDENTIFIER), number(node, SEQUENCE_NUMBER), text(node, EVENT_IDENTIFIER),
                        text(node, TIMESTAMP), text(node, PAYLOAD_TYPE), textOrNull(node, PAYLOAD_REVISION),
                        node.path(META_DATA).isNull() ? null : base64(node, META_DATA), base64(node, PAYLOAD));
                logIndex = node.path(LOG_INDEX).isNull() ? null : number(node, LOG_INDEX);
                leafHash = node.path(LEAF_HASH).isNull() ? null : hex(node, LEAF_HASH);
                proof = node.path(INCLUSION_PROOF).isNull() ? null : hexes(node.get(INCLUSION_PROOF));
                Instant.parse(event.timestamp());
            } catch (RuntimeException malformed) {
                findings.add(new EvidenceFinding(Kind.MALFORMED_EVENT, "event " + events + " of the bundle",
                        Objects.requireNonNullElse(malformed.getMessage(), malformed.getClass().getSimpleName())));
                return;
            }
            String where = (logIndex == null ? "" : "log index " + logIndex + " ") + "(event "
                    + event.eventIdentifier() + ", " + event.aggregateIdentifier() + " #" + event.sequenceNumber()
                    + ")";
            checkScope(event, where);
            checkUnique(event, logIndex, where);
            checkReadableMetadata(node, event, where);
            if (logIndex == null || leafHash == null || proof == null) {
                findings.add(new EvidenceFinding(Kind.NOT_IN_LOG, where, "the audit log has no leaf for this event"
                        + " at global index " + event.globalIndex() + ": it was stored behind the service's back"));
                return;
            }
            byte[] recomputed = LeafEncoding.leafHash(event);
            if (!Arrays.equals(recomputed, leafHash)) {
                findings.add(new EvidenceFinding(Kind.LEAF_MISMATCH, where, "the event's fields encode to leaf hash "
                        + HEX.formatHex(recomputed) + ", the log recorded " + HEX.formatHex(leafHash)));
            }
            if (!MerkleTree.verifyInclusion(logIndex, checkpoint.treeSize(), leafHash, proof, checkpoint.rootHash())) {
                findings.add(new EvidenceFinding(Kind.PROOF_MISMATCH, where, "the inclusion proof does not lead from"
                        + " leaf hash " + HEX.formatHex(leafHash) + " to the root of checkpoint " + checkpointNumber
                        + " (tree size " + checkpoint.treeSize() + ")"));
            }
        }

        private void checkScope(StoredEvent event, String where) {
            if (!aggregates.contains(event.aggregateIdentifier())) {
                findings.add(new EvidenceFinding(Kind.OUT_OF_SCOPE, where, "aggregate " + event.aggregateIdentifier()
                        + " is not one of the subject's aggregates"));
            }
            Instant timestamp = Instant.parse(event.timestamp());
            if (!period.contains(timestamp)) {
                findings.add(new EvidenceFinding(Kind.OUT_OF_SCOPE, where, "its timestamp " + event.timestamp()
                        + " is outside the period [" + period.from() + ", " + period.to() + ")"));
            }
        }

        private void checkUnique(StoredEvent event, Long logIndex, String where) {
            if (!eventIds.add(event.eventIdentifier())) {
                findings.add(new EvidenceFinding(Kind.DUPLICATE_EVENT, where, "the event id appears twice"));
            }
            if (logIndex != null && !logIndexes.add(logIndex)) {
                findings.add(new EvidenceFinding(Kind.DUPLICATE_EVENT, where, "log index " + logIndex
                        + " appears twice"));
            }
            sequences.computeIfAbsent(event.aggregateIdentifier(), id -> new ArrayList<>()).add(event.sequenceNumber());
        }

        private void checkReadableMetadata(JsonNode node, StoredEvent event, String where) {
            JsonNode stored = EvidenceBundleWriter.readableMetadata(event.metaData());
            for (String key : READABLE_METADATA) {
                String shown = textOrNull(node, key);
                JsonNode value = stored.get(key);
                String actual = value == null || value.isNull() ? null : value.asText();
                if (!Objects.equals(shown, actual)) {
                    findings.add(new EvidenceFinding(Kind.METADATA_MISMATCH, where, "it shows " + key + " "
                            + quoted(shown) + ", the stored metadata says " + quoted(actual)));
                }
            }
        }

        Verification finish(JsonNode statedCount) {
            sequences.forEach((aggregate, numbers) -> {
                numbers.sort(null);
                for (int i = 1; i < numbers.size(); i++) {
                    long before = numbers.get(i - 1);
                    long after = numbers.get(i);
                    if (after == before) {
                        findings.add(new EvidenceFinding(Kind.DUPLICATE_EVENT, aggregate + " #" + after,
                                "two events of the bundle have this sequence number"));
                    } else if (after > before + 1) {
                        findings.add(new EvidenceFinding(Kind.SEQUENCE_GAP, aggregate + " #" + (before + 1),
                                "the bundle holds #" + before + " and #" + after + " of " + aggregate
                                        + " but not the " + (after - before - 1) + " event(s) between them"));
                    }
                }
            });
            if (statedCount == null || !statedCount.canConvertToLong() || statedCount.asLong() != events) {
                findings.add(new EvidenceFinding(Kind.COUNT_MISMATCH, "bundle", "it lists " + events
                        + " events and states " + (statedCount == null ? "no count" : statedCount.toString())));
            }
            return new Verification(subject, period, events, checkpointNumber, checkpoint, keyFromBundle,
                    bundleKeyDiffers, List.copyOf(findings));
        }
    }

    private static Subject subject(JsonNode node) {
        List<Member> members = new ArrayList<>();
        for (JsonNode member : required(node, AGGREGATES)) {
            members.add(new Member(text(member, ROLE), text(member, SUBJECT_ID)));
        }
        return new Subject(text(node, SUBJECT_TYPE), text(node, SUBJECT_ID), members);
    }

    private static Optional<PublicKey> readKey(String pem) {
        try {
            return Optional.of(CheckpointKeys.readPublicKey(pem));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is not a string");
        }
        return value.asText();
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : text(node, field);
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("\"" + field + "\" is not an integer");
        }
        return value.asLong();
    }

    private static byte[] hex(JsonNode node, String field) {
        try {
            return HEX.parseHex(text(node, field));
        } catch (IllegalArgumentException notHex) {
            throw new IllegalArgumentException("\"" + field + "\" is not hex");
        }
    }

    private static List<byte[]> hexes(JsonNode list) {
        if (!list.isArray()) {
            throw new IllegalArgumentException("\"" + INCLUSION_PROOF + "\" is not a list");
        }
        List<byte[]> hashes = new ArrayList<>(list.size());
        for (JsonNode hash : list) {
            if (!hash.isTextual()) {
                throw new IllegalArgumentException("\"" + INCLUSION_PROOF + "\" holds a value that is not a string");
            }
            try {
                hashes.add(HEX.parseHex(hash.asText()));
            } catch (IllegalArgumentException notHex) {
                throw new IllegalArgumentException("\"" + INCLUSION_PROOF + "\" holds a value that is not hex");
            }
        }
        return hashes;
    }

    private static byte[] base64(JsonNode node, String field) {
        try {
            return Base64.getDecoder().decode(text(node, field));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("\"" + field + "\" is not base64");
        }
    }

    private static Instant instantOrNull(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException notAnInstant) {
            throw new IllegalArgumentException("\"" + node.asText() + "\" is not an instant");
        }
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }
}
