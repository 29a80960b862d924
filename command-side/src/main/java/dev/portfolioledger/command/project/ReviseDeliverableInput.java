package dev.portfolioledger.command.project;

import java.time.LocalDate;

/** GraphQL {@code ReviseDeliverableInput}: the complete new plan, not a patch. */
public record ReviseDeliverableInput(String projectId, String deliverableId, String name, String description,
                                     String acceptanceCriteria, MoneyInput plannedCost, LocalDate plannedStart,
                                     LocalDate plannedFinish, String reason) {
}
