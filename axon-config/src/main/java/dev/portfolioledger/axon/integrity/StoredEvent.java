package dev.portfolioledger.axon.integrity;

import java.util.Arrays;
import java.util.Objects;

/**
 * One row of Axon's event table ({@code domainevententry}), exactly as stored: the thing the audit log
 * vouches for. Nullable where the column is: {@code aggregateType}, {@code payloadRevision} and
 * {@code metaData}; {@link LeafEncoding} writes a null as an empty field.
 *
 * @param timestamp the text Axon stored (ISO-8601), not a parsed instant: re-formatting would change it
 */
public record StoredEvent(long globalIndex, String aggregateType, String aggregateIdentifier, long sequenceNumber,
                          String eventIdentifier, String timestamp, String payloadType, String payloadRevision,
                          byte[] metaData, byte[] payload) {

    public StoredEvent {
        Objects.requireNonNull(aggregateIdentifier, "aggregateIdentifier");
        Objects.requireNonNull(eventIdentifier, "eventIdentifier");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(payload, "payload");
        metaData = metaData == null ? null : metaData.clone();
        payload = payload.clone();
    }

    @Override
    public byte[] metaData() {
        return metaData == null ? null : metaData.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredEvent that
                && globalIndex == that.globalIndex
                && sequenceNumber == that.sequenceNumber
                && Objects.equals(aggregateType, that.aggregateType)
                && aggregateIdentifier.equals(that.aggregateIdentifier)
                && eventIdentifier.equals(that.eventIdentifier)
                && timestamp.equals(that.timestamp)
                && payloadType.equals(that.payloadType)
                && Objects.equals(payloadRevision, that.payloadRevision)
                && Arrays.equals(metaData, that.metaData)
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(globalIndex, aggregateType, aggregateIdentifier, sequenceNumber, eventIdentifier,
                timestamp, payloadType, payloadRevision, Arrays.hashCode(metaData), Arrays.hashCode(payload));
    }

    /** Without the bytes: a payload may be large, and it is not for logs. */
    @Override
    public String toString() {
        return "StoredEvent[globalIndex=" + globalIndex + ", aggregateType=" + aggregateType
                + ", aggregateIdentifier=" + aggregateIdentifier + ", sequenceNumber=" + sequenceNumber
                + ", eventIdentifier=" + eventIdentifier + ", timestamp=" + timestamp
                + ", payloadType=" + payloadType + ", payloadRevision=" + payloadRevision
                + ", metaData=" + (metaData == null ? "null" : metaData.length + " bytes")
                + ", payload=" + payload.length + " bytes]";
    }
}
