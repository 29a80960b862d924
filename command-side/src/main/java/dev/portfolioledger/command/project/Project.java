package dev.portfolioledger.command.project;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.changerequest.ApproveChangeRequestCommand;
import dev.portfolioledger.api.changerequest.AssessChangeRequestCommand;
import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestApprovedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestAssessedEvent;
import dev.portfolioledger.api.changerequest.ChangeKind;
import dev.portfolioledger.api.changerequest.ChangeRequestClosedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ChangeRequestRejectedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestStatus;
import dev.portfolioledger.api.changerequest.ChangeRequestSubmittedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestWithdrawnEvent;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.changerequest.RejectChangeRequestCommand;
import dev.portfolioledger.api.changerequest.SubmitChangeRequestCommand;
import dev.portfolioledger.api.changerequest.WithdrawChangeRequestCommand;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.project.AddDeliverableCommand;
import dev.portfolioledger.api.project.ApproveProjectCommand;
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
import dev.portfolioledger.api.project.MilestonePlan;
import dev.portfolioledger.api.project.MilestoneRemovedEvent;
import dev.portfolioledger.api.project.MilestoneRevisedEvent;
import dev.portfolioledger.api.project.MilestoneScheduledEvent;
import dev.portfolioledger.api.project.PlanBudgetLineCommand;
import dev.portfolioledger.api.project.ProjectObjectivesDefinedEvent;
import dev.portfolioledger.api.project.RemoveDeliverableCommand;
import dev.portfolioledger.api.project.RemoveMilestoneCommand;
import dev.portfolioledger.api.project.ReviseDeliverableCommand;
import dev.portfolioledger.api.project.ReviseMilestoneCommand;
import dev.portfolioledger.api.project.ScheduleMilestoneCommand;
import dev.portfolioledger.api.project.CancelProjectCommand;
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectDetailsRevisedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectPutOnHoldEvent;
import dev.portfolioledger.api.project.ProjectResumedEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.api.project.ProposeProjectCommand;
import dev.portfolioledger.api.project.PutProjectOnHoldCommand;
import dev.portfolioledger.api.project.ResumeProjectCommand;
import dev.portfolioledger.api.project.ReviseProjectDetailsCommand;
import dev.portfolioledger.api.project.StartProjectCommand;
import dev.portfolioledger.command.portfolio.PortfolioFacts;
import dev.portfolioledger.command.program.ProgramFacts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A project and its lifecycle: PROPOSED → APPROVED → ACTIVE ⇄ ON_HOLD, and CANCELLED from any
 * open state. Proposal arrives through {@link ProjectCommandHandler}, which looks up the
 * portfolio and program it goes into.
 * <p>
 * While PROPOSED the plan (deliverables, milestones, budget, objectives) is edited freely;
 * approval freezes it into baseline version 1, after which only change requests may alter it.
 * Planning commands carrying money arrive through {@link ProjectPlanningCommandHandler}, which
 * looks up the portfolio's currency the aggregate does not know.
 */
@Aggregate
public class Project {

    @AggregateIdentifier
    private ProjectId projectId;
    private ProjectStatus status;
    private LocalDate plannedStart;
    private LocalDate plannedFinish;
    /** Current deliverables in the order they were added; a revision keeps the position. */
    private final Map<DeliverableId, DeliverablePlan> deliverables = new LinkedHashMap<>();
    /** Every deliverable id ever added, removed ones included, so an id never means two things. */
    private final Set<DeliverableId> usedDeliverableIds = new HashSet<>();
    /** Current milestones in the order they were scheduled. */
    private final Map<MilestoneId, MilestonePlan> milestones = new LinkedHashMap<>();
    /** Every milestone id ever scheduled, for the same reason as {@link #usedDeliverableIds}. */
    private final Set<MilestoneId> usedMilestoneIds = new HashSet<>();
    /** Non-zero budget lines in the order their categories were first planned (the order the baseline lists). */
    private final Map<CostCategory, Money> budget = new LinkedHashMap<>();
    /** 0 while no baseline exists. */
    private int baselineVersion;
    /** Every change request ever submitted, by id (an id is never reused), in submission order. */
    private final Map<ChangeRequestId, ChangeRequest> changeRequests = new LinkedHashMap<>();

