package dev.portfolioledger.api.changerequest;

/** What one proposed change does to the baseline. */
public enum ChangeKind {
    /** Add a new deliverable to the scope. */
    ADD_DELIVERABLE,
    /** Remove a deliverable from the scope (and unlink it from its milestones). */
    REMOVE_DELIVERABLE,
    /** Replace a deliverable's plan with a new one. */
    MODIFY_DELIVERABLE,
    /** Move a milestone to a new due date. */
    MOVE_MILESTONE,
    /** Set the budget of one cost category (zero clears the line). */
    CHANGE_BUDGET
}
