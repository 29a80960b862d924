package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;

import java.util.Objects;
import java.util.UUID;

/** Identifies a deliverable within its project. Its string form is the bare UUID. */
public record DeliverableId(UUID value) {

    public DeliverableId {
        Objects.requireNonNull(value, "DeliverableId value");
    }

    public static DeliverableId of(String value) {
        return new DeliverableId(Checks.uuid(value, "deliverable id"));
    }

    public static DeliverableId random() {
        return new DeliverableId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
