package dev.portfolioledger.command.changerequest;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.changerequest.ChangeKind;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.command.project.MoneyInput;

import java.time.LocalDate;

/** GraphQL {@code ProposedChangeInput}; the per-kind shape is checked by {@link ProposedChange}. */
public record ProposedChangeInput(ChangeKind kind, DeliverablePlanInput deliverable, String deliverableId,
                                  String milestoneId, LocalDate newDueDate, CostCategory category,
                                  MoneyInput newAmount) {

    public ProposedChange toChange() {
        Checks.required(kind, "kind");
        return new ProposedChange(kind,
                deliverable == null ? null : deliverable.toPlan(kind == ChangeKind.ADD_DELIVERABLE),
                deliverableId == null ? null : DeliverableId.of(deliverableId),
                milestoneId == null ? null : MilestoneId.of(milestoneId),
                newDueDate, category,
                newAmount == null ? null : newAmount.toMoney("newAmount"));
    }
}
