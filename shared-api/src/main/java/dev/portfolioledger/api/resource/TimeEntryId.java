package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Checks;

import java.util.Objects;
import java.util.UUID;

/** Identifies one time log entry of a resource. Its string form is the bare UUID. */
public record TimeEntryId(UUID value) {

    public TimeEntryId {
        Objects.requireNonNull(value, "TimeEntryId value");
    }

    public static TimeEntryId of(String value) {
        return new TimeEntryId(Checks.uuid(value, "time entry id"));
    }

    public static TimeEntryId random() {
        return new TimeEntryId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
