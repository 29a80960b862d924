package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Checks;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Identifies one allocation of a resource to a project. Its string form is the bare UUID. */
public record AllocationId(UUID value) {

    public AllocationId {
        Objects.requireNonNull(value, "AllocationId value");
    }

    public static AllocationId of(String value) {
        return new AllocationId(Checks.uuid(value, "allocation id"));
    }

    public static AllocationId random() {
        return new AllocationId(UUID.randomUUID());
    }

    /**
     * A new id derived from this one and a part name, the same every time: when a reallocation
     * splits an allocation, the pieces get ids derived from the command's id, so the aggregate
     * never makes up a random one.
     */
    public AllocationId derived(String part) {
        return new AllocationId(UUID.nameUUIDFromBytes((value + "/" + part).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
