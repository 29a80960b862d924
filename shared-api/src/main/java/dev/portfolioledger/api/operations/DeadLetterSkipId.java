package dev.portfolioledger.api.operations;

import dev.portfolioledger.api.Checks;

import java.util.Objects;
import java.util.UUID;

/** Identifies one operator decision to skip a dead letter. */
public record DeadLetterSkipId(UUID value) {

    public DeadLetterSkipId {
        Objects.requireNonNull(value, "DeadLetterSkipId value");
    }

    public static DeadLetterSkipId of(String value) {
        return new DeadLetterSkipId(Checks.uuid(value, "dead-letter skip id"));
    }

    public static DeadLetterSkipId random() {
        return new DeadLetterSkipId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
