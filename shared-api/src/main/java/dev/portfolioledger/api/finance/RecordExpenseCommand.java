package dev.portfolioledger.api.finance;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record an expense of a project in its ledger (the first one opens the ledger). The amount is
 * positive and in the portfolio's currency; a correction is a reversal, never an edit.
 */
public record RecordExpenseCommand(
        @TargetAggregateIdentifier CostLedgerId ledgerId,
        ProjectId projectId,
        CostEntryId entryId,
        Money amount,
        CostCategory category,
        LocalDate incurredOn,
        String vendor,
        String description) {

    public RecordExpenseCommand {
        Checks.required(projectId, "projectId");
        Checks.required(ledgerId, "ledgerId");
        if (!ledgerId.equals(CostLedgerId.of(projectId))) {
            throw Checks.invalid("ledger " + ledgerId + " is not the ledger of project " + projectId);
        }
        Checks.required(entryId, "entryId");
        amount = Checks.money(amount, "amount");
        if (amount.amount().signum() <= 0) {
            throw Checks.invalid("amount must be positive; a correction is a reversal");
        }
        Checks.required(category, "category");
        Checks.date(incurredOn, "incurredOn");
        vendor = Checks.optionalName(vendor, "vendor");
        description = Checks.optionalText(description, "description", Checks.TEXT_MAX);
    }

    /** The command for a project's ledger. */
    public static RecordExpenseCommand of(ProjectId projectId, CostEntryId entryId, Money amount, CostCategory category,
                                          LocalDate incurredOn, String vendor, String description) {
        return new RecordExpenseCommand(projectId == null ? null : CostLedgerId.of(projectId), projectId, entryId,
                                        amount, category, incurredOn, vendor, description);
    }
}
