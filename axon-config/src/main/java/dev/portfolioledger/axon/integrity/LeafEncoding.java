package dev.portfolioledger.axon.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The canonical bytes of one stored event: the leaf {@code d(i)} of the audit log's Merkle tree, whose
 * leaf hash is {@code SHA-256(0x00 || encode(event))} ({@link MerkleTree#hashLeaf}).
 *
 * <p>Version 1, in this order, with no padding and nothing between fields:
 * <pre>
 * field                 encoding
 * version               1 byte, 0x01
 * globalIndex           8 bytes, signed big-endian
 * aggregateType         text
 * aggregateIdentifier   text
 * sequenceNumber        8 bytes, signed big-endian
 * eventIdentifier       text
 * timestamp             text: the string Axon stored, e.g. "2026-01-02T03:04:05.678Z", never re-formatted
 * payloadType           text
 * payloadRevision       text
 * metaData              bytes: the stored (JSON) bytes, unchanged
 * payload               bytes: the stored (JSON) bytes, unchanged
 * </pre>
 * where <b>text</b> is the 4-byte unsigned big-endian length of the string's UTF-8 bytes, then those
 * bytes, and <b>bytes</b> is the 4-byte unsigned big-endian length, then the bytes. A null (the columns
 * {@code type}, {@code payloadrevision} and {@code metadata} allow it) is written as length 0, the same
 * as empty: Axon never stores an empty string or empty metadata there, so nothing is lost.
 *
 * <p>Because every variable field carries its length, no two different events share an encoding:
 * "ab" + "c" and "a" + "bc" differ in their length prefixes. The global index is inside the leaf, so
 * an event moved to another position no longer matches its leaf.
 */
public final class LeafEncoding {

    public static final byte VERSION = 0x01;

    private LeafEncoding() {
    }

    public static byte[] encode(StoredEvent event) {
        byte[][] variable = {
                utf8(event.aggregateType()), utf8(event.aggregateIdentifier()), utf8(event.eventIdentifier()),
                utf8(event.timestamp()), utf8(event.payloadType()), utf8(event.payloadRevision()),
                orEmpty(event.metaData()), event.payload()};
        int length = 1 + Long.BYTES + Long.BYTES + variable.length * Integer.BYTES;
        for (byte[] field : variable) {
            length += field.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        out.put(VERSION);
        out.putLong(event.globalIndex());
        putField(out, variable[0]);
        putField(out, variable[1]);
        out.putLong(event.sequenceNumber());
        for (int i = 2; i < variable.length; i++) {
            putField(out, variable[i]);
        }
        return out.array();
    }

    /** The Merkle leaf hash of the event: SHA-256(0x00 || encode(event)). */
    public static byte[] leafHash(StoredEvent event) {
        return MerkleTree.hashLeaf(encode(event));
    }

    private static void putField(ByteBuffer out, byte[] field) {
        out.putInt(field.length);
        out.put(field);
    }

    private static byte[] utf8(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] orEmpty(byte[] bytes) {
        return bytes == null ? new byte[0] : bytes;
    }
}