    /** What the aggregate needs to decide about a change request. */
    private record ChangeRequest(ChangeRequestStatus status, String submittedBy, List<ProposedChange> changes) {

        ChangeRequest withStatus(ChangeRequestStatus newStatus) {
            return new ChangeRequest(newStatus, submittedBy, changes);
        }
    }

    /** For Axon, which rebuilds a project from its events. */
    protected Project() {
    }

    /** @param program the program the command names, empty when it names none */
    Project(ProposeProjectCommand command, PortfolioFacts portfolio, Optional<ProgramFacts> program) {
        requirePortfolioNotArchived(portfolio);
        program.ifPresent(it -> {
            requireProgramInPortfolio(it, command.portfolioId());
            requireProgramOpen(it);
        });
        apply(new ProjectProposedEvent(command.projectId(), command.portfolioId(), command.programId(),
                command.name(), command.description(), command.manager(), command.sponsor(),
                command.methodology(), command.plannedStart(), command.plannedFinish()));
    }

    @CommandHandler
    void handle(ReviseProjectDetailsCommand command) {
        requireStatus(ProjectStatus.PROPOSED, "revise the details of");
        requireMilestonesInside(command.plannedStart(), command.plannedFinish());
        requireDeliverablesInside(command.plannedStart(), command.plannedFinish());
        apply(new ProjectDetailsRevisedEvent(projectId, command.name(), command.description(), command.manager(),
                command.sponsor(), command.methodology(), command.plannedStart(), command.plannedFinish()));
    }

    @CommandHandler
    void handle(ApproveProjectCommand command) {
        requireStatus(ProjectStatus.PROPOSED, "approve");
        var baseline = new BaselineEstablishedEvent(projectId, 1, List.copyOf(deliverables.values()),
                List.copyOf(milestones.values()), budgetLines());
        apply(new ProjectApprovedEvent(projectId));
        apply(baseline);
    }

    // --- planning while PROPOSED ---

    /** Called by {@link ProjectPlanningCommandHandler} with the currency of the project's portfolio. */
    void handle(AddDeliverableCommand command, Currency portfolioCurrency) {
        requirePlanningOpen("add a deliverable to");
        requireInCurrency(command.plannedCost(), portfolioCurrency, "plannedCost");
        requireNewDeliverableId(command.deliverableId());
        requireInsideWindow(command.plan(), "");
        apply(new DeliverableAddedEvent(projectId, command.plan()));
    }

    /** Called by {@link ProjectPlanningCommandHandler} with the currency of the project's portfolio. */
    void handle(ReviseDeliverableCommand command, Currency portfolioCurrency) {
        requirePlanningOpen("revise a deliverable of");
        requireInCurrency(command.plannedCost(), portfolioCurrency, "plannedCost");
        requireDeliverable(command.deliverableId());
        requireInsideWindow(command.plan(), "");
        apply(new DeliverableRevisedEvent(projectId, command.plan()));
    }

    @CommandHandler
    void handle(RemoveDeliverableCommand command) {
        requirePlanningOpen("remove a deliverable from");
        requireDeliverable(command.deliverableId());
        apply(new DeliverableRemovedEvent(projectId, command.deliverableId()));
    }

    @CommandHandler
    void handle(ScheduleMilestoneCommand command) {
        requirePlanningOpen("schedule a milestone of");
        requireNewMilestoneId(command.milestoneId());
        requireInsideWindow(command.dueDate());
        requireDeliverablesExist(command.deliverableIds());
        apply(new MilestoneScheduledEvent(projectId, command.plan()));
    }

    @CommandHandler
    void handle(ReviseMilestoneCommand command) {
        requirePlanningOpen("revise a milestone of");
        requireMilestone(command.milestoneId());
        requireInsideWindow(command.dueDate());
        requireDeliverablesExist(command.deliverableIds());
        apply(new MilestoneRevisedEvent(projectId, command.plan()));
    }

