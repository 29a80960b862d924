package dev.portfolioledger.api.program;

import dev.portfolioledger.api.Checks;

import java.util.Objects;
import java.util.UUID;

/** Identifies a program. Its string form is the bare UUID, which is also the aggregate identifier. */
public record ProgramId(UUID value) {

    public ProgramId {
        Objects.requireNonNull(value, "ProgramId value");
    }

    public static ProgramId of(String value) {
        return new ProgramId(Checks.uuid(value, "program id"));
    }

    public static ProgramId random() {
        return new ProgramId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
