package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;

import java.util.Objects;
import java.util.UUID;

/** Identifies a milestone within its project. Its string form is the bare UUID. */
public record MilestoneId(UUID value) {

    public MilestoneId {
        Objects.requireNonNull(value, "MilestoneId value");
    }

    public static MilestoneId of(String value) {
        return new MilestoneId(Checks.uuid(value, "milestone id"));
    }

    public static MilestoneId random() {
        return new MilestoneId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
