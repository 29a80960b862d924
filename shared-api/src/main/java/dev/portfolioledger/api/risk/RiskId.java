package dev.portfolioledger.api.risk;

import dev.portfolioledger.api.Checks;

import java.util.Objects;
import java.util.UUID;

/** Identifies a risk within its project's register. Its string form is the bare UUID. */
public record RiskId(UUID value) {

    public RiskId {
        Objects.requireNonNull(value, "RiskId value");
    }

    public static RiskId of(String value) {
        return new RiskId(Checks.uuid(value, "risk id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
