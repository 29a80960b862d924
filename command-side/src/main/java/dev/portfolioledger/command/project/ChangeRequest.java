package dev.portfolioledger.command.project;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.changerequest.AssessChangeRequestCommand;
import dev.portfolioledger.api.changerequest.ChangeRequestApprovedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestAssessedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestClosedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ChangeRequestRejectedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestStatus;
import dev.portfolioledger.api.changerequest.ChangeRequestSubmittedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestWithdrawnEvent;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.changerequest.RejectChangeRequestCommand;
import dev.portfolioledger.api.changerequest.WithdrawChangeRequestCommand;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.EntityId;

import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One change request of a {@link Project}: an entity of the Project aggregate, created by the
 * root when the request is submitted and keyed by its id. It decides what concerns the request
 * alone (assessment, rejection, withdrawal, and whether it may be approved by whom); the root has
 * checked before that the request exists and the project's change control is open, and approves
 * it, since approval revises the project's scope.
 * <p>
 * Snapshots store this object's fields (hence the field visibility for Jackson).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class ChangeRequest {

    @EntityId
    private ChangeRequestId changeRequestId;
    private ProjectId projectId;
    private ChangeRequestStatus status;
    private String submittedBy;
    private List<ProposedChange> changes;
    /** The portfolio's currency, the currency of an impact assessment. */
    private Currency currency;

    /** For Jackson, which restores a change request from a snapshot. */
    private ChangeRequest() {
    }

    ChangeRequest(ChangeRequestSubmittedEvent submitted, Currency currency) {
        this.changeRequestId = submitted.changeRequestId();
        this.projectId = submitted.projectId();
        this.status = ChangeRequestStatus.SUBMITTED;
        this.submittedBy = submitted.submittedBy();
        this.changes = submitted.changes();
        this.currency = currency;
    }

    @CommandHandler
    void handle(AssessChangeRequestCommand command, @MetaDataValue("actor") String actor) {
        String assessor = requireActor(actor);
        requireStatus(ChangeRequestStatus.SUBMITTED, "assess");
        requireIndependentAssessor(assessor);
        ProjectScope.requireInCurrency(command.costImpact(), currency, "costImpact");
        apply(new ChangeRequestAssessedEvent(projectId, changeRequestId, command.costImpact(),
                command.scheduleImpactDays(), command.riskNotes(), assessor));
    }

    @CommandHandler
    void handle(RejectChangeRequestCommand command, @MetaDataValue("actor") String actor) {
        String rejecter = requireActor(actor);
        requireStatus(ChangeRequestStatus.ASSESSED, "reject");
        apply(new ChangeRequestRejectedEvent(projectId, changeRequestId, command.reason(), rejecter));
    }

    @CommandHandler
    void handle(WithdrawChangeRequestCommand command, @MetaDataValue("actor") String actor) {
        String withdrawer = requireActor(actor);
        requireSubmitter(withdrawer);
        if (!status.isOpen()) {
            throw new RuleViolation(ErrorCode.ILLEGAL_TRANSITION, "Cannot withdraw change request "
                    + changeRequestId + ": it is " + status + ", not SUBMITTED or ASSESSED");
        }
        apply(new ChangeRequestWithdrawnEvent(projectId, changeRequestId));
    }

    /**
     * What the root asks before it approves: the request is assessed and the approver is not its
     * submitter.
     *
     * @return the changes to apply to the scope
     */
    List<ProposedChange> requireApprovableBy(String approver) {
        requireStatus(ChangeRequestStatus.ASSESSED, "approve");
        if (submittedBy.equals(approver)) {
            throw new RuleViolation(ErrorCode.SELF_APPROVAL_FORBIDDEN, "Change request " + changeRequestId
                    + " was submitted by " + approver + ", who therefore cannot approve it");
        }
        return changes;
    }

    /** Still awaiting a decision: SUBMITTED or ASSESSED. */
    boolean isOpen() {
        return status.isOpen();
    }

    /** What this request puts in the way of closing its project: nothing once it is decided or withdrawn. */
    Optional<ClosureBlocker> closureBlocker() {
        if (!isOpen()) {
            return Optional.empty();
        }
        String next = status == ChangeRequestStatus.SUBMITTED ? "assess and decide it" : "decide it";
        return Optional.of(new ClosureBlocker(ClosureBlocker.OPEN_CHANGE_REQUEST, changeRequestId.toString(),
                "Change request " + changeRequestId + " is " + status + ": " + next + ", or have its submitter"
                        + " withdraw it"));
    }

    /** The actor is stamped into the metadata by the dispatch interceptor; without one nobody is accountable. */
    static String requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new RuleViolation(ErrorCode.FORBIDDEN, "No authenticated actor on the command");
        }
        return actor;
    }

    private void requireStatus(ChangeRequestStatus required, String action) {
        if (status != required) {
            throw new RuleViolation(ErrorCode.ILLEGAL_TRANSITION, "Cannot " + action + " change request "
                    + changeRequestId + ": it is " + status + ", not " + required);
        }
    }

    /** An impact assessment is a second pair of eyes: the submitter cannot give it. */
    private void requireIndependentAssessor(String assessor) {
        if (submittedBy.equals(assessor)) {
            throw new RuleViolation(ErrorCode.SELF_ASSESSMENT_FORBIDDEN, "Change request " + changeRequestId
                    + " was submitted by " + assessor + ", who therefore cannot assess it");
        }
    }

    private void requireSubmitter(String actor) {
        if (!submittedBy.equals(actor)) {
            throw new RuleViolation(ErrorCode.FORBIDDEN, "Only " + submittedBy
                    + ", who submitted change request " + changeRequestId + ", may withdraw it");
        }
    }

    /** Equal when in the same state (the aggregate fixture compares state sourced and state applied). */
    @Override
    public boolean equals(Object other) {
        return other instanceof ChangeRequest that && changeRequestId.equals(that.changeRequestId)
                && projectId.equals(that.projectId) && status == that.status && submittedBy.equals(that.submittedBy)
                && changes.equals(that.changes) && Objects.equals(currency, that.currency);
    }

    @Override
    public int hashCode() {
        return changeRequestId.hashCode();
    }

    // Only this request's events reach these handlers (the root forwards matching instances only).

    @EventSourcingHandler
    void on(ChangeRequestAssessedEvent event) {
        status = ChangeRequestStatus.ASSESSED;
    }

    @EventSourcingHandler
    void on(ChangeRequestApprovedEvent event) {
        status = ChangeRequestStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(ChangeRequestRejectedEvent event) {
        status = ChangeRequestStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ChangeRequestWithdrawnEvent event) {
        status = ChangeRequestStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(ChangeRequestClosedEvent event) {
        status = ChangeRequestStatus.CLOSED;
    }
}
