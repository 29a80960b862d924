package dev.portfolioledger.api.changerequest;

import dev.portfolioledger.api.Checks;

import java.util.Objects;
import java.util.UUID;

/** Identifies a change request within its project. Its string form is the bare UUID. */
public record ChangeRequestId(UUID value) {

    public ChangeRequestId {
        Objects.requireNonNull(value, "ChangeRequestId value");
    }

    public static ChangeRequestId of(String value) {
        return new ChangeRequestId(Checks.uuid(value, "change request id"));
    }

    public static ChangeRequestId random() {
        return new ChangeRequestId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
