package dev.portfolioledger.axon.audit;

import java.util.Set;

/** Keys of the audit metadata that every command and event carries (DESIGN.md, Audit metadata). */
public final class AuditMetadata {

    public static final String ACTOR = "actor";
    public static final String REASON = "reason";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String REQUEST_ID = "requestId";
    public static final String COMMAND_NAME = "commandName";

    /** Copied from a command to the events it causes, unchanged. */
    public static final Set<String> COPIED = Set.of(ACTOR, REASON, REQUEST_ID, COMMAND_NAME);

    private AuditMetadata() {
    }
}
