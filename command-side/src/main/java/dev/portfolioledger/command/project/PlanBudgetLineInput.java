package dev.portfolioledger.command.project;

import dev.portfolioledger.api.project.CostCategory;

/** GraphQL {@code PlanBudgetLineInput}. */
public record PlanBudgetLineInput(String projectId, CostCategory category, MoneyInput amount, String reason) {
}
