package dev.portfolioledger.api.changerequest;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.MilestoneId;

import java.time.LocalDate;

/**
 * One change a change request proposes to the baseline. One shape for every kind; each kind uses
 * its own fields and the constructor refuses a missing one or one that belongs to another kind:
 * <ul>
 * <li>ADD_DELIVERABLE, MODIFY_DELIVERABLE: {@code deliverable}, the full new plan</li>
 * <li>REMOVE_DELIVERABLE: {@code deliverableId}</li>
 * <li>MOVE_MILESTONE: {@code milestoneId} and {@code newDueDate}</li>
 * <li>CHANGE_BUDGET: {@code category} and {@code newAmount} (not negative; zero clears the line)</li>
 * </ul>
 */
public record ProposedChange(
        ChangeKind kind,
        DeliverablePlan deliverable,
        DeliverableId deliverableId,
        MilestoneId milestoneId,
        LocalDate newDueDate,
        CostCategory category,
        Money newAmount) {

    public ProposedChange {
        Checks.required(kind, "kind");
        switch (kind) {
            case ADD_DELIVERABLE, MODIFY_DELIVERABLE -> {
                deliverable = validPlan(Checks.required(deliverable, kind + " deliverable"));
                unused(kind, deliverableId, "deliverableId");
                unused(kind, milestoneId, "milestoneId");
                unused(kind, newDueDate, "newDueDate");
                unused(kind, category, "category");
                unused(kind, newAmount, "newAmount");
            }
            case REMOVE_DELIVERABLE -> {
                Checks.required(deliverableId, kind + " deliverableId");
                unused(kind, deliverable, "deliverable");
                unused(kind, milestoneId, "milestoneId");
                unused(kind, newDueDate, "newDueDate");
                unused(kind, category, "category");
                unused(kind, newAmount, "newAmount");
            }
            case MOVE_MILESTONE -> {
                Checks.required(milestoneId, kind + " milestoneId");
                Checks.required(newDueDate, kind + " newDueDate");
                unused(kind, deliverable, "deliverable");
                unused(kind, deliverableId, "deliverableId");
                unused(kind, category, "category");
                unused(kind, newAmount, "newAmount");
            }
            case CHANGE_BUDGET -> {
                Checks.required(category, kind + " category");
                Checks.required(newAmount, kind + " newAmount").requireNonNegative("newAmount");
                unused(kind, deliverable, "deliverable");
                unused(kind, deliverableId, "deliverableId");
                unused(kind, milestoneId, "milestoneId");
                unused(kind, newDueDate, "newDueDate");
            }
        }
    }

    public static ProposedChange addDeliverable(DeliverablePlan deliverable) {
        return new ProposedChange(ChangeKind.ADD_DELIVERABLE, deliverable, null, null, null, null, null);
    }

    public static ProposedChange removeDeliverable(DeliverableId deliverableId) {
        return new ProposedChange(ChangeKind.REMOVE_DELIVERABLE, null, deliverableId, null, null, null, null);
    }

    public static ProposedChange modifyDeliverable(DeliverablePlan deliverable) {
        return new ProposedChange(ChangeKind.MODIFY_DELIVERABLE, deliverable, null, null, null, null, null);
    }

    public static ProposedChange moveMilestone(MilestoneId milestoneId, LocalDate newDueDate) {
        return new ProposedChange(ChangeKind.MOVE_MILESTONE, null, null, milestoneId, newDueDate, null, null);
    }

    public static ProposedChange changeBudget(CostCategory category, Money newAmount) {
        return new ProposedChange(ChangeKind.CHANGE_BUDGET, null, null, null, null, category, newAmount);
    }

    /** The deliverable this change adds, modifies or removes; null for milestone and budget changes. */
    public DeliverableId targetDeliverableId() {
        return deliverable != null ? deliverable.deliverableId() : deliverableId;
    }

    /** A short human description naming the change, for refusals and audit. */
    public String describe() {
        return switch (kind) {
            case ADD_DELIVERABLE -> "add deliverable " + deliverable.deliverableId() + " (\"" + deliverable.name() + "\")";
            case MODIFY_DELIVERABLE -> "modify deliverable " + deliverable.deliverableId()
                    + " (\"" + deliverable.name() + "\")";
            case REMOVE_DELIVERABLE -> "remove deliverable " + deliverableId;
            case MOVE_MILESTONE -> "move milestone " + milestoneId + " to " + newDueDate;
            case CHANGE_BUDGET -> "set the " + category + " budget to " + newAmount.amount().toPlainString() + " "
                    + newAmount.currency().getCurrencyCode();
        };
    }

    /**
     * The checks a planned deliverable got when change-request events were first stored, with its
     * texts trimmed. Events load through this constructor, so these rules never tighten; the
     * stricter input rules (characters, amounts, dates) are {@link #checkedInput}'s, which only
     * {@link SubmitChangeRequestCommand} applies.
     */
    private static DeliverablePlan validPlan(DeliverablePlan plan) {
        Checks.required(plan.deliverableId(), "deliverable.deliverableId");
        Checks.required(plan.plannedCost(), "deliverable.plannedCost").requireNonNegative("deliverable.plannedCost");
        Checks.window(plan.plannedStart(), plan.plannedFinish());
        return new DeliverablePlan(plan.deliverableId(),
                Checks.trimmedText(plan.name(), "deliverable.name", Checks.NAME_MAX),
                Checks.optionalTrimmedText(plan.description(), "deliverable.description", Checks.TEXT_MAX),
                Checks.optionalTrimmedText(plan.acceptanceCriteria(), "deliverable.acceptanceCriteria",
                                           Checks.TEXT_MAX),
                plan.plannedCost(), plan.plannedStart(), plan.plannedFinish());
    }

    /**
     * The input rules for a change a command carries, beyond what the constructor checks: text
     * characters, amount range and date range. {@code field} names the change in refusals.
     *
     * @return this change, its amounts written as {@link Checks#money} keeps them
     */
    ProposedChange checkedInput(String field) {
        DeliverablePlan plan = deliverable;
        if (plan != null) {
            Checks.name(plan.name(), field + ".deliverable.name");
            Checks.optionalText(plan.description(), field + ".deliverable.description", Checks.TEXT_MAX);
            Checks.optionalText(plan.acceptanceCriteria(), field + ".deliverable.acceptanceCriteria",
                                Checks.TEXT_MAX);
            Checks.date(plan.plannedStart(), field + ".deliverable.plannedStart");
            Checks.date(plan.plannedFinish(), field + ".deliverable.plannedFinish");
            Money cost = Checks.money(plan.plannedCost(), field + ".deliverable.plannedCost");
            if (cost != plan.plannedCost()) {
                plan = new DeliverablePlan(plan.deliverableId(), plan.name(), plan.description(),
                        plan.acceptanceCriteria(), cost, plan.plannedStart(), plan.plannedFinish());
            }
        }
        if (newDueDate != null) {
            Checks.date(newDueDate, field + ".newDueDate");
        }
        Money amount = newAmount == null ? null : Checks.money(newAmount, field + ".newAmount");
        if (plan == deliverable && amount == newAmount) {
            return this;
        }
        return new ProposedChange(kind, plan, deliverableId, milestoneId, newDueDate, category, amount);
    }

    private static void unused(ChangeKind kind, Object value, String field) {
        if (value != null) {
            throw Checks.invalid(field + " does not belong to a " + kind + " change");
        }
    }
}
