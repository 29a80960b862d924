package dev.portfolioledger.command.project;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ChangeKind;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.project.AddDeliverableCommand;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.BudgetLine;
import dev.portfolioledger.api.project.BudgetLinePlannedEvent;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DefineProjectObjectivesCommand;
import dev.portfolioledger.api.project.DeliverableAddedEvent;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.DeliverableRemovedEvent;
import dev.portfolioledger.api.project.DeliverableRevisedEvent;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.ObjectiveOutcome;
import dev.portfolioledger.api.project.MilestonePlan;
import dev.portfolioledger.api.project.MilestoneRemovedEvent;
import dev.portfolioledger.api.project.MilestoneRevisedEvent;
import dev.portfolioledger.api.project.MilestoneScheduledEvent;
import dev.portfolioledger.api.project.PlanBudgetLineCommand;
import dev.portfolioledger.api.project.ProjectDetailsRevisedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectObjectivesDefinedEvent;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.RemoveDeliverableCommand;
import dev.portfolioledger.api.project.RemoveMilestoneCommand;
import dev.portfolioledger.api.project.ReviseDeliverableCommand;
import dev.portfolioledger.api.project.ReviseMilestoneCommand;
import dev.portfolioledger.api.project.ScheduleMilestoneCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The scope of a {@link Project}: its planned window, deliverables, milestones and budget in the
 * portfolio's currency, and the baseline version they form once approved. An entity of the
 * Project aggregate: it takes the planning commands (the root has let them through only while
 * the project is PROPOSED, see {@link Project}) and answers the root's questions about whether
 * changes fit, whether at submission of a change request or at its approval. Every change to the
 * scope, planned or approved, goes through the event sourcing handlers here.
 * <p>
 * Snapshots store this object's fields (hence the field visibility for Jackson).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class ProjectScope {

    private ProjectId projectId;
    /** The portfolio's currency, which all of the project's money uses. */
    private Currency currency;
    private LocalDate plannedStart;
    private LocalDate plannedFinish;
    /** Current deliverables in the order they were added; a revision keeps the position. */
    private Map<DeliverableId, DeliverablePlan> deliverables = new LinkedHashMap<>();
    /** Every deliverable id ever added, removed ones included, so an id never means two things. */
    private Set<DeliverableId> usedDeliverableIds = new HashSet<>();
    /** Current milestones in the order they were scheduled. */
    private Map<MilestoneId, MilestonePlan> milestones = new LinkedHashMap<>();
    /** Every milestone id ever scheduled, for the same reason as {@link #usedDeliverableIds}. */
    private Set<MilestoneId> usedMilestoneIds = new HashSet<>();
    /** Non-zero budget lines in the order their categories were first planned (the order the baseline lists). */
    private Map<CostCategory, Money> budget = new LinkedHashMap<>();
    /** 0 while no baseline exists. */
    private int baselineVersion;
    /** The objectives as last defined while PROPOSED, in their order; what a closure gives a verdict on. */
    private List<String> objectives = new ArrayList<>();

    // --- planning while PROPOSED (the root checks the status first) ---

    @CommandHandler
    void handle(AddDeliverableCommand command) {
        requireInCurrency(command.plannedCost(), "plannedCost");
        requireNewDeliverableId(command.deliverableId());
        requireInsideWindow(command.plan(), "");
        apply(new DeliverableAddedEvent(projectId, command.plan()));
    }

    @CommandHandler
    void handle(ReviseDeliverableCommand command) {
        requireInCurrency(command.plannedCost(), "plannedCost");
        requireDeliverable(command.deliverableId());
        requireInsideWindow(command.plan(), "");
        apply(new DeliverableRevisedEvent(projectId, command.plan()));
    }

    @CommandHandler
    void handle(RemoveDeliverableCommand command) {
        requireDeliverable(command.deliverableId());
        apply(new DeliverableRemovedEvent(projectId, command.deliverableId()));
    }

    @CommandHandler
    void handle(ScheduleMilestoneCommand command) {
        requireNewMilestoneId(command.milestoneId());
        requireInsideWindow(command.dueDate());
        requireDeliverablesExist(command.deliverableIds());
        apply(new MilestoneScheduledEvent(projectId, command.plan()));
    }

    @CommandHandler
    void handle(ReviseMilestoneCommand command) {
        requireMilestone(command.milestoneId());
        requireInsideWindow(command.dueDate());
        requireDeliverablesExist(command.deliverableIds());
        apply(new MilestoneRevisedEvent(projectId, command.plan()));
    }

    @CommandHandler
    void handle(RemoveMilestoneCommand command) {
        requireMilestone(command.milestoneId());
        apply(new MilestoneRemovedEvent(projectId, command.milestoneId()));
    }

    @CommandHandler
    void handle(PlanBudgetLineCommand command) {
        requireInCurrency(command.amount(), "amount");
        apply(new BudgetLinePlannedEvent(projectId, new BudgetLine(command.category(), command.amount())));
    }

    @CommandHandler
    void handle(DefineProjectObjectivesCommand command) {
        apply(new ProjectObjectivesDefinedEvent(projectId, command.objectives()));
    }

    // --- what the root asks ---

    /** The plan as it stands, frozen into the given baseline version. */
    BaselineEstablishedEvent baseline(int version) {
        return new BaselineEstablishedEvent(projectId, version, List.copyOf(deliverables.values()),
                List.copyOf(milestones.values()), budgetLines());
    }

    int baselineVersion() {
        return baselineVersion;
    }

    Currency currency() {
        return currency;
    }

    /**
     * The deliverables of the current scope (the baseline as approved change requests left it: a
     * removed one is not among them), in the order they were added: what a closure needs accepted.
     */
    List<DeliverableId> currentDeliverableIds() {
        return List.copyOf(deliverables.keySet());
    }

    /**
     * A closure gives every defined objective exactly one verdict (the command has refused a
     * repeated one) and none to an objective the project does not have: VALIDATION_FAILED naming the
     * first objective left out, or the first verdict on an unknown one.
     */
    void requireVerdictOnEveryObjective(List<ObjectiveOutcome> outcomes) {
        Set<String> defined = Set.copyOf(objectives);
        for (int i = 0; i < outcomes.size(); i++) {
            if (!defined.contains(outcomes.get(i).objective())) {
                throw new RuleViolation(ErrorCode.VALIDATION_FAILED, "objectives[" + i + "].objective \""
                        + outcomes.get(i).objective() + "\" is not an objective of project " + projectId);
            }
        }
        Set<String> judged = new HashSet<>();
        outcomes.forEach(outcome -> judged.add(outcome.objective()));
        for (String objective : objectives) {
            if (!judged.contains(objective)) {
                throw new RuleViolation(ErrorCode.VALIDATION_FAILED, "objectives has no verdict on \"" + objective
                        + "\", an objective of project " + projectId + "; give every objective one");
            }
        }
    }

    /** New project dates must not strand a deliverable or a milestone outside them. */
    void requireWindowHolds(LocalDate newStart, LocalDate newFinish) {
        requireMilestonesInside(newStart, newFinish);
        requireDeliverablesInside(newStart, newFinish);
    }

    private void requireInCurrency(Money money, String field) {
        if (currency == null) {
            throw new IllegalStateException("Project " + projectId + " has no portfolio currency on record");
        }
        requireInCurrency(money, currency, field);
    }

    /** All of a project's money is in its portfolio's currency. */
    static void requireInCurrency(Money money, Currency portfolioCurrency, String field) {
        if (!money.isIn(portfolioCurrency)) {
            throw new RuleViolation(ErrorCode.VALIDATION_FAILED, field + " must be in "
                    + portfolioCurrency.getCurrencyCode() + ", the portfolio's currency");
        }
    }

    /**
     * At submission of a change request: every change must fit the current baseline with the
     * request's earlier changes applied, as approval will apply them; a request that adds one
     * deliverable id twice or removes one deliverable twice could never be approved, so it is
     * refused now. Money must be in the portfolio's currency.
     */
    void requireChangesFitAtSubmission(List<ProposedChange> changes) {
        Set<DeliverableId> present = new HashSet<>(deliverables.keySet());
        Map<DeliverableId, Integer> addedAt = new HashMap<>();
        Map<DeliverableId, Integer> removedAt = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            ProposedChange change = changes.get(i);
            String field = "changes[" + i + "]";
            switch (change.kind()) {
                case ADD_DELIVERABLE -> {
                    requireInCurrency(change.deliverable().plannedCost(), field + ".deliverable.plannedCost");
                    requireInsideWindow(change.deliverable(), field + ".deliverable.");
                    DeliverableId id = change.deliverable().deliverableId();
                    if (addedAt.containsKey(id)) {
                        throw new RuleViolation(ErrorCode.VALIDATION_FAILED, field + " would " + change.describe()
                                + ", but changes[" + addedAt.get(id) + "] adds that deliverable already");
                    }
                    if (usedDeliverableIds.contains(id)) {
                        throw new RuleViolation(ErrorCode.VALIDATION_FAILED, field + " would " + change.describe()
                                + ", but that id already exists or existed in project " + projectId);
                    }
                    addedAt.put(id, i);
                    present.add(id);
                }
                case MODIFY_DELIVERABLE -> {
                    requireInCurrency(change.deliverable().plannedCost(), field + ".deliverable.plannedCost");
                    requireInsideWindow(change.deliverable(), field + ".deliverable.");
                    requireStillPresent(field, change, present, removedAt);
                }
                case REMOVE_DELIVERABLE -> {
                    requireStillPresent(field, change, present, removedAt);
                    present.remove(change.targetDeliverableId());
                    removedAt.put(change.targetDeliverableId(), i);
                }
                case MOVE_MILESTONE -> {
                    if (!milestones.containsKey(change.milestoneId())) {
                        throw new RuleViolation(ErrorCode.VALIDATION_FAILED, field + " would " + change.describe()
                                + ", but project " + projectId + " has no such milestone");
                    }
                    if (outsideWindow(change.newDueDate())) {
                        throw new RuleViolation(ErrorCode.VALIDATION_FAILED, field + ".newDueDate "
                                + change.newDueDate() + " is outside the project's planned window " + plannedStart
                                + " to " + plannedFinish);
                    }
                }
                case CHANGE_BUDGET -> requireInCurrency(change.newAmount(), field + ".newAmount");
            }
        }
    }

    /** The change's deliverable must be in the baseline, or added by an earlier change, and not removed since. */
    private void requireStillPresent(String field, ProposedChange change, Set<DeliverableId> present,
                                     Map<DeliverableId, Integer> removedAt) {
        DeliverableId id = change.targetDeliverableId();
        if (removedAt.containsKey(id) && !present.contains(id)) {
            throw new RuleViolation(ErrorCode.VALIDATION_FAILED, field + " would " + change.describe()
                    + ", but changes[" + removedAt.get(id) + "] removes that deliverable already");
        }
        if (!present.contains(id)) {
            throw new RuleViolation(ErrorCode.VALIDATION_FAILED, field + " would " + change.describe()
                    + ", but project " + projectId + " has no such deliverable");
        }
    }

    /**
     * At approval: every change, applied in order, must still fit the current baseline, which
     * earlier approvals may have revised since submission. The first that does not is named.
     */
    void requireChangesFitBaseline(ChangeRequestId changeRequestId, List<ProposedChange> changes) {
        Set<DeliverableId> present = new HashSet<>(deliverables.keySet());
        Set<DeliverableId> used = new HashSet<>(usedDeliverableIds);
        Optional<Currency> baselineCurrency = baselineCurrency();
        for (ProposedChange change : changes) {
            String conflict = switch (change.kind()) {
                case ADD_DELIVERABLE -> !used.add(change.targetDeliverableId())
                        ? "the deliverable id already exists or existed"
                        : outsideWindow(change.deliverable()) ? "its dates are outside the planned window "
                                + plannedStart + " to " + plannedFinish : null;
                case MODIFY_DELIVERABLE -> !present.contains(change.targetDeliverableId())
                        ? "the baseline no longer has that deliverable"
                        : outsideWindow(change.deliverable()) ? "its dates are outside the planned window "
                                + plannedStart + " to " + plannedFinish : null;
                case REMOVE_DELIVERABLE -> present.remove(change.targetDeliverableId()) ? null
                        : "the baseline no longer has that deliverable";
                case MOVE_MILESTONE -> !milestones.containsKey(change.milestoneId())
                        ? "the baseline has no such milestone"
                        : outsideWindow(change.newDueDate()) ? "the date is outside the planned window "
                                + plannedStart + " to " + plannedFinish : null;
                case CHANGE_BUDGET -> baselineCurrency.filter(currency -> !change.newAmount().isIn(currency))
                        .map(currency -> "the baseline is in " + currency.getCurrencyCode()).orElse(null);
            };
            if (change.kind() == ChangeKind.ADD_DELIVERABLE && conflict == null) {
                present.add(change.targetDeliverableId());
            }
            if (conflict != null) {
                throw new RuleViolation(ErrorCode.CONFLICT, "Change request " + changeRequestId
                        + " no longer fits baseline version " + baselineVersion + " of project " + projectId
                        + ": cannot " + change.describe() + " because " + conflict);
            }
        }
    }

    // --- named checks ---

    private List<BudgetLine> budgetLines() {
        return budget.entrySet().stream().map(line -> new BudgetLine(line.getKey(), line.getValue())).toList();
    }

    /** The currency the baseline's money is in, when it holds any money. */
    private Optional<Currency> baselineCurrency() {
        return Stream.concat(budget.values().stream(), deliverables.values().stream().map(DeliverablePlan::plannedCost))
                .map(Money::currency).findFirst();
    }

    private boolean outsideWindow(LocalDate date) {
        return date.isBefore(plannedStart) || date.isAfter(plannedFinish);
    }

    private boolean outsideWindow(DeliverablePlan deliverable) {
        return outsideWindow(deliverable.plannedStart()) || outsideWindow(deliverable.plannedFinish());
    }

    private void requireNewDeliverableId(DeliverableId deliverableId) {
        if (usedDeliverableIds.contains(deliverableId)) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS, "Deliverable " + deliverableId
                    + " already exists or existed in project " + projectId + "; ids are never reused");
        }
    }

    /** The deliverable as the current scope plans it (the root asks this for execution commands too). */
    DeliverablePlan requireDeliverable(DeliverableId deliverableId) {
        DeliverablePlan deliverable = deliverables.get(deliverableId);
        if (deliverable == null) {
            throw new RuleViolation(ErrorCode.NOT_FOUND,
                    "Project " + projectId + " has no deliverable " + deliverableId);
        }
        return deliverable;
    }

    private void requireDeliverablesExist(List<DeliverableId> deliverableIds) {
        for (DeliverableId deliverableId : deliverableIds) {
            if (!deliverables.containsKey(deliverableId)) {
                throw new RuleViolation(ErrorCode.VALIDATION_FAILED, "A milestone cannot mark deliverable "
                        + deliverableId + ": project " + projectId + " has no such deliverable");
            }
        }
    }

    private void requireNewMilestoneId(MilestoneId milestoneId) {
        if (usedMilestoneIds.contains(milestoneId)) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS, "Milestone " + milestoneId
                    + " already exists or existed in project " + projectId + "; ids are never reused");
        }
    }

    /** The milestone as the current scope plans it (the root asks this for execution commands too). */
    MilestonePlan requireMilestone(MilestoneId milestoneId) {
        MilestonePlan milestone = milestones.get(milestoneId);
        if (milestone == null) {
            throw new RuleViolation(ErrorCode.NOT_FOUND, "Project " + projectId + " has no milestone " + milestoneId);
        }
        return milestone;
    }

    private void requireInsideWindow(LocalDate dueDate) {
        if (outsideWindow(dueDate)) {
            throw new RuleViolation(ErrorCode.VALIDATION_FAILED, "dueDate " + dueDate
                    + " is outside the project's planned window " + plannedStart + " to " + plannedFinish);
        }
    }

    /** A deliverable is planned inside the project's window, as milestones are. */
    private void requireInsideWindow(DeliverablePlan deliverable, String fieldPrefix) {
        if (outsideWindow(deliverable.plannedStart())) {
            throw new RuleViolation(ErrorCode.VALIDATION_FAILED, fieldPrefix + "plannedStart " + deliverable.plannedStart()
                    + " is outside the project's planned window " + plannedStart + " to " + plannedFinish);
        }
        if (outsideWindow(deliverable.plannedFinish())) {
            throw new RuleViolation(ErrorCode.VALIDATION_FAILED, fieldPrefix + "plannedFinish "
                    + deliverable.plannedFinish() + " is outside the project's planned window " + plannedStart + " to "
                    + plannedFinish);
        }
    }

    private void requireDeliverablesInside(LocalDate newStart, LocalDate newFinish) {
        for (DeliverablePlan deliverable : deliverables.values()) {
            if (deliverable.plannedStart().isBefore(newStart) || deliverable.plannedFinish().isAfter(newFinish)) {
                throw new RuleViolation(ErrorCode.VALIDATION_FAILED, "Deliverable " + deliverable.deliverableId()
                        + " (\"" + deliverable.name() + "\") is planned " + deliverable.plannedStart() + " to "
                        + deliverable.plannedFinish() + ", outside the new planned window " + newStart + " to "
                        + newFinish + "; revise or remove it first");
            }
        }
    }

    private void requireMilestonesInside(LocalDate newStart, LocalDate newFinish) {
        for (MilestonePlan milestone : milestones.values()) {
            if (milestone.dueDate().isBefore(newStart) || milestone.dueDate().isAfter(newFinish)) {
                throw new RuleViolation(ErrorCode.VALIDATION_FAILED, "Milestone " + milestone.milestoneId()
                        + " (\"" + milestone.name() + "\") is due " + milestone.dueDate()
                        + ", outside the new planned window " + newStart + " to " + newFinish
                        + "; move or remove it first");
            }
        }
    }

    // --- state ---

    @EventSourcingHandler
    void on(ProjectProposedEvent event) {
        projectId = event.projectId();
        currency = event.currency();
        plannedStart = event.plannedStart();
        plannedFinish = event.plannedFinish();
    }

    @EventSourcingHandler
    void on(ProjectDetailsRevisedEvent event) {
        plannedStart = event.plannedStart();
        plannedFinish = event.plannedFinish();
    }

    @EventSourcingHandler
    void on(DeliverableAddedEvent event) {
        deliverables.put(event.deliverable().deliverableId(), event.deliverable());
        usedDeliverableIds.add(event.deliverable().deliverableId());
    }

    @EventSourcingHandler
    void on(DeliverableRevisedEvent event) {
        deliverables.put(event.deliverable().deliverableId(), event.deliverable());
    }

    /** The removal event stands for the unlinking too (see its javadoc), so no event of its own. */
    @EventSourcingHandler
    void on(DeliverableRemovedEvent event) {
        removeDeliverable(event.deliverableId());
    }

    /** Removes a deliverable and unlinks it from every milestone that marked it. */
    private void removeDeliverable(DeliverableId deliverableId) {
        deliverables.remove(deliverableId);
        milestones.replaceAll((id, milestone) -> new MilestonePlan(id, milestone.name(), milestone.dueDate(),
                milestone.deliverableIds().stream().filter(linked -> !linked.equals(deliverableId)).toList()));
    }

    @EventSourcingHandler
    void on(MilestoneScheduledEvent event) {
        milestones.put(event.milestone().milestoneId(), event.milestone());
        usedMilestoneIds.add(event.milestone().milestoneId());
    }

    @EventSourcingHandler
    void on(MilestoneRevisedEvent event) {
        milestones.put(event.milestone().milestoneId(), event.milestone());
    }

    @EventSourcingHandler
    void on(MilestoneRemovedEvent event) {
        milestones.remove(event.milestoneId());
    }

    /** A zero amount clears the line, so the state (and any baseline) holds no zero lines. */
    @EventSourcingHandler
    void on(BudgetLinePlannedEvent event) {
        planBudgetLine(event.line().category(), event.line().amount());
    }

    private void planBudgetLine(CostCategory category, Money amount) {
        if (amount.amount().signum() == 0) {
            budget.remove(category);
        } else {
            budget.put(category, amount);
        }
    }

    @EventSourcingHandler
    void on(ProjectObjectivesDefinedEvent event) {
        objectives = event.objectives() == null ? new ArrayList<>() : new ArrayList<>(event.objectives());
    }

    @EventSourcingHandler
    void on(BaselineEstablishedEvent event) {
        baselineVersion = event.version();
    }

    /** Applies the approved changes to the baseline state exactly as planning would. */
    @EventSourcingHandler
    void on(BaselineRevisedEvent event) {
        baselineVersion = event.version();
        for (ProposedChange change : event.changes()) {
            switch (change.kind()) {
                case ADD_DELIVERABLE -> {
                    deliverables.put(change.deliverable().deliverableId(), change.deliverable());
                    usedDeliverableIds.add(change.deliverable().deliverableId());
                }
                case MODIFY_DELIVERABLE -> deliverables.put(change.deliverable().deliverableId(), change.deliverable());
                case REMOVE_DELIVERABLE -> removeDeliverable(change.deliverableId());
                case MOVE_MILESTONE -> milestones.computeIfPresent(change.milestoneId(),
                        (id, milestone) -> new MilestonePlan(id, milestone.name(), change.newDueDate(),
                                milestone.deliverableIds()));
                case CHANGE_BUDGET -> planBudgetLine(change.category(), change.newAmount());
            }
        }
    }
}
