package dev.portfolioledger.api;

import java.util.Map;
import java.util.Objects;

/**
 * A command or query refused for a business or shape reason. The message is written for the
 * client and must never contain internals; the code is the stable contract.
 */
public class RuleViolation extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> details;

    public RuleViolation(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    /**
     * @param details what a client may act on besides the message (for example the days a capacity
     *                is exceeded on), as JSON-like values: strings, numbers, booleans, lists and maps
     *                of them; they appear in the error's {@code extensions}
     */
    public RuleViolation(ErrorCode code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code);
        this.details = Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
