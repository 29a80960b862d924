package dev.portfolioledger.api.quality;

/** In which right someone accepted a deliverable. */
public enum AcceptanceCapacity {
    /** The project's sponsor, who may always accept. */
    SPONSOR,
    /** A registered stakeholder with the right to accept deliverables. */
    STAKEHOLDER
}
