package dev.portfolioledger.api;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount in an ISO currency. Amounts keep the scale they were given (no rounding); at most
 * the currency's minor units are allowed, so 10.005 EUR is refused.
 */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Checks.required(amount, "amount");
        Checks.required(currency, "currency");
        int minorUnits = Math.max(currency.getDefaultFractionDigits(), 0);
        if (amount.stripTrailingZeros().scale() > minorUnits) {
            // toPlainString of an absurd scale would allocate a string as long as the scale.
            String written = Math.abs(amount.scale()) > 40 ? amount.toString() : amount.toPlainString();
            throw Checks.invalid("amount " + written + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + minorUnits + ")");
        }
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Checks.currency(currencyCode));
    }

    /** This amount, refused when it is negative (planned costs and budgets never are). */
    public Money requireNonNegative(String field) {
        if (amount.signum() < 0) {
            throw Checks.invalid(field + " must not be negative");
        }
        return this;
    }

    public boolean isIn(Currency other) {
        return currency.equals(other);
    }
}
