package dev.portfolioledger.axon.integrity;

import java.util.Objects;

/**
 * One thing the check of an evidence bundle found wrong ({@link EvidenceBundleVerifier}).
 *
 * @param where   for a person: the event (log index, event id, aggregate and sequence number), or "checkpoint"
 * @param message what was expected and what was found
 */
public record EvidenceFinding(Kind kind, String where, String message) {

    public EvidenceFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    /** One line: {@code KIND where: message}. */
    @Override
    public String toString() {
        return kind + " " + where + ": " + message;
    }

    public enum Kind {
        /** The checkpoint's signature does not verify with the public key used. */
        BAD_SIGNATURE,
        /** The checkpoint's stated hash or readable time disagrees with its signed fields. */
        CHECKPOINT_FIELDS_MISMATCH,
        /** The event's fields no longer encode to the leaf hash the log recorded for its position. */
        LEAF_MISMATCH,
        /** The inclusion proof does not lead from the recorded leaf hash to the checkpoint's root. */
        PROOF_MISMATCH,
        /** The event is in the bundle without a leaf: the log never recorded it (inserted behind its back). */
        NOT_IN_LOG,
        /** The readable actor, reason or correlation id differs from the event's stored metadata. */
        METADATA_MISMATCH,
        /** The event belongs to no aggregate of the subject, or its timestamp is outside the period. */
        OUT_OF_SCOPE,
        /** Two events of the bundle share an event id, a log index, or an aggregate and sequence number. */
        DUPLICATE_EVENT,
        /** The bundle holds events of an aggregate with sequence numbers missing between them. */
        SEQUENCE_GAP,
        /** The bundle's event count differs from the events it lists. */
        COUNT_MISMATCH,
        /** An event lacks a field, or a field does not parse (hex, base64, number, timestamp). */
        MALFORMED_EVENT
    }
}
