package dev.portfolioledger.api.audit;

import java.util.Objects;
import java.util.UUID;

/** Identifies one recorded refusal: each denial is its own one-event stream. */
public record AccessDenialId(UUID value) {

    public AccessDenialId {
        Objects.requireNonNull(value, "AccessDenialId value");
    }

    public static AccessDenialId random() {
        return new AccessDenialId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
