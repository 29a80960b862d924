package dev.portfolioledger.api.quality;

import dev.portfolioledger.api.Checks;

import java.util.Objects;
import java.util.UUID;

/** Identifies a stakeholder within its project. Its string form is the bare UUID. */
public record StakeholderId(UUID value) {

    public StakeholderId {
        Objects.requireNonNull(value, "StakeholderId value");
    }

    public static StakeholderId of(String value) {
        return new StakeholderId(Checks.uuid(value, "stakeholder id"));
    }

    public static StakeholderId random() {
        return new StakeholderId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
