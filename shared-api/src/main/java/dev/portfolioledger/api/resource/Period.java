package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Checks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** A run of days, first and last day included. */
public record Period(LocalDate start, LocalDate end) {

    /** Checks only the order: events load periods as they were stored (validation belongs to commands). */
    public Period {
        Checks.required(start, "start");
        Checks.required(end, "end");
        if (end.isBefore(start)) {
            throw Checks.invalid("end " + end + " must not be before start " + start);
        }
    }

    /** A period as a command carries it: both dates in the supported range, the end not before the start. */
    public static Period checked(Period period, String field) {
        Checks.required(period, field);
        Checks.date(period.start(), field + ".start");
        Checks.date(period.end(), field + ".end");
        return period;
    }

    public static Period of(LocalDate start, LocalDate end) {
        return new Period(start, end);
    }

    public static Period day(LocalDate day) {
        return new Period(day, day);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    public boolean overlaps(Period other) {
        return !other.end.isBefore(start) && !other.start.isAfter(end);
    }

    /** The days both periods share, if any. */
    public Optional<Period> intersection(Period other) {
        LocalDate from = start.isAfter(other.start) ? start : other.start;
        LocalDate to = end.isBefore(other.end) ? end : other.end;
        return to.isBefore(from) ? Optional.empty() : Optional.of(new Period(from, to));
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    @Override
    public String toString() {
        return start.equals(end) ? start.toString() : start + ".." + end;
    }
}
