package dev.portfolioledger.query.changerequest;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DeliverablePlan;

import java.time.LocalDate;
import java.util.List;

/**
 * What changed in a project's baseline from one version to a later one; computed by
 * {@link BaselineDiffs}. Change request ids are in the order the requests were approved.
 */
public record BaselineDiff(
        int fromVersion,
        int toVersion,
        List<DeliverableDiff> addedDeliverables,
        List<DeliverableDiff> removedDeliverables,
        List<ChangedDeliverable> changedDeliverables,
        List<MovedMilestone> movedMilestones,
        List<BudgetChange> budgetChanges) {

    public BaselineDiff {
        addedDeliverables = List.copyOf(addedDeliverables);
        removedDeliverables = List.copyOf(removedDeliverables);
        changedDeliverables = List.copyOf(changedDeliverables);
        movedMilestones = List.copyOf(movedMilestones);
        budgetChanges = List.copyOf(budgetChanges);
    }

    /** A deliverable added or removed, as planned in the version that has it. */
    public record DeliverableDiff(DeliverablePlan deliverable, List<String> changeRequestIds) {
    }

    /** A deliverable whose plan differs, with the differing fields. */
    public record ChangedDeliverable(String deliverableId, String name, List<FieldChange> fields,
                                     List<String> changeRequestIds) {
    }

    /** One differing field, old and new value as text; null for an unset value. */
    public record FieldChange(String field, String oldValue, String newValue) {
    }

    public record MovedMilestone(String milestoneId, String name, LocalDate oldDueDate, LocalDate newDueDate,
                                 List<String> changeRequestIds) {
    }

    /** A category whose budget differs; an amount is null when the version has no line for it. */
    public record BudgetChange(CostCategory category, Money oldAmount, Money newAmount,
                               List<String> changeRequestIds) {
    }
}
