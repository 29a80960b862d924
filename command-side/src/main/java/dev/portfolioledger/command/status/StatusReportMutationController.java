package dev.portfolioledger.command.status;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.status.PublishStatusReportCommand;
import dev.portfolioledger.api.status.StatusReportId;
import dev.portfolioledger.axon.command.AuditedCommandGateway;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.axon.security.Roles;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** The status report mutations of status-report-mutations.graphqls. */
@Controller
public class StatusReportMutationController {

    private final AuditedCommandGateway commands;

    public StatusReportMutationController(AuditedCommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    @PreAuthorize(Roles.RUN_PROJECTS)
    public CommandReceipt publishStatusReport(@Argument PublishStatusReportInput input) {
        StatusReportId reportId = input.statusReportId() == null ? StatusReportId.random()
                : StatusReportId.of(input.statusReportId());
        StatusReportId supersedes = input.supersedes() == null ? null : StatusReportId.of(input.supersedes());
        var command = new PublishStatusReportCommand(reportId,
                ProjectId.of(Checks.required(input.projectId(), "projectId")), input.periodStart(), input.periodEnd(),
                input.overall(), input.scope(), input.schedule(), input.cost(), input.summary(),
                input.accomplishments(), input.nextSteps(), input.decisionsNeeded(), supersedes);
        // the server's today (UTC): the aggregate reads no clock, so the date check is made here
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (command.periodEnd().isAfter(today)) {
            throw Checks.invalid("the report period ends (" + command.periodEnd() + ") after today (" + today + ")");
        }
        if (supersedes != null && Checks.reason(input.reason()) == null) {
            throw Checks.invalid("reason is required when a report corrects another");
        }
        return commands.create(command, reportId, input.reason());
    }

    @SchemaMapping(typeName = "PublishStatusReportPayload", field = "statusReportId")
    public String statusReportId(CommandReceipt receipt) {
        return receipt.aggregateId();
    }
}
