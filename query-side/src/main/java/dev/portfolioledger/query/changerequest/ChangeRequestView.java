package dev.portfolioledger.query.changerequest;

import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestApprovedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestAssessedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestClosedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ChangeRequestRejectedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestStatus;
import dev.portfolioledger.api.changerequest.ChangeRequestSubmittedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestWithdrawnEvent;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.project.ProjectId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change request as its events make it. The factory and the {@code on} methods are the whole
 * projection logic and are pure, so a past state is the same fold over fewer events.
 *
 * @param position        the sequence number of the submission event within the project; orders
 *                        a project's requests (higher = submitted later) and keys their cursors
 * @param assessment      null until assessed
 * @param decidedBy       who approved or rejected the request; for a withdrawn one its submitter
 *                        (only the submitter may withdraw); null while open
 * @param decidedAt       when the request was approved, rejected or withdrawn; null while open
 * @param rejectionReason the reason given on rejection, else null
 * @param baselineVersion the baseline version its approval produced; null unless approved
 * @param closureReason   why it was closed without a decision (its project was cancelled); null
 *                        unless CLOSED, when decidedBy is who cancelled the project
 */
public record ChangeRequestView(
        ProjectId projectId,
        ChangeRequestId changeRequestId,
        long position,
        String title,
        String justification,
        List<ProposedChange> changes,
        ChangeRequestStatus status,
        String submittedBy,
        Instant submittedAt,
        ChangeRequestAssessment assessment,
        String decidedBy,
        Instant decidedAt,
        String rejectionReason,
        Integer baselineVersion,
        String closureReason) {

    public ChangeRequestView {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(changeRequestId, "changeRequestId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(submittedAt, "submittedAt");
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** The request as just submitted, by the event with sequence number {@code sequence}. */
    public static ChangeRequestView submitted(ChangeRequestSubmittedEvent e, Instant at, long sequence) {
        return new ChangeRequestView(e.projectId(), e.changeRequestId(), sequence, e.title(), e.justification(),
                                     e.changes(), ChangeRequestStatus.SUBMITTED, e.submittedBy(), at, null, null,
                                     null, null, null, null);
    }

    public ChangeRequestView on(ChangeRequestAssessedEvent e, Instant at) {
        ChangeRequestAssessment assessed = new ChangeRequestAssessment(e.costImpact(), e.scheduleImpactDays(),
                                                                       e.riskNotes(), e.assessedBy(), at);
        return new ChangeRequestView(projectId, changeRequestId, position, title, justification, changes,
                                     ChangeRequestStatus.ASSESSED, submittedBy, submittedAt, assessed, decidedBy,
                                     decidedAt, rejectionReason, baselineVersion, closureReason);
    }

    public ChangeRequestView on(ChangeRequestApprovedEvent e, Instant at) {
        return decided(ChangeRequestStatus.APPROVED, e.approvedBy(), at, null);
    }

    public ChangeRequestView on(ChangeRequestRejectedEvent e, Instant at) {
        return decided(ChangeRequestStatus.REJECTED, e.rejectedBy(), at, e.reason());
    }

    /** Only the submitter may withdraw, so the submitter is who decided. */
    public ChangeRequestView on(ChangeRequestWithdrawnEvent e, Instant at) {
        return decided(ChangeRequestStatus.WITHDRAWN, submittedBy, at, null);
    }

    /** Closed with its cancelled project: who cancelled it is who closed the request. */
    public ChangeRequestView on(ChangeRequestClosedEvent e, Instant at) {
        return new ChangeRequestView(projectId, changeRequestId, position, title, justification, changes,
                                     ChangeRequestStatus.CLOSED, submittedBy, submittedAt, assessment, e.closedBy(), at,
                                     null, baselineVersion, e.reason());
    }

    /** The approval of this request produced the event's baseline version. */
    public ChangeRequestView on(BaselineRevisedEvent e) {
        return new ChangeRequestView(projectId, changeRequestId, position, title, justification, changes, status,
                                     submittedBy, submittedAt, assessment, decidedBy, decidedAt, rejectionReason,
                                     e.version(), closureReason);
    }

    private ChangeRequestView decided(ChangeRequestStatus newStatus, String by, Instant at, String reason) {
        return new ChangeRequestView(projectId, changeRequestId, position, title, justification, changes, newStatus,
                                     submittedBy, submittedAt, assessment, by, at, reason, baselineVersion, null);
    }
}
