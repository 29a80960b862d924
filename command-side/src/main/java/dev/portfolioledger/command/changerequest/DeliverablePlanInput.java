package dev.portfolioledger.command.changerequest;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.command.project.MoneyInput;

import java.time.LocalDate;

/** GraphQL {@code DeliverablePlanInput}; shape rules are checked by the proposed change it becomes. */
public record DeliverablePlanInput(String deliverableId, String name, String description, String acceptanceCriteria,
                                   MoneyInput plannedCost, LocalDate plannedStart, LocalDate plannedFinish) {

    /** @param newDeliverable true when adding, so an absent id is chosen here; the aggregate never generates one */
    DeliverablePlan toPlan(boolean newDeliverable) {
        DeliverableId id;
        if (deliverableId != null) {
            id = DeliverableId.of(deliverableId);
        } else if (newDeliverable) {
            id = DeliverableId.random();
        } else {
            throw Checks.invalid("deliverable.deliverableId is required to modify a deliverable");
        }
        // Screened as sent: the proposed change trims its texts (leniently, as old events need),
        // which would hide a trailing control character from the submit command's own check.
        Checks.name(name, "deliverable.name");
        Checks.optionalText(description, "deliverable.description", Checks.TEXT_MAX);
        Checks.optionalText(acceptanceCriteria, "deliverable.acceptanceCriteria", Checks.TEXT_MAX);
        return new DeliverablePlan(id, name, description, acceptanceCriteria,
                Checks.required(plannedCost, "deliverable.plannedCost").toMoney("deliverable.plannedCost"), plannedStart, plannedFinish);
    }
}
