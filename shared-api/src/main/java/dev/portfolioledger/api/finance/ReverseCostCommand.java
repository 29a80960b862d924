package dev.portfolioledger.api.finance;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reverse an expense of a project's ledger: a new entry ({@code reversalEntryId}) that cancels
 * {@code reversedEntryId} entirely. An entry is reversed at most once, and a reversal is never
 * reversed itself. The reason is required.
 */
public record ReverseCostCommand(
        @TargetAggregateIdentifier CostLedgerId ledgerId,
        ProjectId projectId,
        CostEntryId reversalEntryId,
        CostEntryId reversedEntryId,
        String reason) {

    public ReverseCostCommand {
        Checks.required(projectId, "projectId");
        Checks.required(ledgerId, "ledgerId");
        if (!ledgerId.equals(CostLedgerId.of(projectId))) {
            throw Checks.invalid("ledger " + ledgerId + " is not the ledger of project " + projectId);
        }
        Checks.required(reversalEntryId, "reversalEntryId");
        Checks.required(reversedEntryId, "reversedEntryId");
        if (reversalEntryId.equals(reversedEntryId)) {
            throw Checks.invalid("a reversal needs an entry id of its own");
        }
        reason = Checks.text(reason, "reason", Checks.REASON_MAX);
    }

    /** The command for a project's ledger. */
    public static ReverseCostCommand of(ProjectId projectId, CostEntryId reversalEntryId, CostEntryId reversedEntryId,
                                        String reason) {
        return new ReverseCostCommand(projectId == null ? null : CostLedgerId.of(projectId), projectId,
                                      reversalEntryId, reversedEntryId, reason);
    }
}
