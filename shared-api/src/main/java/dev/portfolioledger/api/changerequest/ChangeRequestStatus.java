package dev.portfolioledger.api.changerequest;

/**
 * SUBMITTED → ASSESSED → APPROVED | REJECTED, or WITHDRAWN by the submitter while still open, or
 * CLOSED without a decision when its project is cancelled while it is open.
 */
public enum ChangeRequestStatus {
    SUBMITTED,
    ASSESSED,
    APPROVED,
    REJECTED,
    WITHDRAWN,
    CLOSED;

    /** Submitted or assessed: not yet decided or withdrawn. */
    public boolean isOpen() {
        return this == SUBMITTED || this == ASSESSED;
    }
}
