package dev.portfolioledger.axon.integrity;

import java.util.Optional;

/**
 * What the latest verification of the audit trail found about aggregates' streams: consulted before a
 * command is dispatched, so that nothing is appended on top of a rewritten past. Implemented where the
 * verification runs (the app); the command bus only asks.
 */
public interface IntegrityStatus {

    /** True when the latest verification found no aggregate's stream at fault: the fast path of every command. */
    boolean allStreamsIntact();

    /** Why the stream of this aggregate failed verification; empty when it did not. */
    Optional<String> violation(String aggregateIdentifier);
}
