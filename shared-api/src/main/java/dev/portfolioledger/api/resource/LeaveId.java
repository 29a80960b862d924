package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Checks;

import java.util.Objects;
import java.util.UUID;

/** Identifies one recorded leave of a resource. Its string form is the bare UUID. */
public record LeaveId(UUID value) {

    public LeaveId {
        Objects.requireNonNull(value, "LeaveId value");
    }

    public static LeaveId of(String value) {
        return new LeaveId(Checks.uuid(value, "leave id"));
    }

    public static LeaveId random() {
        return new LeaveId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
