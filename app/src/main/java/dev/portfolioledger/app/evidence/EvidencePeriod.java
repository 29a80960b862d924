package dev.portfolioledger.app.evidence;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.axon.integrity.EvidenceBundle.Period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The period of an evidence bundle from the request's {@code from} and {@code to}: each either an instant
 * (RFC 3339 with an offset, {@code 2027-03-31T09:15:00Z}) or a date ({@code 2027-03-31}, a UTC day).
 * {@code from} is inclusive (a date: from the start of that day), {@code to} exclusive for an instant and
 * inclusive for a date (to the end of that day), so {@code from=2027-01-01&to=2027-03-31} is the first
 * quarter. Either may be omitted for an open end.
 */
final class EvidencePeriod {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private EvidencePeriod() {
    }

    /**
     * @throws dev.portfolioledger.api.RuleViolation VALIDATION_FAILED for a bound that does not parse, or a
     *                                               {@code from} not before {@code to}
     */
    static Period parse(String from, String to) {
        Instant start = bound(from, "from", false);
        Instant end = bound(to, "to", true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw Checks.invalid("from must be before to");
        }
        return new Period(start, end);
    }

    private static Instant bound(String value, String name, boolean endOfDay) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() == 10) {
            try {
                LocalDate day = LocalDate.parse(value, DATE);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw Checks.invalid(name + " must be a date (2027-03-31) or an instant (2027-03-31T09:15:00Z)");
            }
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            throw Checks.invalid(name + " must be a date (2027-03-31) or an instant (2027-03-31T09:15:00Z)");
        }
    }
}
