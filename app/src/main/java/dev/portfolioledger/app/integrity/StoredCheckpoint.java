package dev.portfolioledger.app.integrity;

import dev.portfolioledger.axon.integrity.Checkpoint;

/**
 * A checkpoint with its place in the chain: {@code number} 1 is the first checkpoint the log signed,
 * and each later one counts on by one.
 */
public record StoredCheckpoint(long number, Checkpoint checkpoint) {
}