    @CommandHandler
    void handle(RemoveMilestoneCommand command) {
        requirePlanningOpen("remove a milestone from");
        requireMilestone(command.milestoneId());
        apply(new MilestoneRemovedEvent(projectId, command.milestoneId()));
    }

    /** Called by {@link ProjectPlanningCommandHandler} with the currency of the project's portfolio. */
    void handle(PlanBudgetLineCommand command, Currency portfolioCurrency) {
        requirePlanningOpen("plan the budget of");
        requireInCurrency(command.amount(), portfolioCurrency, "amount");
        apply(new BudgetLinePlannedEvent(projectId, new BudgetLine(command.category(), command.amount())));
    }

    @CommandHandler
    void handle(DefineProjectObjectivesCommand command) {
        requirePlanningOpen("define the objectives of");
        apply(new ProjectObjectivesDefinedEvent(projectId, command.objectives()));
    }

    private List<BudgetLine> budgetLines() {
        return budget.entrySet().stream().map(line -> new BudgetLine(line.getKey(), line.getValue())).toList();
    }

    @CommandHandler
    void handle(StartProjectCommand command) {
        requireStatus(ProjectStatus.APPROVED, "start");
        apply(new ProjectStartedEvent(projectId));
    }

    @CommandHandler
    void handle(PutProjectOnHoldCommand command) {
        requireStatus(ProjectStatus.ACTIVE, "put on hold");
        apply(new ProjectPutOnHoldEvent(projectId));
    }

    @CommandHandler
    void handle(ResumeProjectCommand command) {
        requireStatus(ProjectStatus.ON_HOLD, "resume");
        apply(new ProjectResumedEvent(projectId));
    }

    /**
     * Cancelling closes the project's open change requests with it: they could never be assessed,
     * decided or withdrawn afterwards. One event each, stored by this command.
     */
    @CommandHandler
    void handle(CancelProjectCommand command, @MetaDataValue("actor") String actor) {
        requireOpen("cancel");
        List<ChangeRequestId> open = changeRequests.entrySet().stream()
                .filter(request -> request.getValue().status().isOpen()).map(Map.Entry::getKey).toList();
        apply(new ProjectCancelledEvent(projectId, status, command.reason()));
        for (ChangeRequestId changeRequestId : open) {
            apply(new ChangeRequestClosedEvent(projectId, changeRequestId, actor,
                    "Project cancelled: " + command.reason()));
        }
    }

    // --- change requests, once a baseline exists ---

    /** Called by {@link ChangeRequestCommandHandler} with the currency of the project's portfolio. */
    void handle(SubmitChangeRequestCommand command, String actor, Currency portfolioCurrency) {
        String submitter = requireActor(actor);
        requireChangeControlOpen("submit a change request to");
        requireNewChangeRequestId(command.changeRequestId());
        requireChangesFitAtSubmission(command.changes(), portfolioCurrency);
        apply(new ChangeRequestSubmittedEvent(projectId, command.changeRequestId(), command.title(),
                command.justification(), command.changes(), submitter));
    }

    /** Called by {@link ChangeRequestCommandHandler} with the currency of the project's portfolio. */
    void handle(AssessChangeRequestCommand command, String actor, Currency portfolioCurrency) {
        String assessor = requireActor(actor);
        requireChangeControlOpen("assess a change request of");
        ChangeRequest request = requireChangeRequest(command.changeRequestId());
        requireChangeRequestStatus(command.changeRequestId(), request, ChangeRequestStatus.SUBMITTED, "assess");
        requireIndependentAssessor(command.changeRequestId(), request, assessor);
        requireInCurrency(command.costImpact(), portfolioCurrency, "costImpact");
        apply(new ChangeRequestAssessedEvent(projectId, command.changeRequestId(), command.costImpact(),
                command.scheduleImpactDays(), command.riskNotes(), assessor));
    }

