package dev.portfolioledger.axon.integrity;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static dev.portfolioledger.axon.integrity.EvidenceBundle.*;

/**
 * Writes an evidence bundle as it goes: the header (subject, period, public key, checkpoint) first, then
 * one event at a time, then the count, so that a bundle of 200,000 events never sits in memory whole,
 * here or in a verifier that streams it ({@link EvidenceBundleVerifier}).
 */
public final class EvidenceBundleWriter implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonGenerator out;
    private long events;

    /** Writes the header; the caller then adds the events and closes the writer. */
    public EvidenceBundleWriter(OutputStream stream, Subject subject, Period period, Instant exportedAt,
                                String publicKeyPem, long checkpointNumber, Checkpoint checkpoint) throws IOException {
        out = JSON.getFactory().createGenerator(stream, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        out.useDefaultPrettyPrinter();
        out.writeStartObject();
        out.writeStringField(FORMAT, FORMAT_NAME);
        out.writeNumberField(FORMAT_VERSION, VERSION);
        out.writeNumberField(LEAF_ENCODING, LeafEncoding.VERSION);
        out.writeStringField(EXPORTED_AT, exportedAt.toString());
        out.writeObjectFieldStart(SUBJECT);
        out.writeStringField(SUBJECT_TYPE, subject.type());
        out.writeStringField(SUBJECT_ID, subject.id());
        out.writeArrayFieldStart(AGGREGATES);
        for (Member member : subject.aggregates()) {
            out.writeStartObject();
            out.writeStringField(ROLE, member.role());
            out.writeStringField(SUBJECT_ID, member.aggregateIdentifier());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
        out.writeObjectFieldStart(PERIOD);
        out.writeStringField(FROM, period.from() == null ? null : period.from().toString());
        out.writeStringField(TO, period.to() == null ? null : period.to().toString());
        out.writeEndObject();
        out.writeStringField(PUBLIC_KEY, publicKeyPem);
        out.writeObjectFieldStart(CHECKPOINT);
        out.writeNumberField(NUMBER, checkpointNumber);
        out.writeNumberField(TREE_SIZE, checkpoint.treeSize());
        out.writeStringField(ROOT_HASH, HEX.formatHex(checkpoint.rootHash()));
        out.writeStringField(ISSUED_AT, checkpoint.issuedAt().toString());
        out.writeNumberField(ISSUED_AT_SECONDS, checkpoint.issuedAt().getEpochSecond());
        out.writeNumberField(ISSUED_AT_NANOS, checkpoint.issuedAt().getNano());
        out.writeStringField(PREVIOUS_CHECKPOINT_HASH, HEX.formatHex(checkpoint.previousCheckpointHash()));
        out.writeStringField(SIGNATURE, Base64.getEncoder().encodeToString(checkpoint.signature()));
        out.writeStringField(CHECKPOINT_HASH, HEX.formatHex(checkpoint.hash()));
        out.writeEndObject();
        out.writeArrayFieldStart(EVENTS);
    }

    /**
     * One event as stored, with the leaf the log recorded for its position and its inclusion proof; an
     * event the log has no leaf for goes with null for all three.
     */
    public void event(StoredEvent event, Long logIndex, byte[] leafHash, List<byte[]> inclusionProof)
            throws IOException {
        out.writeStartObject();
        if (logIndex == null) {
            out.writeNullField(LOG_INDEX);
        } else {
            out.writeNumberField(LOG_INDEX, logIndex);
        }
        out.writeNumberField(GLOBAL_INDEX, event.globalIndex());
        out.writeStringField(AGGREGATE_TYPE, event.aggregateType());
        out.writeStringField(AGGREGATE_IDENTIFIER, event.aggregateIdentifier());
        out.writeNumberField(SEQUENCE_NUMBER, event.sequenceNumber());
        out.writeStringField(EVENT_IDENTIFIER, event.eventIdentifier());
        out.writeStringField(TIMESTAMP, event.timestamp());
        out.writeStringField(PAYLOAD_TYPE, event.payloadType());
        out.writeStringField(PAYLOAD_REVISION, event.payloadRevision());
        byte[] metaData = event.metaData();
        JsonNode readable = readableMetadata(metaData);
        for (String key : READABLE_METADATA) {
            JsonNode value = readable.get(key);
            out.writeStringField(key, value == null || value.isNull() ? null : value.asText());
        }
        out.writeStringField(META_DATA, metaData == null ? null : Base64.getEncoder().encodeToString(metaData));
        out.writeStringField(PAYLOAD, Base64.getEncoder().encodeToString(event.payload()));
        out.writeStringField(LEAF_HASH, leafHash == null ? null : HEX.formatHex(leafHash));
        if (inclusionProof == null) {
            out.writeNullField(INCLUSION_PROOF);
        } else {
            out.writeArrayFieldStart(INCLUSION_PROOF);
            for (byte[] hash : inclusionProof) {
                out.writeString(HEX.formatHex(hash));
            }
            out.writeEndArray();
        }
        out.writeEndObject();
        events++;
    }

    /** Ends the events, writes their count and closes the document (not the stream). */
    @Override
    public void close() throws IOException {
        out.writeEndArray();
        out.writeNumberField(EVENT_COUNT, events);
        out.writeEndObject();
        out.flush();
        out.close();
    }

    /** The stored metadata as JSON, or an empty object when it is absent or unreadable (then shown as null). */
    static JsonNode readableMetadata(byte[] metaData) {
        if (metaData == null || metaData.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(metaData);
            return node != null && node.isObject() ? node : JSON.createObjectNode();
        } catch (IOException unreadable) {
            return JSON.createObjectNode();
        }
    }
}
