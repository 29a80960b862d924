package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Money;

/** The budget planned for one cost category (part of a baseline). */
public record BudgetLine(CostCategory category, Money amount) {
}
