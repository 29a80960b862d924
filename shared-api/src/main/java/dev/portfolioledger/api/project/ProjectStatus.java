package dev.portfolioledger.api.project;

/** Project lifecycle: PROPOSED, APPROVED, ACTIVE and ON_HOLD are open; CLOSED and CANCELLED are final. */
public enum ProjectStatus {
    PROPOSED,
    APPROVED,
    ACTIVE,
    ON_HOLD,
    CLOSED,
    CANCELLED;

    public boolean isOpen() {
        return this != CLOSED && this != CANCELLED;
    }
}
