package dev.portfolioledger.query.finance;

import dev.portfolioledger.api.project.CostCategory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One entry of a project's cost ledger as GraphQL shows it: an expense, or the reversal that
 * cancels one (amount negative). Entries are never edited; an expense shows its reversal once
 * that is recorded (as of the instant read).
 *
 * @param reverses    of a reversal: the expense it cancels
 * @param reversedBy  of an expense: the reversal that cancelled it, null while it stands
 * @param recordedAt  the record time of the entry's decision
 */
public record CostEntry(UUID id, Kind kind, CostCategory category, LocalDate incurredOn, Amount amount,
                        String vendor, String description, String reason, String actor, UUID reverses,
                        UUID reversedBy, Instant recordedAt) {

    /** An expense, or a reversal of one. */
    public enum Kind {
        EXPENSE,
        REVERSAL
    }
}
