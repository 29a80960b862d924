package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Checks;

import java.math.BigDecimal;

/** Shape checks shared by the resource commands. */
final class ResourceChecks {

    static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);

    private ResourceChecks() {
    }

    /** A share of full time, from {@code min} to 100 percent. */
    static int percent(int percent, String field, int min) {
        if (percent < min || percent > 100) {
            throw Checks.invalid(field + " must be between " + min + " and 100");
        }
        return percent;
    }

    /** Hours of one day: more than 0, at most 24, in hundredths at most. */
    static BigDecimal hours(BigDecimal hours) {
        Checks.required(hours, "hours");
        if (hours.signum() <= 0 || hours.compareTo(HOURS_PER_DAY) > 0) {
            throw Checks.invalid("hours must be more than 0 and at most 24");
        }
        if (hours.stripTrailingZeros().scale() > 2) {
            throw Checks.invalid("hours may have at most two decimals");
        }
        return hours;
    }
}
