package dev.portfolioledger.api;

/**
 * Stable error codes that clients see in {@code extensions.code}. Renaming one breaks clients.
 */
public enum ErrorCode {
    NOT_FOUND,
    VALIDATION_FAILED,
    FORBIDDEN,
    ALREADY_EXISTS,
    NAME_TAKEN,
    ILLEGAL_TRANSITION,
    PORTFOLIO_ARCHIVED,
    PROGRAM_CLOSED,
    PROGRAM_NOT_IN_PORTFOLIO,
    CONCURRENT_MODIFICATION,
    BASELINE_LOCKED,
    CONFLICT,
    SELF_APPROVAL_FORBIDDEN,
    SELF_ASSESSMENT_FORBIDDEN,
    /**
     * A deliverable cannot be accepted yet: the latest review of the kind the project requires for
     * acceptance (UAT unless chosen otherwise) is missing or FAILED.
     */
    REVIEW_REQUIRED,
    /**
     * The user is neither the project's sponsor nor a stakeholder with the right to accept
     * deliverables registered under their user name.
     */
    ACCEPTANCE_NOT_ENTITLED,
    /** A resource would be allocated beyond its capacity on some day; the details list the days and allocations. */
    CAPACITY_EXCEEDED,
    /**
     * A project cannot be closed yet: the details ({@code blockers}) list every unmet condition at
     * once, each with its {@code condition}, {@code subjectId} and {@code description}.
     */
    CLOSURE_BLOCKED,
    VIEW_OUT_OF_DATE,
    TIMEOUT,
    // Requests refused before anything runs: query limits, and HTTP-level mistakes.
    QUERY_TOO_DEEP,
    QUERY_TOO_COMPLEX,
    TOO_MANY_MUTATIONS,
    INTROSPECTION_DISABLED,
    BAD_REQUEST,
    UNAUTHENTICATED,
    METHOD_NOT_ALLOWED,
    UNSUPPORTED_MEDIA_TYPE,
    /** The database was lost while the change was being stored: it may or may not have been. */
    OUTCOME_UNKNOWN,
    /** The database could not be reached before anything was stored. */
    UNAVAILABLE,
    /** Something went wrong on the service's side; the message names an incident id for the logs. */
    INTERNAL,
    /** An Idempotency-Key already used for a different request by the same user. */
    IDEMPOTENCY_KEY_REUSED,
    /** The first request with this Idempotency-Key is still running. */
    IDEMPOTENCY_KEY_IN_USE,
    /**
     * The aggregate's stored events failed the audit trail's verification (edited, deleted, inserted or
     * reordered behind the service's back): nothing is appended on top of a rewritten past.
     */
    INTEGRITY_VIOLATION
}
