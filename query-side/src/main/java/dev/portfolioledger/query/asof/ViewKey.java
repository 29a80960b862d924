package dev.portfolioledger.query.asof;

import java.util.Objects;
import java.util.UUID;

/** One view of one kind: a portfolio, a program, a project, a project's plan, a change request. */
public record ViewKey(ViewKind kind, UUID id) {

    public ViewKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }
}
