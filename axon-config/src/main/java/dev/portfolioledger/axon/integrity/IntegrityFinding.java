package dev.portfolioledger.axon.integrity;

import java.util.Objects;

/**
 * One thing a verification found wrong. Findings are values, never exceptions: a verifier reports every
 * one it meets and goes on.
 *
 * @param location what {@link Kind} says: a log index (the leaf's position, 0-based) for leaf findings,
 *                 a checkpoint's tree size for checkpoint findings
 * @param message  for a person: what was expected and what was found
 */
public record IntegrityFinding(Kind kind, long location, String message) {

    public IntegrityFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public enum Kind {
        /** The event at this log index no longer encodes to the leaf the log recorded. Location: log index. */
        LEAF_MISMATCH,
        /** The log recorded a leaf at this index, and no event is there any more. Location: log index. */
        MISSING_LEAF,
        /**
         * An event is in the event table, older than the log's head, and the log recorded no leaf for it: it
         * was inserted behind the log's back. It has no log index, so the location is its global index.
         */
        UNEXPECTED_LEAF,
        /** The event recorded at this index is found at another one. Location: log index. */
        ORDER_CHANGED,
        /** The checkpoint's signature does not verify with the log's public key. Location: tree size. */
        BAD_SIGNATURE,
        /** The checkpoint does not name the hash of the checkpoint before it. Location: tree size. */
        BROKEN_CHAIN,
        /**
         * The checkpoint's tree is not an extension of the one before: it shrank, or no valid consistency
         * proof joins the two roots. Location: tree size of the later checkpoint.
         */
        INCONSISTENT_CHECKPOINT,
        /**
         * Checkpoints are missing at an end of the chain: the first one names a predecessor, or the
         * checkpoint known to be the latest is not in it. Location: tree size of the checkpoint at that end.
         */
        TRUNCATED_CHECKPOINTS,
        /**
         * An aggregate's stream skips sequence numbers (an event was deleted from its start or middle).
         * Location: the log index of the first event after the hole, or -1 when that event has no leaf.
         */
        SEQUENCE_GAP,
        /**
         * The log's recorded leaves no longer hash to the root a checkpoint signed (the leaves were
         * rewritten, or the log is shorter than the checkpoint). Location: the checkpoint's tree size.
         */
        ROOT_MISMATCH
    }
}
