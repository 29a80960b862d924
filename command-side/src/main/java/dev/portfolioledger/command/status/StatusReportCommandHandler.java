package dev.portfolioledger.command.status;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.api.status.PublishStatusReportCommand;
import dev.portfolioledger.api.status.StatusReportId;
import dev.portfolioledger.command.project.ProjectDirectory;
import dev.portfolioledger.command.project.ProjectFacts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Set;

/**
 * Publishes status reports. A report is of a project that has been approved and is not cancelled
 * (there is something to report on); a correction supersedes a report of the same project that
 * nothing superseded yet. Both are decided here, against the command-side directories, in the
 * publishing command's transaction: the report's own aggregate has nothing to decide.
 */
@Component
class StatusReportCommandHandler {

    /** The statuses of a project that status reports are published for. */
    static final Set<ProjectStatus> REPORTABLE = EnumSet.of(ProjectStatus.APPROVED, ProjectStatus.ACTIVE,
                                                            ProjectStatus.ON_HOLD);

    private final Repository<StatusReport> reports;
    private final ProjectDirectory projects;
    private final StatusReportDirectory directory;

    StatusReportCommandHandler(Repository<StatusReport> reports, ProjectDirectory projects,
                               StatusReportDirectory directory) {
        this.reports = reports;
        this.projects = projects;
        this.directory = directory;
    }

    @CommandHandler
    void handle(PublishStatusReportCommand command) throws Exception {
        ProjectFacts project = projects.find(command.projectId())
                .orElseThrow(() -> new RuleViolation(ErrorCode.NOT_FOUND,
                        "Project " + command.projectId() + " does not exist"));
        if (!REPORTABLE.contains(project.status())) {
            throw new RuleViolation(ErrorCode.CONFLICT, "Cannot publish a status report for project "
                    + command.projectId() + ": it is " + project.status()
                    + "; reports are published from approval until the project ends");
        }
        if (!directory.claim(command.statusReportId(), command.projectId())) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS,
                    "Status report " + command.statusReportId() + " already exists");
        }
        if (command.supersedes() != null) {
            supersede(command.supersedes(), command);
        }
        reports.newInstance(() -> new StatusReport(command));
    }

    private void supersede(StatusReportId superseded, PublishStatusReportCommand command) {
        StatusReportDirectory.Entry entry = directory.find(superseded)
                .orElseThrow(() -> new RuleViolation(ErrorCode.NOT_FOUND,
                        "Status report " + superseded + " does not exist"));
        if (!entry.projectId().equals(command.projectId())) {
            throw new RuleViolation(ErrorCode.VALIDATION_FAILED, "Status report " + superseded
                    + " is a report of another project; a correction supersedes a report of its own project");
        }
        if (!directory.supersede(superseded, command.statusReportId())) {
            StatusReportId by = directory.find(superseded).map(StatusReportDirectory.Entry::supersededBy).orElse(null);
            throw new RuleViolation(ErrorCode.CONFLICT, "Status report " + superseded
                    + " was superseded already, by " + by + "; correct that report instead");
        }
    }
}
