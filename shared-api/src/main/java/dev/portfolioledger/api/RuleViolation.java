package dev.portfolioledger.api;

import java.util.Objects;

/**
 * A command or query refused for a business or shape reason. The message is written for the
 * client and must never contain internals; the code is the stable contract.
 */
public class RuleViolation extends RuntimeException {

    private final ErrorCode code;

    public RuleViolation(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code);
    }

    public ErrorCode code() {
        return code;
    }
}
