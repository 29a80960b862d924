package dev.portfolioledger.command.project;

import java.util.Objects;

/**
 * One unmet condition of closing a project, as a client can act on it: which rule
 * ({@link #condition}), the thing that breaks it ({@link #subjectId}: a change request, deliverable
 * or risk id, or the project's own id for its status) and a sentence for a person. A refused
 * {@code closeProject} lists every blocker at once in the error's details, so the manager fixes them
 * all before trying again.
 *
 * @param condition one of {@link #OPEN_CHANGE_REQUEST}, {@link #UNACCEPTED_DELIVERABLE},
 *                  {@link #OPEN_RISK}, {@link #NOT_ACTIVE}
 */
public record ClosureBlocker(String condition, String subjectId, String description) {

    public static final String OPEN_CHANGE_REQUEST = "OPEN_CHANGE_REQUEST";
    public static final String UNACCEPTED_DELIVERABLE = "UNACCEPTED_DELIVERABLE";
    public static final String OPEN_RISK = "OPEN_RISK";
    public static final String NOT_ACTIVE = "NOT_ACTIVE";

    public ClosureBlocker {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(description, "description");
    }
}
