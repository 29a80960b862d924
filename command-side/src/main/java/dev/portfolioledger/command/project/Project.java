package dev.portfolioledger.command.project;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.changerequest.ApproveChangeRequestCommand;
import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestApprovedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestClosedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestDecisionCommand;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ChangeRequestSubmittedEvent;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.changerequest.SubmitChangeRequestCommand;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.ApproveProjectCommand;
import dev.portfolioledger.api.project.CancelProjectCommand;
import dev.portfolioledger.api.project.CloseProjectCommand;
import dev.portfolioledger.api.project.CompleteMilestoneCommand;
import dev.portfolioledger.api.project.ExecutionCommand;
import dev.portfolioledger.api.project.ForecastDeliverableFinishCommand;
import dev.portfolioledger.api.project.PlanningCommand;
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectClosedEvent;
import dev.portfolioledger.api.project.ProjectDetailsRevisedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectPutOnHoldEvent;
import dev.portfolioledger.api.project.ProjectResumedEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.api.project.ProposeProjectCommand;
import dev.portfolioledger.api.project.PutProjectOnHoldCommand;
import dev.portfolioledger.api.project.ReportDeliverableProgressCommand;
import dev.portfolioledger.api.project.ResumeProjectCommand;
import dev.portfolioledger.api.project.ReviseProjectDetailsCommand;
import dev.portfolioledger.api.project.StartProjectCommand;
import dev.portfolioledger.api.risk.RecordRiskOccurredCommand;
import dev.portfolioledger.api.risk.RiskCommand;
import dev.portfolioledger.api.quality.AcceptDeliverableCommand;
import dev.portfolioledger.api.quality.RecordQualityReviewCommand;
import dev.portfolioledger.api.quality.RegisterStakeholderCommand;
import dev.portfolioledger.api.quality.UpdateStakeholderCommand;
import dev.portfolioledger.command.portfolio.PortfolioFacts;
import dev.portfolioledger.command.program.ProgramFacts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A project, the root of its aggregate: identity and lifecycle, PROPOSED → APPROVED → ACTIVE ⇄
 * ON_HOLD → CLOSED, and CANCELLED from any open state. Proposal arrives through
 * {@link ProjectCommandHandler}, which looks up the portfolio and program it goes into.
 * <p>
 * Two kinds of member hold the rest, each with its own rules and handlers:
 * <ul>
 *   <li>the {@link ProjectScope} (plan and baseline), edited freely by {@link PlanningCommand}s
 *       while PROPOSED; approval freezes it into baseline version 1, after which only change
 *       requests alter it;</li>
 *   <li>the {@link ChangeRequest}s, one entity each, keyed by id;</li>
 *   <li>the {@link ProjectExecution} (progress, milestones reached, forecasts), which takes
 *       {@link ExecutionCommand}s only while the project is ACTIVE;</li>
 *   <li>the {@link RiskRegister} (the project's risks), which takes {@link RiskCommand}s while the
 *       project is open.</li>
 *   <li>the {@link ProjectQuality} (stakeholders, quality reviews, acceptance of deliverables):
 *       stakeholders are registered and revised while the project is open, reviews recorded and
 *       deliverables accepted while it is ACTIVE (they are execution commands), and the review kind
 *       acceptance needs is part of the plan.</li>
 * </ul>
 * The root keeps the rules that depend on the lifecycle and guards its members with them (the
 * {@code @CommandHandlerInterceptor}s below run before any member's handler), and takes the
 * decisions that span members: submitting a change request (checked against the scope),
 * approving one (which revises the scope), the execution commands (about a deliverable or
 * milestone of the current scope), and closing the project (which every member's open business
 * can block).
 * <p>
 * Snapshots store the aggregate's fields (hence the field visibility for Jackson); the revision
 * below names their shape: change it whenever a field of the root or a member changes, and older
 * snapshots are ignored (the project is then rebuilt from its events).
 */
@Aggregate(snapshotTriggerDefinition = "projectSnapshotTrigger")
@Revision("3")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Project {

    @AggregateIdentifier
    private ProjectId projectId;
    private ProjectStatus status;
    /** Who sponsors the project (as proposed or last revised): the one who may always accept its deliverables. */
    private String sponsor;
    @AggregateMember
    private ProjectScope scope = new ProjectScope();
    /** Every change request ever submitted, by id (an id is never reused), in submission order. */
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<ChangeRequestId, ChangeRequest> changeRequests = new LinkedHashMap<>();
    @AggregateMember
    private ProjectExecution execution = new ProjectExecution();
    @AggregateMember
    private RiskRegister risks = new RiskRegister();
    @AggregateMember
    private ProjectQuality quality = new ProjectQuality();

    /** For Axon, which rebuilds a project from its events (and Jackson, from a snapshot). */
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
                command.methodology(), command.plannedStart(), command.plannedFinish(), portfolio.currency()));
    }

    // --- lifecycle ---

    @CommandHandler
    void handle(ReviseProjectDetailsCommand command) {
        requireStatus(ProjectStatus.PROPOSED, "revise the details of");
        scope.requireWindowHolds(command.plannedStart(), command.plannedFinish());
        apply(new ProjectDetailsRevisedEvent(projectId, command.name(), command.description(), command.manager(),
                command.sponsor(), command.methodology(), command.plannedStart(), command.plannedFinish()));
    }

    @CommandHandler
    void handle(ApproveProjectCommand command) {
        requireStatus(ProjectStatus.PROPOSED, "approve");
        var baseline = scope.baseline(1);
        apply(new ProjectApprovedEvent(projectId));
        apply(baseline);
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
     * Cancelling closes the project's open change requests and open risks with it: they could never
     * be decided, withdrawn or managed afterwards, and a cancelled project's risks are no longer the
     * portfolio's. One event each, stored by this command.
     */
    @CommandHandler
    void handle(CancelProjectCommand command, @MetaDataValue("actor") String actor) {
        requireOpen("cancel");
        List<ChangeRequestId> open = changeRequests.entrySet().stream()
                .filter(request -> request.getValue().isOpen()).map(Map.Entry::getKey).toList();
        apply(new ProjectCancelledEvent(projectId, status, command.reason()));
        for (ChangeRequestId changeRequestId : open) {
            apply(new ChangeRequestClosedEvent(projectId, changeRequestId, actor,
                    "Project cancelled: " + command.reason()));
        }
        risks.closeOpenRisks(projectId, "Project cancelled: " + command.reason());
    }

    /**
     * Closing is one decision over every member: it is refused while any condition is unmet, with
     * all of them listed at once ({@link #closureBlockers}), so the manager clears them in one go.
     * The verdicts must cover the project's objectives exactly (VALIDATION_FAILED, a mistake of the
     * input rather than a state of the project, so it is checked first). The final figures come
     * with the command (the finance views', read before it was sent); the baseline version is the
     * scope's own.
     */
    @CommandHandler
    void handle(CloseProjectCommand command) {
        scope.requireVerdictOnEveryObjective(command.objectives());
        List<ClosureBlocker> blockers = closureBlockers();
        if (!blockers.isEmpty()) {
            throw closureBlocked(blockers);
        }
        apply(new ProjectClosedEvent(projectId, command.closedOn(), scope.baselineVersion(), command.finalFigures(),
                command.lessonsLearned(), command.objectives(), command.handoverNotes(), command.finalRemarks()));
        // only transferred risks can still be open here (any other open risk blocks): they leave the register
        // with the project, so the portfolio's heatmap and top risks no longer count them
        risks.closeOpenRisks(projectId, "Project closed");
    }

    /**
     * Every unmet condition of closing, in this order: the project's status, the open change requests
     * in submission order, the deliverables of the current scope not accepted (in the scope's order;
     * those removed by an approved change request are no longer in it), and the open risks that were
     * not transferred, in the order identified. Each member that knows a condition answers its own
     * blockers.
     */
    private List<ClosureBlocker> closureBlockers() {
        List<ClosureBlocker> blockers = new ArrayList<>();
        if (status != ProjectStatus.ACTIVE) {
            blockers.add(new ClosureBlocker(ClosureBlocker.NOT_ACTIVE, projectId.toString(), "Project " + projectId
                    + " is " + status + "; only an ACTIVE project can be closed"));
        }
        changeRequests.values().forEach(request -> request.closureBlocker().ifPresent(blockers::add));
        blockers.addAll(quality.closureBlockers(scope.currentDeliverableIds()));
        blockers.addAll(risks.closureBlockers());
        return blockers;
    }

    private RuleViolation closureBlocked(List<ClosureBlocker> blockers) {
        List<Object> details = blockers.stream().<Object>map(blocker -> Map.of("condition", blocker.condition(),
                "subjectId", blocker.subjectId(), "description", blocker.description())).toList();
        return new RuleViolation(ErrorCode.CLOSURE_BLOCKED, "Project " + projectId + " cannot be closed yet: "
                + blockers.size() + (blockers.size() == 1 ? " condition is" : " conditions are") + " unmet ("
                + String.join("; ", blockers.stream().map(ClosureBlocker::description).toList())
                + "); see extensions.blockers", Map.of("blockers", details));
    }

    // --- guards for the members ---

    /**
     * Planning is free while PROPOSED. An approved, running or paused project has a baseline,
     * which only an approved change request may alter, so the refusal names that route.
     */
    @CommandHandlerInterceptor
    Object requirePlanningOpen(PlanningCommand command, InterceptorChain chain) throws Exception {
        if (status == ProjectStatus.PROPOSED) {
            return chain.proceed();
        }
        if (status.isOpen()) {
            throw new RuleViolation(ErrorCode.BASELINE_LOCKED, "Cannot change the plan of project " + projectId
                    + ": it is " + status + " and its baseline version " + scope.baselineVersion()
                    + " is locked; submit a change request");
        }
        throw illegalTransition("change the plan of", ProjectStatus.PROPOSED.name());
    }

    /** A decision on a change request needs open change control and a request by that id. */
    @CommandHandlerInterceptor
    Object requireChangeRequest(ChangeRequestDecisionCommand command, InterceptorChain chain) throws Exception {
        requireChangeControlOpen("decide on a change request of");
        if (!changeRequests.containsKey(command.changeRequestId())) {
            throw new RuleViolation(ErrorCode.NOT_FOUND,
                    "Project " + projectId + " has no change request " + command.changeRequestId());
        }
        return chain.proceed();
    }

    /**
     * The risk register is kept while the project is open, from the proposal (risks are identified
     * while planning) until it is closed or cancelled; after that it is a record.
     */
    @CommandHandlerInterceptor
    Object requireRiskRegisterOpen(RiskCommand command, InterceptorChain chain) throws Exception {
        requireOpen("change the risk register of");
        return chain.proceed();
    }

    /** Execution is reported on a running project: not before it starts, nor while on hold or after it ended. */
    @CommandHandlerInterceptor
    Object requireRunning(ExecutionCommand command, InterceptorChain chain) throws Exception {
        requireStatus(ProjectStatus.ACTIVE, "report on the execution of");
        return chain.proceed();
    }

    // --- execution: decisions on a deliverable or milestone of the current scope ---

    @CommandHandler
    void handle(ReportDeliverableProgressCommand command) {
        scope.requireDeliverable(command.deliverableId());
        execution.reportProgress(command);
    }

    @CommandHandler
    void handle(CompleteMilestoneCommand command) {
        execution.completeMilestone(command, scope.requireMilestone(command.milestoneId()));
    }

    @CommandHandler
    void handle(ForecastDeliverableFinishCommand command) {
        execution.forecastFinish(command, scope.requireDeliverable(command.deliverableId()));
    }

    // --- risks: the decision that spans a risk and the change requests ---

    /** A linked change request must be one of this project's (NOT_FOUND otherwise), in any state. */
    @CommandHandler
    void handle(RecordRiskOccurredCommand command) {
        risks.require(projectId, command.riskId());
        if (command.changeRequestId() != null && !changeRequests.containsKey(command.changeRequestId())) {
            throw new RuleViolation(ErrorCode.NOT_FOUND, "Project " + projectId + " has no change request "
                    + command.changeRequestId() + " to link to risk " + command.riskId());
        }
        risks.recordOccurred(command);
    }

    // --- stakeholders, quality and acceptance ---

    @CommandHandler
    void handle(RegisterStakeholderCommand command) {
        requireOpen("register a stakeholder of");
        quality.register(command);
    }

    @CommandHandler
    void handle(UpdateStakeholderCommand command) {
        requireOpen("update a stakeholder of");
        quality.update(command);
    }

    @CommandHandler
    void handle(RecordQualityReviewCommand command, @MetaDataValue("actor") String actor) {
        String recordedBy = ChangeRequest.requireActor(actor);
        scope.requireDeliverable(command.deliverableId());
        quality.recordReview(command, recordedBy);
    }

    /** The sponsor is the root's to know; who else may accept, the quality member knows. */
    @CommandHandler
    void handle(AcceptDeliverableCommand command, @MetaDataValue("actor") String actor) {
        String acceptor = ChangeRequest.requireActor(actor);
        scope.requireDeliverable(command.deliverableId());
        quality.accept(command, acceptor, sponsor);
    }

    // --- change requests: decisions that span the request and the scope ---

    @CommandHandler
    void handle(SubmitChangeRequestCommand command, @MetaDataValue("actor") String actor) {
        String submitter = ChangeRequest.requireActor(actor);
        requireChangeControlOpen("submit a change request to");
        requireNewChangeRequestId(command.changeRequestId());
        scope.requireChangesFitAtSubmission(command.changes());
        apply(new ChangeRequestSubmittedEvent(projectId, command.changeRequestId(), command.title(),
                command.justification(), command.changes(), submitter));
    }

    /**
     * Approval is one atomic decision: the request is approved and the baseline revised to the next
     * version with exactly its changes, or, when any change no longer fits the current baseline,
     * nothing happens at all.
     */
    @CommandHandler
    void handle(ApproveChangeRequestCommand command, @MetaDataValue("actor") String actor) {
        String approver = ChangeRequest.requireActor(actor);
        List<ProposedChange> changes = changeRequests.get(command.changeRequestId()).requireApprovableBy(approver);
        scope.requireChangesFitBaseline(command.changeRequestId(), changes);
        apply(new ChangeRequestApprovedEvent(projectId, command.changeRequestId(), approver));
        apply(new BaselineRevisedEvent(projectId, scope.baselineVersion() + 1, command.changeRequestId(), changes));
    }

    // --- named checks ---

    /** Change requests alter a baseline, so they need one, and an open project. */
    private void requireChangeControlOpen(String action) {
        if (status == ProjectStatus.PROPOSED) {
            throw new RuleViolation(ErrorCode.ILLEGAL_TRANSITION, "Cannot " + action + " project " + projectId
                    + ": it is PROPOSED; plan directly; there is no baseline yet");
        }
        if (!status.isOpen() || scope.baselineVersion() == 0) {
            throw illegalTransition(action, "APPROVED, ACTIVE or ON_HOLD");
        }
    }

    private void requireNewChangeRequestId(ChangeRequestId changeRequestId) {
        if (changeRequests.containsKey(changeRequestId)) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS, "Change request " + changeRequestId
                    + " already exists in project " + projectId + "; ids are never reused");
        }
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

    // --- state (the members keep their own) ---

    @EventSourcingHandler
    void on(ProjectProposedEvent event) {
        projectId = event.projectId();
        status = ProjectStatus.PROPOSED;
        sponsor = event.sponsor();
    }

    @EventSourcingHandler
    void on(ProjectDetailsRevisedEvent event) {
        sponsor = event.sponsor();
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
    void on(ProjectClosedEvent event) {
        status = ProjectStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(ChangeRequestSubmittedEvent event) {
        changeRequests.put(event.changeRequestId(), new ChangeRequest(event, scope.currency()));
    }
}
