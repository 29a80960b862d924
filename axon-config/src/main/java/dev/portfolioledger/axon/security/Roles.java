package dev.portfolioledger.axon.security;

/**
 * The roles of DESIGN.md and the authorization rules built from them. Every GraphQL query and
 * mutation names one of these rules in its {@code @PreAuthorize}, so the rules are read in one
 * place.
 */
public final class Roles {

    public static final String PMO = "PMO";
    public static final String PORTFOLIO_MANAGER = "PORTFOLIO_MANAGER";
    public static final String PROGRAM_MANAGER = "PROGRAM_MANAGER";
    public static final String PROJECT_MANAGER = "PROJECT_MANAGER";
    public static final String RESOURCE_MANAGER = "RESOURCE_MANAGER";
    public static final String CHANGE_APPROVER = "CHANGE_APPROVER";
    public static final String TEAM_MEMBER = "TEAM_MEMBER";
    public static final String AUDITOR = "AUDITOR";
    /** Runs the service: health details, dead letters, rebuilds. Not a business role: sees no views. */
    public static final String OPERATOR = "OPERATOR";

    /** Read portfolio, program and project views: every role. */
    public static final String READ_VIEWS = "hasAnyRole('PMO','PORTFOLIO_MANAGER','PROGRAM_MANAGER',"
            + "'PROJECT_MANAGER','RESOURCE_MANAGER','CHANGE_APPROVER','TEAM_MEMBER','AUDITOR')";
    /** Read the audit trail. */
    public static final String READ_AUDIT = "hasAnyRole('PMO','PORTFOLIO_MANAGER','AUDITOR')";
    /** Create, rename and archive portfolios. */
    public static final String MANAGE_PORTFOLIOS = "hasAnyRole('PMO','PORTFOLIO_MANAGER')";
    /** Create, rename and close programs. */
    public static final String MANAGE_PROGRAMS = "hasAnyRole('PMO','PORTFOLIO_MANAGER','PROGRAM_MANAGER')";
    /** Propose projects and revise them while proposed. */
    public static final String PLAN_PROJECTS =
            "hasAnyRole('PMO','PORTFOLIO_MANAGER','PROGRAM_MANAGER','PROJECT_MANAGER')";
    /** Approve and cancel projects. */
    public static final String GOVERN_PROJECTS = "hasAnyRole('PMO','PORTFOLIO_MANAGER','PROGRAM_MANAGER')";
    /** Start, put on hold and resume projects. */
    public static final String RUN_PROJECTS =
            "hasAnyRole('PMO','PORTFOLIO_MANAGER','PROGRAM_MANAGER','PROJECT_MANAGER')";

    /**
     * Submit change requests and withdraw one's own: whoever may plan projects. Assessing one is open
     * to them and to the change board; the aggregate adds that nobody assesses their own request.
     */
    public static final String ASSESS_CHANGE_REQUESTS =
            "hasAnyRole('PMO','PORTFOLIO_MANAGER','PROGRAM_MANAGER','PROJECT_MANAGER','CHANGE_APPROVER')";
    /**
     * Approve or reject change requests: the change board, and the PMO that chairs it. The aggregate
     * adds that nobody approves their own request.
     */
    public static final String DECIDE_CHANGE_REQUESTS = "hasAnyRole('PMO','CHANGE_APPROVER')";
    /**
     * Manage the resource pool: register resources, their skills, capacity, rates, leave and
     * retirement, and allocate, reallocate and release them.
     */
    public static final String MANAGE_RESOURCES = "hasAnyRole('PMO','RESOURCE_MANAGER')";
    /** Log time worked on a project: team members and whoever runs or staffs projects. */
    public static final String LOG_TIME = "hasAnyRole('PMO','PROJECT_MANAGER','RESOURCE_MANAGER','TEAM_MEMBER')";
    /** Reverse a time log entry (a correction): whoever runs or staffs projects. */
    public static final String CORRECT_TIME = "hasAnyRole('PMO','PROJECT_MANAGER','RESOURCE_MANAGER')";
    /**
     * Record a project's expenses and reverse them: whoever runs projects, and those who answer for
     * the portfolio's money.
     */
    public static final String RECORD_COSTS = "hasAnyRole('PMO','PORTFOLIO_MANAGER','PROJECT_MANAGER')";
    /** Report a running project's progress, milestones reached and forecasts: its managers and the PMO. */
    public static final String REPORT_PROGRESS = "hasAnyRole('PMO','PROJECT_MANAGER')";
    /**
     * Try to accept a deliverable: every business role, since who may accept is not a role but the
     * project's sponsor or a stakeholder with the right to accept, which the aggregate decides
     * (ACCEPTANCE_NOT_ENTITLED).
     */
    public static final String ACCEPT_DELIVERABLES = "hasAnyRole('PMO','PORTFOLIO_MANAGER','PROGRAM_MANAGER',"
            + "'PROJECT_MANAGER','RESOURCE_MANAGER','CHANGE_APPROVER','TEAM_MEMBER','AUDITOR')";
    /** Verify the tamper-evident audit trail and read its proofs: the PMO and auditors. */
    public static final String VERIFY_AUDIT = "hasAnyRole('PMO','AUDITOR')";
    /**
     * Read the refusals on record (who was denied what, and when): the PMO and auditors, as for the
     * trail's proofs. Not the people refused: a denial list shows other users' attempts.
     */
    public static final String READ_ACCESS_DENIALS = "hasAnyRole('PMO','AUDITOR')";
    /** Sign an audit checkpoint on demand: operators, and the PMO that answers for the record. */
    public static final String SIGN_CHECKPOINTS = "hasAnyRole('OPERATOR','PMO')";
    /** Operate the service: health details, list, retry and skip dead letters. */
    public static final String OPERATE = "hasAnyRole('OPERATOR')";

    private Roles() {
    }
}
