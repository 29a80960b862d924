package dev.portfolioledger.api;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Shape checks used by message constructors, so that a malformed command never reaches an
 * aggregate and a malformed event can never be created.
 */
public final class Checks {

    public static final int NAME_MAX = 200;
    public static final int TEXT_MAX = 4000;
    public static final int PERSON_MAX = 200;

    private Checks() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        return value;
    }

    public static String name(String value, String field) {
        return text(value, field, NAME_MAX);
    }

    public static String person(String value, String field) {
        return text(value, field, PERSON_MAX);
    }

    /** Required, trimmed, not blank, at most {@code max} characters. */
    public static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw invalid(field + " must be at most " + max + " characters");
        }
        return trimmed;
    }

    /** Optional text: null or blank becomes null, otherwise trimmed and bounded. */
    public static String optionalText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(value, field, max);
    }

    public static List<String> texts(List<String> values, String field, int maxItems) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxItems) {
            throw invalid(field + " may hold at most " + maxItems + " entries");
        }
        return values.stream().map(v -> text(v, field, TEXT_MAX)).toList();
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
}
