package dev.portfolioledger.command.project;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.CompleteMilestoneCommand;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.ForecastDeliverableFinishCommand;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ReportDeliverableProgressCommand;
import dev.portfolioledger.axon.command.AuditedCommandGateway;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.axon.security.Roles;
import dev.portfolioledger.command.Today;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import java.time.LocalDate;

/**
 * The execution mutations of project-execution-mutations.graphqls. Dates of what already happened
 * (a status date, a milestone reached) are checked against today here, where the server's clock
 * is read; the aggregate reads none. Each returns the command's receipt; the payload's
 * {@code project} field is resolved by the query side.
 */
@Controller
public class ProjectExecutionMutationController {

    private final AuditedCommandGateway commands;
    private final Today today;

    public ProjectExecutionMutationController(AuditedCommandGateway commands, Today today) {
        this.commands = commands;
        this.today = today;
    }

    @MutationMapping
    @PreAuthorize(Roles.REPORT_PROGRESS)
    public CommandReceipt reportDeliverableProgress(@Argument ReportDeliverableProgressInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        LocalDate reportedOn = input.reportedOn() == null ? today.date()
                : today.requireNotAfter(input.reportedOn(), "reportedOn");
        var command = new ReportDeliverableProgressCommand(projectId, deliverableId(input.deliverableId()),
                input.percentComplete(), reportedOn, input.reason());
        return commands.send(command, projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.REPORT_PROGRESS)
    public CommandReceipt completeMilestone(@Argument CompleteMilestoneInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        var command = new CompleteMilestoneCommand(projectId,
                MilestoneId.of(Checks.required(input.milestoneId(), "milestoneId")),
                today.requireNotAfter(input.actualDate(), "actualDate"));
        return commands.send(command, projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.REPORT_PROGRESS)
    public CommandReceipt forecastDeliverableFinish(@Argument ForecastDeliverableFinishInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        var command = new ForecastDeliverableFinishCommand(projectId, deliverableId(input.deliverableId()),
                input.expectedFinish(), input.reason());
        return commands.send(command, projectId, input.reason());
    }

    private static DeliverableId deliverableId(String id) {
        return DeliverableId.of(Checks.required(id, "deliverableId"));
    }
}
