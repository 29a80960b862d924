package dev.portfolioledger.query.changerequest;

import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestApprovedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestAssessedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestClosedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestRejectedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestSubmittedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestWithdrawnEvent;

import java.time.Instant;

/**
 * One change request as a left fold over its project's events: used by the live projection one
 * event at a time, and usable over a stored event stream to rebuild a request as of any instant.
 */
public final class ChangeRequestEvolution {

    private ChangeRequestEvolution() {
    }

    /**
     * The request after {@code event}. Events of other requests, or that do not concern a change
     * request, leave {@code before} as it is, so the project stream from the request's submission on can be
     * folded for that request.
     *
     * @param before   the request before the event, null before it was submitted
     * @param sequence the event's sequence number in its project's stream
     * @throws IllegalStateException when an event arrives for a request that was never submitted
     *                               (applying it to nothing would hide a lost submission)
     */
    public static ChangeRequestView apply(ChangeRequestView before, Object event, Instant at, long sequence) {
        if (event instanceof ChangeRequestSubmittedEvent e) {
            // a request already there is this one redelivered, or another request of the project
            return before == null ? ChangeRequestView.submitted(e, at, sequence) : before;
        }
        if (event instanceof ChangeRequestAssessedEvent e) {
            return concerns(before, e.changeRequestId(), event) ? before.on(e, at) : before;
        }
        if (event instanceof ChangeRequestApprovedEvent e) {
            return concerns(before, e.changeRequestId(), event) ? before.on(e, at) : before;
        }
        if (event instanceof ChangeRequestRejectedEvent e) {
            return concerns(before, e.changeRequestId(), event) ? before.on(e, at) : before;
        }
        if (event instanceof ChangeRequestWithdrawnEvent e) {
            return concerns(before, e.changeRequestId(), event) ? before.on(e, at) : before;
        }
        if (event instanceof ChangeRequestClosedEvent e) {
            return concerns(before, e.changeRequestId(), event) ? before.on(e, at) : before;
        }
        if (event instanceof BaselineRevisedEvent e) {
            return concerns(before, e.changeRequestId(), event) ? before.on(e) : before;
        }
        return before;
    }

    private static boolean concerns(ChangeRequestView before, Object changeRequestId, Object event) {
        if (before == null) {
            throw new IllegalStateException("No change request " + changeRequestId + " to apply "
                                                    + event.getClass().getSimpleName() + " to");
        }
        return before.changeRequestId().equals(changeRequestId);
    }
}
