package dev.portfolioledger.command.status;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.status.PublishStatusReportCommand;
import dev.portfolioledger.api.status.StatusReportId;
import dev.portfolioledger.axon.command.AuditedCommandGateway;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.axon.security.Roles;
import dev.portfolioledger.command.NewEntityIds;
import dev.portfolioledger.command.Today;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;


/** The status report mutations of status-report-mutations.graphqls. */
@Controller
public class StatusReportMutationController {

    private final AuditedCommandGateway commands;
    private final Today today;

    public StatusReportMutationController(AuditedCommandGateway commands, Today today) {
        this.commands = commands;
        this.today = today;
    }

    @MutationMapping
    @PreAuthorize(Roles.RUN_PROJECTS)
    public CommandReceipt publishStatusReport(@Argument PublishStatusReportInput input) {
        // a server-chosen id is derived from the Idempotency-Key, so a retry names the same report
        StatusReportId reportId = input.statusReportId() == null
                ? new StatusReportId(NewEntityIds.newId("status report")) : StatusReportId.of(input.statusReportId());
        StatusReportId supersedes = input.supersedes() == null ? null : StatusReportId.of(input.supersedes());
        var command = new PublishStatusReportCommand(reportId,
                ProjectId.of(Checks.required(input.projectId(), "projectId")), input.periodStart(), input.periodEnd(),
                input.overall(), input.scope(), input.schedule(), input.cost(), input.summary(),
                input.accomplishments(), input.nextSteps(), input.decisionsNeeded(), supersedes);
        today.requireNotAfter(command.periodEnd(), "periodEnd");
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
