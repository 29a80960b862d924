package dev.portfolioledger.command.status;

import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.status.StatusReportId;

import java.util.Optional;

/**
 * The command side's own record of the published status reports: which ids are taken, the project
 * of each, and which report superseded which. It lets a correction be checked against the report
 * it supersedes without loading that report, and makes "superseded at most once" hold when two
 * corrections race.
 */
public interface StatusReportDirectory {

    /** Where a published report stands: its project and the report that superseded it, if any. */
    record Entry(StatusReportId statusReportId, ProjectId projectId, StatusReportId supersededBy) {
    }

    /**
     * Records a new report of the project, unless its id is taken; in the publishing command's
     * transaction, before the event is applied.
     *
     * @return false when a report with this id exists
     */
    boolean claim(StatusReportId statusReportId, ProjectId projectId);

    Optional<Entry> find(StatusReportId statusReportId);

    /**
     * Marks {@code superseded} as superseded by {@code by}, unless another report superseded it
     * first (a concurrent correction waits for the first one's row lock and then finds it taken).
     *
     * @return false when it was superseded already
     */
    boolean supersede(StatusReportId superseded, StatusReportId by);
}
