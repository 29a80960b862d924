package dev.portfolioledger.command.finance;

import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.command.project.MoneyInput;

import java.time.LocalDate;

/** GraphQL {@code RecordExpenseInput}; shape rules are checked by the command it becomes. */
public record RecordExpenseInput(String projectId, MoneyInput amount, CostCategory category, LocalDate incurredOn,
                                 String vendor, String description, String reason) {
}