    /**
     * Approval is one atomic decision: the request is approved and the baseline revised to the next
     * version with exactly its changes, or, when any change no longer fits the current baseline,
     * nothing happens at all.
     */
    @CommandHandler
    void handle(ApproveChangeRequestCommand command, @MetaDataValue("actor") String actor) {
        String approver = requireActor(actor);
        requireChangeControlOpen("approve a change request of");
        ChangeRequest request = requireChangeRequest(command.changeRequestId());
        requireChangeRequestStatus(command.changeRequestId(), request, ChangeRequestStatus.ASSESSED, "approve");
        requireNotSubmitter(command.changeRequestId(), request, approver);
        requireChangesFitBaseline(command.changeRequestId(), request.changes());
        apply(new ChangeRequestApprovedEvent(projectId, command.changeRequestId(), approver));
        apply(new BaselineRevisedEvent(projectId, baselineVersion + 1, command.changeRequestId(), request.changes()));
    }

    @CommandHandler
    void handle(RejectChangeRequestCommand command, @MetaDataValue("actor") String actor) {
        String rejecter = requireActor(actor);
        requireChangeControlOpen("reject a change request of");
        ChangeRequest request = requireChangeRequest(command.changeRequestId());
        requireChangeRequestStatus(command.changeRequestId(), request, ChangeRequestStatus.ASSESSED, "reject");
        apply(new ChangeRequestRejectedEvent(projectId, command.changeRequestId(), command.reason(), rejecter));
    }

    @CommandHandler
    void handle(WithdrawChangeRequestCommand command, @MetaDataValue("actor") String actor) {
        String withdrawer = requireActor(actor);
        requireChangeControlOpen("withdraw a change request of");
        ChangeRequest request = requireChangeRequest(command.changeRequestId());
        requireSubmitter(command.changeRequestId(), request, withdrawer);
        if (!request.status().isOpen()) {
            throw new RuleViolation(ErrorCode.ILLEGAL_TRANSITION, "Cannot withdraw change request "
                    + command.changeRequestId() + ": it is " + request.status() + ", not SUBMITTED or ASSESSED");
        }
        apply(new ChangeRequestWithdrawnEvent(projectId, command.changeRequestId()));
    }

