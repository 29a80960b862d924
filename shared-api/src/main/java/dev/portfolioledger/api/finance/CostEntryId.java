package dev.portfolioledger.api.finance;

import dev.portfolioledger.api.Checks;

import java.util.Objects;
import java.util.UUID;

/** Identifies one entry of a cost ledger (an expense or a reversal). Its string form is the bare UUID. */
public record CostEntryId(UUID value) {

    public CostEntryId {
        Objects.requireNonNull(value, "CostEntryId value");
    }

    public static CostEntryId of(String value) {
        return new CostEntryId(Checks.uuid(value, "cost entry id"));
    }

    public static CostEntryId random() {
        return new CostEntryId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
