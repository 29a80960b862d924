package dev.portfolioledger.api.finance;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies the cost ledger of one project. A project has exactly one, whose id is derived from
 * the project's (the same every time), so a client never needs to know it. Its string form is the
 * bare UUID.
 */
public record CostLedgerId(UUID value) {

    public CostLedgerId {
        Objects.requireNonNull(value, "CostLedgerId value");
    }

    /** The ledger of this project. */
    public static CostLedgerId of(ProjectId projectId) {
        Objects.requireNonNull(projectId, "projectId");
        return new CostLedgerId(UUID.nameUUIDFromBytes(("cost-ledger/" + projectId.value())
                .getBytes(StandardCharsets.UTF_8)));
    }

    public static CostLedgerId of(String value) {
        return new CostLedgerId(Checks.uuid(value, "cost ledger id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