    /** The actor is stamped into the metadata by the dispatch interceptor; without one nobody is accountable. */
    private static String requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new RuleViolation(ErrorCode.FORBIDDEN, "No authenticated actor on the command");
        }
        return actor;
    }

    /** Change requests alter a baseline, so they need one, and an open project. */
    private void requireChangeControlOpen(String action) {
        if (status == ProjectStatus.PROPOSED) {
            throw new RuleViolation(ErrorCode.ILLEGAL_TRANSITION, "Cannot " + action + " project " + projectId
                    + ": it is PROPOSED; plan directly; there is no baseline yet");
        }
        if (!status.isOpen() || baselineVersion == 0) {
            throw illegalTransition(action, "APPROVED, ACTIVE or ON_HOLD");
        }
    }

    private void requireNewChangeRequestId(ChangeRequestId changeRequestId) {
        if (changeRequests.containsKey(changeRequestId)) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS, "Change request " + changeRequestId
                    + " already exists in project " + projectId + "; ids are never reused");
        }
    }

    private ChangeRequest requireChangeRequest(ChangeRequestId changeRequestId) {
        ChangeRequest request = changeRequests.get(changeRequestId);
        if (request == null) {
            throw new RuleViolation(ErrorCode.NOT_FOUND,
                    "Project " + projectId + " has no change request " + changeRequestId);
        }
        return request;
    }

    private static void requireChangeRequestStatus(ChangeRequestId changeRequestId, ChangeRequest request,
                                                   ChangeRequestStatus required, String action) {
        if (request.status() != required) {
            throw new RuleViolation(ErrorCode.ILLEGAL_TRANSITION, "Cannot " + action + " change request "
                    + changeRequestId + ": it is " + request.status() + ", not " + required);
        }
    }

    private static void requireNotSubmitter(ChangeRequestId changeRequestId, ChangeRequest request, String approver) {
        if (request.submittedBy().equals(approver)) {
            throw new RuleViolation(ErrorCode.SELF_APPROVAL_FORBIDDEN, "Change request " + changeRequestId
                    + " was submitted by " + approver + ", who therefore cannot approve it");
        }
    }

    /** An impact assessment is a second pair of eyes: the submitter cannot give it. */
    private static void requireIndependentAssessor(ChangeRequestId changeRequestId, ChangeRequest request,
                                                   String assessor) {
        if (request.submittedBy().equals(assessor)) {
            throw new RuleViolation(ErrorCode.SELF_ASSESSMENT_FORBIDDEN, "Change request " + changeRequestId
                    + " was submitted by " + assessor + ", who therefore cannot assess it");
        }
    }

    private static void requireSubmitter(ChangeRequestId changeRequestId, ChangeRequest request, String actor) {
        if (!request.submittedBy().equals(actor)) {
            throw new RuleViolation(ErrorCode.FORBIDDEN, "Only " + request.submittedBy()
                    + ", who submitted change request " + changeRequestId + ", may withdraw it");
        }
    }

    /** At submission: money in the portfolio's currency and every referenced id known now. */
    /**
     * At submission: every change must fit the current baseline with the request's earlier
     * changes applied, as approval will apply them; a request that adds one deliverable id twice
     * or removes one deliverable twice could never be approved, so it is refused now.
     */
    private void requireChangesFitAtSubmission(List<ProposedChange> changes, Currency portfolioCurrency) {
        Set<DeliverableId> present = new HashSet<>(deliverables.keySet());
        Map<DeliverableId, Integer> addedAt = new HashMap<>();
        Map<DeliverableId, Integer> removedAt = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            ProposedChange change = changes.get(i);
            String field = "changes[" + i + "]";
            switch (change.kind()) {
                case ADD_DELIVERABLE -> {
                    requireInCurrency(change.deliverable().plannedCost(), portfolioCurrency,
                            field + ".deliverable.plannedCost");
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
                    requireInCurrency(change.deliverable().plannedCost(), portfolioCurrency,
                            field + ".deliverable.plannedCost");
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
                case CHANGE_BUDGET -> requireInCurrency(change.newAmount(), portfolioCurrency, field + ".newAmount");
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
    private void requireChangesFitBaseline(ChangeRequestId changeRequestId, List<ProposedChange> changes) {
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

    /** The currency the baseline's money is in, when it holds any money. */
    private Optional<Currency> baselineCurrency() {
        return java.util.stream.Stream.concat(budget.values().stream(),
                        deliverables.values().stream().map(DeliverablePlan::plannedCost))
                .map(Money::currency).findFirst();
    }

    private boolean outsideWindow(LocalDate date) {
        return date.isBefore(plannedStart) || date.isAfter(plannedFinish);
    }

    private boolean outsideWindow(DeliverablePlan deliverable) {
        return outsideWindow(deliverable.plannedStart()) || outsideWindow(deliverable.plannedFinish());
    }

    private static void requirePortfolioNotArchived(PortfolioFacts portfolio) {
        if (portfolio.isArchived()) {
            throw new RuleViolation(ErrorCode.PORTFOLIO_ARCHIVED,
                    "Portfolio " + portfolio.portfolioId() + " is ARCHIVED and takes no new projects");
        }
    }

    private static void requireProgramInPortfolio(ProgramFacts program, PortfolioId portfolioId) {
        if (!program.belongsTo(portfolioId)) {
            throw new RuleViolation(ErrorCode.PROGRAM_NOT_IN_PORTFOLIO,
                    "Program " + program.programId() + " does not belong to portfolio " + portfolioId);
        }
    }

    private static void requireProgramOpen(ProgramFacts program) {
        if (program.isClosed()) {
            throw new RuleViolation(ErrorCode.PROGRAM_CLOSED,
                    "Program " + program.programId() + " is CLOSED and takes no new projects");
        }
    }

    /**
     * Planning is free while PROPOSED. An approved, running or paused project has a baseline,
     * which only an approved change request may alter, so the refusal names that route.
     */
    private void requirePlanningOpen(String action) {
        if (status == ProjectStatus.PROPOSED) {
            return;
        }
        if (status.isOpen()) {
            throw new RuleViolation(ErrorCode.BASELINE_LOCKED, "Cannot " + action + " project " + projectId
                    + ": it is " + status + " and its baseline version " + baselineVersion
                    + " is locked; submit a change request");
        }
        throw illegalTransition(action, ProjectStatus.PROPOSED.name());
    }

    private static void requireInCurrency(Money money, Currency portfolioCurrency, String field) {
        if (!money.isIn(portfolioCurrency)) {
            throw new RuleViolation(ErrorCode.VALIDATION_FAILED, field + " must be in "
                    + portfolioCurrency.getCurrencyCode() + ", the portfolio's currency");
        }
    }

    private void requireNewDeliverableId(DeliverableId deliverableId) {
        if (usedDeliverableIds.contains(deliverableId)) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS, "Deliverable " + deliverableId
                    + " already exists or existed in project " + projectId + "; ids are never reused");
        }
    }

    private void requireDeliverable(DeliverableId deliverableId) {
        if (!deliverables.containsKey(deliverableId)) {
            throw new RuleViolation(ErrorCode.NOT_FOUND,
                    "Project " + projectId + " has no deliverable " + deliverableId);
        }
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

    private void requireMilestone(MilestoneId milestoneId) {
        if (!milestones.containsKey(milestoneId)) {
            throw new RuleViolation(ErrorCode.NOT_FOUND, "Project " + projectId + " has no milestone " + milestoneId);
        }
    }

    private void requireInsideWindow(LocalDate dueDate) {
        if (dueDate.isBefore(plannedStart) || dueDate.isAfter(plannedFinish)) {
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

    /** New project dates must not strand a deliverable outside them. */
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

    /** New project dates must not strand a milestone outside them. */
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

    private void requireStatus(ProjectStatus required, String action) {
        if (status != required) {
            throw illegalTransition(action, required.name());
        }
    }

    private void requireOpen(String action) {
        if (!status.isOpen()) {
            throw illegalTransition(action, "open");
        }
    }

    private RuleViolation illegalTransition(String action, String requiredState) {
        return new RuleViolation(ErrorCode.ILLEGAL_TRANSITION,
                "Cannot " + action + " project " + projectId + ": it is " + status + ", not " + requiredState);
    }

    @EventSourcingHandler
    void on(ProjectProposedEvent event) {
        projectId = event.projectId();
        status = ProjectStatus.PROPOSED;
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
    void on(BaselineEstablishedEvent event) {
        baselineVersion = event.version();
    }

    @EventSourcingHandler
    void on(ProjectApprovedEvent event) {
        status = ProjectStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(ProjectStartedEvent event) {
        status = ProjectStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ProjectPutOnHoldEvent event) {
        status = ProjectStatus.ON_HOLD;
    }

    @EventSourcingHandler
    void on(ProjectResumedEvent event) {
        status = ProjectStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ProjectCancelledEvent event) {
        status = ProjectStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(ChangeRequestSubmittedEvent event) {
        changeRequests.put(event.changeRequestId(),
                new ChangeRequest(ChangeRequestStatus.SUBMITTED, event.submittedBy(), event.changes()));
    }

    @EventSourcingHandler
    void on(ChangeRequestAssessedEvent event) {
        changeRequests.computeIfPresent(event.changeRequestId(),
                (id, request) -> request.withStatus(ChangeRequestStatus.ASSESSED));
    }

    @EventSourcingHandler
    void on(ChangeRequestApprovedEvent event) {
        changeRequests.computeIfPresent(event.changeRequestId(),
                (id, request) -> request.withStatus(ChangeRequestStatus.APPROVED));
    }

    @EventSourcingHandler
    void on(ChangeRequestRejectedEvent event) {
        changeRequests.computeIfPresent(event.changeRequestId(),
                (id, request) -> request.withStatus(ChangeRequestStatus.REJECTED));
    }

    @EventSourcingHandler
    void on(ChangeRequestWithdrawnEvent event) {
        changeRequests.computeIfPresent(event.changeRequestId(),
                (id, request) -> request.withStatus(ChangeRequestStatus.WITHDRAWN));
    }

    @EventSourcingHandler
    void on(ChangeRequestClosedEvent event) {
        changeRequests.computeIfPresent(event.changeRequestId(),
                (id, request) -> request.withStatus(ChangeRequestStatus.CLOSED));
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
