package dev.portfolioledger.api.risk;

import dev.portfolioledger.api.Checks;

/** Probability and impact are rated 1 (lowest) to 5 (highest); exposure is their product, 1 to 25. */
public final class RiskScale {

    public static final int MIN = 1;
    public static final int MAX = 5;

    private RiskScale() {
    }

    /** A rating as a command carries it: 1 to 5, else VALIDATION_FAILED naming the field. */
    public static int rating(int value, String field) {
        if (value < MIN || value > MAX) {
            throw Checks.invalid(field + " must be between " + MIN + " and " + MAX + ", was " + value);
        }
        return value;
    }

    public static int exposure(int probability, int impact) {
        return probability * impact;
    }
}
