package dev.portfolioledger.query.project;

import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.BudgetLine;
import dev.portfolioledger.api.project.BudgetLinePlannedEvent;
import dev.portfolioledger.api.project.DeliverableAddedEvent;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.DeliverableRemovedEvent;
import dev.portfolioledger.api.project.DeliverableRevisedEvent;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.MilestonePlan;
import dev.portfolioledger.api.project.MilestoneRemovedEvent;
import dev.portfolioledger.api.project.MilestoneRevisedEvent;
import dev.portfolioledger.api.project.MilestoneScheduledEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectObjectivesDefinedEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The plan of a project as its events make it: scope, schedule, budget, objectives and the
 * baseline version. The {@code on} methods are the whole projection logic and are pure, so a past
 * plan is the same fold over fewer events. Every list keeps the order its items were added in.
 *
 * <p>A plan event that does not fit the plan (an added item that is already there, a revised or
 * removed one that is not) means an event was lost or applied twice; it fails loudly so the
 * dead-letter queue holds it rather than the view silently drifting from the events.
 *
 * @param budget          only lines with a non-zero amount, at most one per cost category
 * @param baselineVersion null until approval establishes baseline 1
 */
public record ProjectPlan(
        ProjectId projectId,
        List<DeliverablePlan> deliverables,
        List<MilestonePlan> milestones,
        List<BudgetLine> budget,
        List<String> objectives,
        Integer baselineVersion) {

    public ProjectPlan {
        Objects.requireNonNull(projectId, "projectId");
        deliverables = List.copyOf(deliverables);
        milestones = List.copyOf(milestones);
        budget = List.copyOf(budget);
        objectives = List.copyOf(objectives);
    }

    /** The plan of a project that was just proposed. */
    public static ProjectPlan empty(ProjectId projectId) {
        return new ProjectPlan(projectId, List.of(), List.of(), List.of(), List.of(), null);
    }

    public ProjectPlan on(DeliverableAddedEvent e) {
        DeliverableId id = e.deliverable().deliverableId();
        if (indexOf(deliverables, DeliverablePlan::deliverableId, id) >= 0) {
            throw mismatch(e, "deliverable " + id + " is already planned");
        }
        return withSchedule(appended(deliverables, e.deliverable()), milestones);
    }

    public ProjectPlan on(DeliverableRevisedEvent e) {
        DeliverableId id = e.deliverable().deliverableId();
        return withSchedule(replaced(deliverables, DeliverablePlan::deliverableId, id, e.deliverable(), e),
                            milestones);
    }

    /** Milestones that marked the removed deliverable no longer refer to it. */
    public ProjectPlan on(DeliverableRemovedEvent e) {
        DeliverableId id = e.deliverableId();
        List<DeliverablePlan> kept = removed(deliverables, DeliverablePlan::deliverableId, id, e);
        List<MilestonePlan> unlinked = milestones.stream()
                .map(m -> m.deliverableIds().contains(id)
                        ? new MilestonePlan(m.milestoneId(), m.name(), m.dueDate(),
                                            m.deliverableIds().stream().filter(d -> !d.equals(id)).toList())
                        : m)
                .toList();
        return withSchedule(kept, unlinked);
    }

    public ProjectPlan on(MilestoneScheduledEvent e) {
        MilestoneId id = e.milestone().milestoneId();
        if (indexOf(milestones, MilestonePlan::milestoneId, id) >= 0) {
            throw mismatch(e, "milestone " + id + " is already scheduled");
        }
        return withSchedule(deliverables, appended(milestones, e.milestone()));
    }

    public ProjectPlan on(MilestoneRevisedEvent e) {
        MilestoneId id = e.milestone().milestoneId();
        return withSchedule(deliverables, replaced(milestones, MilestonePlan::milestoneId, id, e.milestone(), e));
    }

    public ProjectPlan on(MilestoneRemovedEvent e) {
        return withSchedule(deliverables, removed(milestones, MilestonePlan::milestoneId, e.milestoneId(), e));
    }

    /**
     * Sets the line of the event's category, in place when the category already has one; a zero
     * amount clears the line (clearing a category without a line changes nothing).
     */
    public ProjectPlan on(BudgetLinePlannedEvent e) {
        BudgetLine line = e.line();
        int at = indexOf(budget, BudgetLine::category, line.category());
        List<BudgetLine> lines = new ArrayList<>(budget);
        if (line.amount().amount().signum() == 0) {
            if (at >= 0) {
                lines.remove(at);
            }
        } else if (at >= 0) {
            lines.set(at, line);
        } else {
            lines.add(line);
        }
        return new ProjectPlan(projectId, deliverables, milestones, lines, objectives, baselineVersion);
    }

    public ProjectPlan on(ProjectObjectivesDefinedEvent e) {
        List<String> defined = e.objectives() == null ? List.of() : e.objectives();
        return new ProjectPlan(projectId, deliverables, milestones, budget, defined, baselineVersion);
    }

    /**
     * The baseline is what approval froze, so the plan becomes exactly its content (the same as the
     * plan before, unless an earlier event went missing) and takes its version.
     */
    /**
     * Approval froze the plan as the baseline. Budget lines keep the order their categories were
     * first planned in: approvals stored before that order travelled in the event list them in
     * category order, so the plan's own order wins and lines it does not hold follow.
     */
    public ProjectPlan on(BaselineEstablishedEvent e) {
        List<BudgetLine> frozen = new ArrayList<>(nonZero(orEmpty(e.budget())));
        List<BudgetLine> ordered = new ArrayList<>();
        for (BudgetLine line : budget) {
            int at = indexOf(frozen, BudgetLine::category, line.category());
            if (at >= 0) {
                ordered.add(frozen.remove(at));
            }
        }
        ordered.addAll(frozen);
        return new ProjectPlan(projectId, orEmpty(e.deliverables()), orEmpty(e.milestones()), ordered, objectives,
                               e.version());
    }

    /**
     * An approved change request revised the baseline: its changes apply in order, exactly as the
     * planning events with the same effect would, and the plan takes the new version.
     */
    public ProjectPlan on(BaselineRevisedEvent e) {
        ProjectPlan revised = this;
        for (ProposedChange change : orEmpty(e.changes())) {
            revised = revised.apply(change);
        }
        return new ProjectPlan(projectId, revised.deliverables, revised.milestones, revised.budget, objectives,
                               e.version());
    }

    private ProjectPlan apply(ProposedChange change) {
        return switch (change.kind()) {
            case ADD_DELIVERABLE -> on(new DeliverableAddedEvent(projectId, change.deliverable()));
            case MODIFY_DELIVERABLE -> on(new DeliverableRevisedEvent(projectId, change.deliverable()));
            case REMOVE_DELIVERABLE -> on(new DeliverableRemovedEvent(projectId, change.deliverableId()));
            case MOVE_MILESTONE -> on(new MilestoneRevisedEvent(projectId, moved(change)));
            case CHANGE_BUDGET -> on(new BudgetLinePlannedEvent(projectId,
                                                                new BudgetLine(change.category(), change.newAmount())));
        };
    }

    private MilestonePlan moved(ProposedChange change) {
        int at = indexOf(milestones, MilestonePlan::milestoneId, change.milestoneId());
        if (at < 0) {
            throw new IllegalStateException("Project " + projectId + ": a revised baseline moves milestone "
                    + change.milestoneId() + ", which the plan does not have");
        }
        MilestonePlan milestone = milestones.get(at);
        return new MilestonePlan(milestone.milestoneId(), milestone.name(), change.newDueDate(),
                                 milestone.deliverableIds());
    }

    private ProjectPlan withSchedule(List<DeliverablePlan> newDeliverables, List<MilestonePlan> newMilestones) {
        return new ProjectPlan(projectId, newDeliverables, newMilestones, budget, objectives, baselineVersion);
    }

    private static <T> List<T> orEmpty(List<T> items) {
        return items == null ? List.of() : items;
    }

    private static List<BudgetLine> nonZero(List<BudgetLine> lines) {
        return lines.stream().filter(l -> l.amount().amount().signum() != 0).toList();
    }

    private static <T, K> int indexOf(List<T> items, Function<T, K> key, K wanted) {
        for (int i = 0; i < items.size(); i++) {
            if (key.apply(items.get(i)).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static <T> List<T> appended(List<T> items, T item) {
        List<T> result = new ArrayList<>(items);
        result.add(item);
        return result;
    }

    private <T, K> List<T> replaced(List<T> items, Function<T, K> key, K id, T item, Object event) {
        int at = indexOf(items, key, id);
        if (at < 0) {
            throw mismatch(event, id + " is not in the plan");
        }
        List<T> result = new ArrayList<>(items);
        result.set(at, item);
        return result;
    }

    private <T, K> List<T> removed(List<T> items, Function<T, K> key, K id, Object event) {
        int at = indexOf(items, key, id);
        if (at < 0) {
            throw mismatch(event, id + " is not in the plan");
        }
        List<T> result = new ArrayList<>(items);
        result.remove(at);
        return result;
    }

    private IllegalStateException mismatch(Object event, String why) {
        return new IllegalStateException("Cannot apply " + event.getClass().getSimpleName()
                                                 + " to the plan of project " + projectId + ": " + why);
    }
}
