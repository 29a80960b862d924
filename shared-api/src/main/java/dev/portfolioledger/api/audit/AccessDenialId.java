package dev.portfolioledger.api.audit;

import dev.portfolioledger.api.Checks;

import java.util.Objects;
import java.util.UUID;

/** Identifies one recorded refusal: each denial is its own one-event stream. */
public record AccessDenialId(UUID value) {

    public AccessDenialId {
        Objects.requireNonNull(value, "AccessDenialId value");
    }

    public static AccessDenialId of(String value) {
        return new AccessDenialId(Checks.uuid(value, "access denial id"));
    }

    public static AccessDenialId random() {
        return new AccessDenialId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
