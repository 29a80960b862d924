package dev.portfolioledger.axon.idempotency;

import java.util.UUID;

/**
 * What claiming an Idempotency-Key decided: run the request (as attempt {@code attempt}), answer
 * the stored response of an earlier one, or refuse.
 */
public record IdempotencyClaim(Decision decision, UUID attempt, String storedResponse) {

    /** What the web layer does with the request. */
    public enum Decision {
        /** Nobody runs it now: run it, as a first attempt or taking over an abandoned one. */
        RUN,
        /** It has run to a known outcome: answer that outcome again. */
        REPLAY,
        /** The key was used by this principal for a different request. */
        REUSED,
        /** Another attempt is still running it after the wait. */
        IN_USE
    }

    static IdempotencyClaim run(UUID attempt) {
        return new IdempotencyClaim(Decision.RUN, attempt, null);
    }

    static IdempotencyClaim replay(String response) {
        return new IdempotencyClaim(Decision.REPLAY, null, response);
    }

    static IdempotencyClaim refused(Decision decision) {
        return new IdempotencyClaim(decision, null, null);
    }
}
