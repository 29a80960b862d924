package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Replace a planned deliverable of a proposed project (every field). */
public record ReviseDeliverableCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        DeliverableId deliverableId,
        String name,
        String description,
        String acceptanceCriteria,
        Money plannedCost,
        LocalDate plannedStart,
        LocalDate plannedFinish) implements PlanningCommand {

    public ReviseDeliverableCommand {
        Checks.required(projectId, "projectId");
        Checks.required(deliverableId, "deliverableId");
        name = Checks.name(name, "name");
        description = Checks.optionalText(description, "description", Checks.TEXT_MAX);
        acceptanceCriteria = Checks.optionalText(acceptanceCriteria, "acceptanceCriteria", Checks.TEXT_MAX);
        plannedCost = Checks.money(plannedCost, "plannedCost").requireNonNegative("plannedCost");
        Checks.plannedWindow(plannedStart, plannedFinish);
    }

    public DeliverablePlan plan() {
        return new DeliverablePlan(deliverableId, name, description, acceptanceCriteria, plannedCost, plannedStart,
                                   plannedFinish);
    }
}
