package dev.portfolioledger.api.status;

import dev.portfolioledger.api.project.ProjectId;

/** An event of a StatusReport aggregate: the report and its project, without asking which event it is. */
public interface StatusReportEvent {

    StatusReportId statusReportId();

    ProjectId projectId();
}
