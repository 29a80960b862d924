package dev.portfolioledger.axon;

/** Names of the event processing groups; their settings live in application.yml. */
public final class ProcessingGroups {

    /** Portfolio, program and project read models (pooled streaming, tracked in tokenentry). */
    public static final String VIEWS = "views";
    /** The versions of the views that answer as-of queries (pooled streaming; see ViewHistoryProjection). */
    public static final String HISTORY = "history";
    /** The audit trail read model (pooled streaming). */
    public static final String AUDIT = "audit";
    /**
     * The audit log's appender (pooled streaming, one segment): appends a Merkle leaf per event, in the
     * order the processor delivers them. Never replayed and never rebuilt: the log is append-only.
     */
    public static final String INTEGRITY = "integrity";
    /** Command-side lookup tables, updated in the command's own transaction (subscribing). */
    public static final String COMMAND_LOOKUPS = "command-lookups";
    /**
     * The process that releases a project's resources when the project ends (pooled streaming,
     * one segment: it sends commands, and one sender never competes with itself for a resource).
     */
    public static final String RESOURCE_RELEASE = "resource-release";

    private ProcessingGroups() {
    }
}
