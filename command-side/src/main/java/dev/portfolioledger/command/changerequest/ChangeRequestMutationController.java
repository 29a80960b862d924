package dev.portfolioledger.command.changerequest;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.changerequest.ApproveChangeRequestCommand;
import dev.portfolioledger.api.changerequest.AssessChangeRequestCommand;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.changerequest.RejectChangeRequestCommand;
import dev.portfolioledger.api.changerequest.SubmitChangeRequestCommand;
import dev.portfolioledger.api.changerequest.WithdrawChangeRequestCommand;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.axon.command.AuditedCommandGateway;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.axon.security.Roles;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import java.util.List;

/**
 * The mutations of change-request-mutations.graphqls. Each returns the command's receipt; the
 * payload's {@code project} field is resolved by the query side. Who submits, assesses or decides
 * is never an argument: the dispatch interceptor stamps the authenticated actor into the metadata.
 */
@Controller
public class ChangeRequestMutationController {

    private final AuditedCommandGateway commands;

    public ChangeRequestMutationController(AuditedCommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    @PreAuthorize(Roles.PLAN_PROJECTS)
    public CommandReceipt submitChangeRequest(@Argument SubmitChangeRequestInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        // Ids are chosen before the command exists so the aggregate never generates one.
        ChangeRequestId changeRequestId = input.changeRequestId() == null
                ? ChangeRequestId.random() : ChangeRequestId.of(input.changeRequestId());
        var command = new SubmitChangeRequestCommand(projectId, changeRequestId, input.title(), input.justification(),
                changes(input.changes()));
        return commands.send(command, projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.ASSESS_CHANGE_REQUESTS)
    public CommandReceipt assessChangeRequest(@Argument AssessChangeRequestInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        var command = new AssessChangeRequestCommand(projectId, ChangeRequestId.of(input.changeRequestId()),
                Checks.required(input.costImpact(), "costImpact").toMoney("costImpact"), input.scheduleImpactDays(),
                input.riskNotes());
        return commands.send(command, projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.DECIDE_CHANGE_REQUESTS)
    public CommandReceipt approveChangeRequest(@Argument ApproveChangeRequestInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        var command = new ApproveChangeRequestCommand(projectId, ChangeRequestId.of(input.changeRequestId()));
        return commands.send(command, projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.DECIDE_CHANGE_REQUESTS)
    public CommandReceipt rejectChangeRequest(@Argument RejectChangeRequestInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        var command = new RejectChangeRequestCommand(projectId, ChangeRequestId.of(input.changeRequestId()),
                input.reason());
        return commands.send(command, projectId, command.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.PLAN_PROJECTS)
    public CommandReceipt withdrawChangeRequest(@Argument WithdrawChangeRequestInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        var command = new WithdrawChangeRequestCommand(projectId, ChangeRequestId.of(input.changeRequestId()));
        return commands.send(command, projectId, input.reason());
    }

    private static List<ProposedChange> changes(List<ProposedChangeInput> inputs) {
        return Checks.required(inputs, "changes").stream()
                .map(input -> Checks.required(input, "changes entry").toChange()).toList();
    }
}
