package dev.portfolioledger.command.project;

import java.time.LocalDate;

/** GraphQL {@code AddDeliverableInput}; shape rules are checked by the command it becomes. */
public record AddDeliverableInput(String projectId, String deliverableId, String name, String description,
                                  String acceptanceCriteria, MoneyInput plannedCost, LocalDate plannedStart,
                                  LocalDate plannedFinish, String reason) {
}
