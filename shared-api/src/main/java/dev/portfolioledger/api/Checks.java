package dev.portfolioledger.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Shape checks used by command constructors, so that a malformed command never reaches an
 * aggregate and text PostgreSQL cannot store never reaches an event.
 *
 * <p>Input rules (README, "Input rules"): names and people are one line of text (no control
 * characters at all), free text may hold tab, line feed and carriage return but no other C0
 * control character or DEL; no text holds an unpaired UTF-16 surrogate. Lengths count UTF-16
 * code units after trimming, so a character outside the Basic Multilingual Plane (most emoji)
 * counts two. Dates lie in {@link #FIRST_DATE} .. {@link #LAST_DATE}; amounts have at most
 * {@link #AMOUNT_INTEGER_DIGITS} digits before the decimal point.
 *
 * <p>Types carried inside events must keep loading events stored under older rules: they call
 * only {@link #trimmedText} and {@link #window}, never the stricter checks added later.
 */
public final class Checks {

    public static final int NAME_MAX = 200;
    public static final int TEXT_MAX = 4000;
    public static final int PERSON_MAX = 200;
    /** The audit reason of any command, and the reason that cancel and reject require. */
    public static final int REASON_MAX = 2000;
    /** A text a read filter compares with a stored identifier or name: none stored is longer. */
    public static final int FILTER_MAX = 255;
    /** Money amounts: at most this many digits before the decimal point (below a quadrillion). */
    public static final int AMOUNT_INTEGER_DIGITS = 15;
    /** Business dates (planned start and finish, due dates) lie in this range. */
    public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2199, 12, 31);

    /*
     * Beyond these a BigDecimal is refused before any arithmetic on it: stripping zeros or
     * printing 1e1000000 costs time and memory in proportion to the exponent.
     */
    private static final int AMOUNT_MAX_PRECISION = 34;
    private static final int AMOUNT_MAX_SCALE = 34;

    private Checks() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        return value;
    }

    /** A name: one line, trimmed, not blank, at most {@link #NAME_MAX} characters. */
    public static String name(String value, String field) {
        return line(value, field, NAME_MAX);
    }

    /** An optional name: null or blank becomes null, otherwise {@link #name}. */
    public static String optionalName(String value, String field) {
        return value == null || value.isBlank() ? null : name(value, field);
    }

    /** A person's name: one line, trimmed, not blank, at most {@link #PERSON_MAX} characters. */
    public static String person(String value, String field) {
        return line(value, field, PERSON_MAX);
    }

    /** Required free text: trimmed, not blank, at most {@code max} characters, storable. */
    public static String text(String value, String field, int max) {
        String trimmed = trimmedText(value, field, max);
        characters(value, field, true);
        return trimmed;
    }

    /** Optional free text: null or blank becomes null, otherwise trimmed, bounded and storable. */
    public static String optionalText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(value, field, max);
    }

    /** The optional audit reason: free text of at most {@link #REASON_MAX} characters. */
    public static String reason(String value) {
        return optionalText(value, "reason", REASON_MAX);
    }

    /** A list of free texts of at most {@link #TEXT_MAX} characters each, named {@code field[i]} in refusals. */
    public static List<String> texts(List<String> values, String field, int maxItems) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxItems) {
            throw invalid(field + " may hold at most " + maxItems + " entries");
        }
        String[] checked = new String[values.size()];
        for (int i = 0; i < checked.length; i++) {
            checked[i] = text(values.get(i), field + "[" + i + "]", TEXT_MAX);
        }
        return List.of(checked);
    }

    /**
     * Trimmed, not blank, at most {@code max} characters: the rule texts inside events were
     * stored under. Types that events deserialize through use it; do not tighten it.
     */
    public static String trimmedText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw invalid(field + " must be at most " + max + " characters");
        }
        return trimmed;
    }

    /**
     * A text a query filters by (an actor, an event type, a correlation id, a manager): null stays
     * null; one that no stored value can equal (a NUL, an unpaired surrogate, longer than
     * {@link #FILTER_MAX}) is refused as VALIDATION_FAILED here, before PostgreSQL refuses it as a
     * fault of the query.
     */
    public static String filterText(String value, String field) {
        if (value == null) {
            return null;
        }
        if (value.length() > FILTER_MAX) {
            throw invalid(field + " must be at most " + FILTER_MAX + " characters");
        }
        storable(value, field);
        return value;
    }

    /** {@link #trimmedText} for an optional text: null or blank becomes null. */
    public static String optionalTrimmedText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return trimmedText(value, field, max);
    }

    /**
     * Refuses what PostgreSQL text cannot hold and what no client means: NUL and unpaired UTF-16
     * surrogates. Every string of every command is screened with this at dispatch, whatever its
     * constructor checked.
     */
    public static void storable(String value, String field) {
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == 0) {
                throw invalid(field + " must not contain a NUL character (at position " + i + ")");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    throw unpairedSurrogate(field, i);
                }
            }
        }
    }

    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw invalid("currency must be an ISO 4217 code such as EUR");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw invalid("currency " + code + " is not an ISO 4217 code");
        }
    }

    public static UUID uuid(String value, String field) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        try {
            UUID parsed = UUID.fromString(value);
            if (!parsed.toString().equalsIgnoreCase(value)) {
                throw invalid(field + " is not a UUID");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw invalid(field + " is not a UUID");
        }
    }

    /**
     * An amount as a command may carry it: at most {@link #AMOUNT_INTEGER_DIGITS} digits before
     * the decimal point; the decimals are bounded by the currency ({@link Money}). Checked before
     * any arithmetic, so {@code 1e1000000} or {@code 1e-1000000} costs nothing to refuse.
     *
     * @return the amount, written without an exponent ({@code 1E+3} becomes {@code 1000}): the
     *         read models store numerics that way, so the event says what the views will show
     */
    public static BigDecimal amount(BigDecimal amount, String field) {
        required(amount, field);
        if (amount.precision() > AMOUNT_MAX_PRECISION || Math.abs(amount.scale()) > AMOUNT_MAX_SCALE) {
            throw amountOutOfRange(field);
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.precision() - stripped.scale() > AMOUNT_INTEGER_DIGITS) {
            throw amountOutOfRange(field);
        }
        return amount.scale() < 0 ? amount.setScale(0) : amount;
    }

    /** {@link #amount(BigDecimal, String)} for money a command carries; returns it as the command keeps it. */
    public static Money money(Money money, String field) {
        BigDecimal amount = required(money, field).amount();
        BigDecimal checked = amount(amount, field);
        return checked == amount ? money : new Money(checked, money.currency());
    }

    /** A business date, in {@link #FIRST_DATE} .. {@link #LAST_DATE}. */
    public static LocalDate date(LocalDate value, String field) {
        required(value, field);
        if (value.isBefore(FIRST_DATE) || value.isAfter(LAST_DATE)) {
            throw invalid(field + " must be between " + FIRST_DATE + " and " + LAST_DATE);
        }
        return value;
    }

    /** A planned window as commands carry it: both dates in range, the finish not before the start. */
    public static void plannedWindow(LocalDate start, LocalDate finish) {
        date(start, "plannedStart");
        date(finish, "plannedFinish");
        window(start, finish);
    }

    /** The finish not before the start; also applied when events load, so it stays as it is. */
    public static void window(LocalDate start, LocalDate finish) {
        required(start, "plannedStart");
        required(finish, "plannedFinish");
        if (finish.isBefore(start)) {
            throw invalid("plannedFinish must not be before plannedStart");
        }
    }

    public static RuleViolation invalid(String message) {
        return new RuleViolation(ErrorCode.VALIDATION_FAILED, message);
    }

    private static String line(String value, String field, int max) {
        String trimmed = trimmedText(value, field, max);
        characters(value, field, false);
        return trimmed;
    }

    /* Screens the text as sent, before trimming: strip() would silently drop some controls. */
    private static void characters(String value, String field, boolean freeText) {
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                if (freeText && (c == '\t' || c == '\n' || c == '\r')) {
                    continue;
                }
                throw invalid(field + " must not contain " + (c == 0 ? "a NUL character" : "control character U+"
                        + String.format("%04X", (int) c)) + " (at position " + i + ")"
                        + (freeText ? "; tab and line breaks are allowed" : "; it must be a single line"));
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    throw unpairedSurrogate(field, i);
                }
            }
        }
    }

    private static RuleViolation unpairedSurrogate(String field, int position) {
        return invalid(field + " must not contain an unpaired UTF-16 surrogate (at position " + position
                + "); send whole characters");
    }

    private static RuleViolation amountOutOfRange(String field) {
        return invalid(field + " must have at most " + AMOUNT_INTEGER_DIGITS
                + " digits before the decimal point and no more decimals than its currency has");
    }
}
