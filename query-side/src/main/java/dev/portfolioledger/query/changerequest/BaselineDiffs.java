package dev.portfolioledger.query.changerequest;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.project.BudgetLine;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.MilestonePlan;
import dev.portfolioledger.query.project.ProjectPlan;
import dev.portfolioledger.query.project.ProjectPlanEvolution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes a {@link BaselineDiff}. Pure: the plan of each version is the fold of the stored
 * versions up to it through {@link ProjectPlanEvolution}, the code of the live plan view, so the
 * diff and the plan cannot drift apart.
 */
public final class BaselineDiffs {

    private BaselineDiffs() {
    }

    /**
     * @param versions the project's baseline versions, oldest first (as stored: 1, 2, 3, ...)
     * @throws RuleViolation VALIDATION_FAILED when a version is unknown or {@code from > to}
     */
    public static BaselineDiff diff(List<BaselineVersion> versions, int from, int to) {
        if (from > to) {
            throw invalid("fromVersion " + from + " is after toVersion " + to);
        }
        Set<Integer> known = versions.stream().map(BaselineVersion::version).collect(Collectors.toSet());
        for (int v : new int[] {from, to}) {
            if (!known.contains(v)) {
                throw invalid("the project has no baseline version " + v
                                      + (known.isEmpty() ? " (it has no baseline yet)"
                                              : " (it has versions 1 to " + known.size() + ")"));
            }
        }
        ProjectPlan fromPlan = null;
        ProjectPlan plan = null;
        Attribution causes = new Attribution();
        for (BaselineVersion version : versions) {
            if (version.version() > to) {
                break;
            }
            if (plan == null) {
                plan = ProjectPlan.empty(version.projectId());
            }
            plan = ProjectPlanEvolution.apply(plan, version.asEvent());
            if (version.version() == from) {
                fromPlan = plan;
            } else if (version.version() > from) {
                causes.record(version);
            }
        }
        return compare(Objects.requireNonNull(fromPlan), Objects.requireNonNull(plan), from, to, causes);
    }

    private static BaselineDiff compare(ProjectPlan before, ProjectPlan after, int from, int to, Attribution causes) {
        Map<DeliverableId, DeliverablePlan> old = byId(before.deliverables(), DeliverablePlan::deliverableId);
        Map<DeliverableId, DeliverablePlan> now = byId(after.deliverables(), DeliverablePlan::deliverableId);
        List<BaselineDiff.DeliverableDiff> added = after.deliverables().stream()
                .filter(d -> !old.containsKey(d.deliverableId()))
                .map(d -> new BaselineDiff.DeliverableDiff(d, causes.of(d.deliverableId()))).toList();
        List<BaselineDiff.DeliverableDiff> removed = before.deliverables().stream()
                .filter(d -> !now.containsKey(d.deliverableId()))
                .map(d -> new BaselineDiff.DeliverableDiff(d, causes.of(d.deliverableId()))).toList();
        List<BaselineDiff.ChangedDeliverable> changed = new ArrayList<>();
        for (DeliverablePlan d : after.deliverables()) {
            DeliverablePlan was = old.get(d.deliverableId());
            if (was != null) {
                List<BaselineDiff.FieldChange> fields = fieldChanges(was, d);
                if (!fields.isEmpty()) {
                    changed.add(new BaselineDiff.ChangedDeliverable(d.deliverableId().toString(), d.name(), fields,
                                                                    causes.of(d.deliverableId())));
                }
            }
        }
        Map<MilestoneId, MilestonePlan> oldMilestones = byId(before.milestones(), MilestonePlan::milestoneId);
        List<BaselineDiff.MovedMilestone> moved = new ArrayList<>();
        for (MilestonePlan m : after.milestones()) {
            MilestonePlan was = oldMilestones.get(m.milestoneId());
            if (was != null && !was.dueDate().equals(m.dueDate())) {
                moved.add(new BaselineDiff.MovedMilestone(m.milestoneId().toString(), m.name(), was.dueDate(),
                                                          m.dueDate(), causes.of(m.milestoneId())));
            }
        }
        Map<CostCategory, Money> oldBudget = budget(before);
        Map<CostCategory, Money> newBudget = budget(after);
        Set<CostCategory> categories = new LinkedHashSet<>(oldBudget.keySet());
        categories.addAll(newBudget.keySet());
        List<BaselineDiff.BudgetChange> budget = new ArrayList<>();
        for (CostCategory category : categories) {
            Money was = oldBudget.get(category);
            Money is = newBudget.get(category);
            if (!sameMoney(was, is)) {
                budget.add(new BaselineDiff.BudgetChange(category, was, is, causes.of(category)));
            }
        }
        return new BaselineDiff(from, to, added, removed, changed, moved, budget);
    }

