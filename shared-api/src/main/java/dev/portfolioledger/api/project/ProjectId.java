package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;

import java.util.Objects;
import java.util.UUID;

/** Identifies a project. Its string form is the bare UUID, which is also the aggregate identifier. */
public record ProjectId(UUID value) {

    public ProjectId {
        Objects.requireNonNull(value, "ProjectId value");
    }

    public static ProjectId of(String value) {
        return new ProjectId(Checks.uuid(value, "project id"));
    }

    public static ProjectId random() {
        return new ProjectId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
