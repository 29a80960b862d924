package dev.portfolioledger.api.finance;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An expense was reversed by a new entry of the ledger (the expense stays, this cancels it
 * entirely from the reversal's record time on). The reversed entry's amount, category and
 * incurred date are repeated so readers need no lookup.
 */
@Revision("1")
public record CostReversedEvent(
        CostLedgerId ledgerId,
        ProjectId projectId,
        CostEntryId reversalEntryId,
        CostEntryId reversedEntryId,
        Money amount,
        CostCategory category,
        LocalDate incurredOn,
        String reason) implements CostLedgerEvent {
}
