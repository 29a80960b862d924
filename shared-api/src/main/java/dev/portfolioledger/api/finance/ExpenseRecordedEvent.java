package dev.portfolioledger.api.finance;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An expense was recorded in a project's cost ledger (an actual cost, AC, from its incurred date on). */
@Revision("1")
public record ExpenseRecordedEvent(
        CostLedgerId ledgerId,
        ProjectId projectId,
        CostEntryId entryId,
        Money amount,
        CostCategory category,
        LocalDate incurredOn,
        String vendor,
        String description) implements CostLedgerEvent {
}
