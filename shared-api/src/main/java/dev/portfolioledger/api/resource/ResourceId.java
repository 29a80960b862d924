package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Checks;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a resource (a person in a portfolio's pool). Its string form is the bare UUID, which
 * is also the aggregate identifier.
 */
public record ResourceId(UUID value) {

    public ResourceId {
        Objects.requireNonNull(value, "ResourceId value");
    }

    public static ResourceId of(String value) {
        return new ResourceId(Checks.uuid(value, "resource id"));
    }

    public static ResourceId random() {
        return new ResourceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