    /** The differing fields of two plans of one deliverable, in a fixed order. */
    static List<BaselineDiff.FieldChange> fieldChanges(DeliverablePlan was, DeliverablePlan is) {
        List<BaselineDiff.FieldChange> fields = new ArrayList<>();
        field(fields, "name", was.name(), is.name());
        field(fields, "description", was.description(), is.description());
        field(fields, "acceptanceCriteria", was.acceptanceCriteria(), is.acceptanceCriteria());
        if (!sameMoney(was.plannedCost(), is.plannedCost())) {
            fields.add(new BaselineDiff.FieldChange("plannedCost", text(was.plannedCost()), text(is.plannedCost())));
        }
        field(fields, "plannedStart", text(was.plannedStart()), text(is.plannedStart()));
        field(fields, "plannedFinish", text(was.plannedFinish()), text(is.plannedFinish()));
        return fields;
    }

    private static void field(List<BaselineDiff.FieldChange> fields, String name, String was, String is) {
        if (!Objects.equals(was, is)) {
            fields.add(new BaselineDiff.FieldChange(name, was, is));
        }
    }

    private static String text(Object value) {
        if (value instanceof Money money) {
            return money.amount().toPlainString() + " " + money.currency().getCurrencyCode();
        }
        return value == null ? null : value.toString();
    }

    /** Equal amounts (whatever their scale) in the same currency. */
    private static boolean sameMoney(Money a, Money b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.currency().equals(b.currency()) && a.amount().compareTo(b.amount()) == 0;
    }

    private static Map<CostCategory, Money> budget(ProjectPlan plan) {
        Map<CostCategory, Money> lines = new LinkedHashMap<>();
        for (BudgetLine line : plan.budget()) {
            lines.put(line.category(), line.amount());
        }
        return lines;
    }

    private static <T, K> Map<K, T> byId(List<T> items, Function<T, K> key) {
        Map<K, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(key.apply(item), item));
        return map;
    }

    private static RuleViolation invalid(String message) {
        return new RuleViolation(ErrorCode.VALIDATION_FAILED, message);
    }

    /** Which change requests touched which deliverable, milestone or budget category, in approval order. */
    private static final class Attribution {

        private final Map<Object, Set<String>> causes = new LinkedHashMap<>();

        void record(BaselineVersion version) {
            ChangeRequestId request = version.changeRequestId();
            if (request == null) {
                return;
            }
            for (ProposedChange change : version.changes()) {
                Object target = switch (change.kind()) {
                    case ADD_DELIVERABLE, MODIFY_DELIVERABLE, REMOVE_DELIVERABLE -> change.targetDeliverableId();
                    case MOVE_MILESTONE -> change.milestoneId();
                    case CHANGE_BUDGET -> change.category();
                };
                causes.computeIfAbsent(target, k -> new LinkedHashSet<>()).add(request.toString());
            }
        }

        List<String> of(Object target) {
            return List.copyOf(causes.getOrDefault(target, Set.of()));
        }
    }
}
