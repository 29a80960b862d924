package dev.portfolioledger.api.changerequest;

/** SUBMITTED → ASSESSED → APPROVED | REJECTED, or WITHDRAWN by the submitter while still open. */
public enum ChangeRequestStatus {
    SUBMITTED,
    ASSESSED,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    /** Submitted or assessed: not yet decided or withdrawn. */
    public boolean isOpen() {
        return this == SUBMITTED || this == ASSESSED;
    }
}
