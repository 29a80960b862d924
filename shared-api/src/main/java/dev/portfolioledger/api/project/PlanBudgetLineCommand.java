package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set the budget of one cost category of a proposed project (zero clears it). */
public record PlanBudgetLineCommand(@TargetAggregateIdentifier ProjectId projectId, CostCategory category, Money amount)
        implements PlanningCommand {

    public PlanBudgetLineCommand {
        Checks.required(projectId, "projectId");
        Checks.required(category, "category");
        amount = Checks.money(amount, "amount").requireNonNegative("amount");
    }
}
