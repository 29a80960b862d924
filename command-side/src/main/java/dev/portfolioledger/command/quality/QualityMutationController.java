package dev.portfolioledger.command.quality;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.quality.AcceptDeliverableCommand;
import dev.portfolioledger.api.quality.CommunicationChannel;
import dev.portfolioledger.api.quality.RecordQualityReviewCommand;
import dev.portfolioledger.api.quality.RegisterStakeholderCommand;
import dev.portfolioledger.api.quality.RequireAcceptanceReviewCommand;
import dev.portfolioledger.api.quality.StakeholderDetails;
import dev.portfolioledger.api.quality.StakeholderId;
import dev.portfolioledger.api.quality.UpdateStakeholderCommand;
import dev.portfolioledger.axon.command.AuditedCommandGateway;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.axon.security.Roles;
import graphql.execution.DataFetcherResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.LocalContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import static dev.portfolioledger.command.NewEntityIds.NEW_ID;
import static dev.portfolioledger.command.NewEntityIds.newId;
import static dev.portfolioledger.command.NewEntityIds.withNewId;

/**
 * The mutations of quality-mutations.graphqls: stakeholders, quality reviews and acceptance. Who
 * records a review or accepts a deliverable is never an argument: the dispatch interceptor stamps
 * the authenticated actor into the command's metadata, and the Project aggregate decides whether
 * that user may accept.
 */
@Controller
public class QualityMutationController {

    private final AuditedCommandGateway commands;

    public QualityMutationController(AuditedCommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    @PreAuthorize(Roles.PLAN_PROJECTS)
    public DataFetcherResult<CommandReceipt> registerStakeholder(@Argument RegisterStakeholderInput input) {
        ProjectId projectId = projectId(input.projectId());
        // a server-chosen id is derived from the Idempotency-Key, so a retry names the same stakeholder
        StakeholderId stakeholderId = input.stakeholderId() == null
                ? new StakeholderId(newId("stakeholder")) : StakeholderId.of(input.stakeholderId());
        var command = new RegisterStakeholderCommand(projectId, stakeholderId, details(input.name(),
                input.organisationRole(), input.interest(), input.influence(), input.preferredChannel(),
                input.mayAcceptDeliverables(), input.username()));
        return withNewId(commands.send(command, projectId, input.reason()), stakeholderId.toString());
    }

    @MutationMapping
    @PreAuthorize(Roles.PLAN_PROJECTS)
    public CommandReceipt updateStakeholder(@Argument UpdateStakeholderInput input) {
        ProjectId projectId = projectId(input.projectId());
        var command = new UpdateStakeholderCommand(projectId,
                StakeholderId.of(Checks.required(input.stakeholderId(), "stakeholderId")),
                details(input.name(), input.organisationRole(), input.interest(), input.influence(),
                        input.preferredChannel(), input.mayAcceptDeliverables(), input.username()));
        return commands.send(command, projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.PLAN_PROJECTS)
    public CommandReceipt requireAcceptanceReview(@Argument RequireAcceptanceReviewInput input) {
        ProjectId projectId = projectId(input.projectId());
        return commands.send(new RequireAcceptanceReviewCommand(projectId, input.kind()), projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.REPORT_PROGRESS)
    public CommandReceipt recordQualityReview(@Argument RecordQualityReviewInput input) {
        ProjectId projectId = projectId(input.projectId());
        var command = new RecordQualityReviewCommand(projectId, deliverableId(input.deliverableId()), input.kind(),
                input.outcome(), input.findings(), input.reviewer());
        return commands.send(command, projectId, input.reason());
    }

    /** Open to every business role: whether this user may accept is the aggregate's decision. */
    @MutationMapping
    @PreAuthorize(Roles.ACCEPT_DELIVERABLES)
    public CommandReceipt acceptDeliverable(@Argument AcceptDeliverableInput input) {
        ProjectId projectId = projectId(input.projectId());
        var command = new AcceptDeliverableCommand(projectId, deliverableId(input.deliverableId()), input.note());
        return commands.send(command, projectId, input.reason());
    }

    @SchemaMapping(typeName = "RegisterStakeholderPayload", field = "stakeholderId")
    public String stakeholderId(@LocalContextValue(name = NEW_ID) String id) {
        return id;
    }

    private static StakeholderDetails details(String name, String organisationRole, int interest, int influence,
                                              CommunicationChannel channel, Boolean mayAccept, String username) {
        return StakeholderDetails.checked(name, organisationRole, interest, influence, channel,
                Boolean.TRUE.equals(mayAccept), username);
    }

    private static ProjectId projectId(String id) {
        return ProjectId.of(Checks.required(id, "projectId"));
    }

    private static DeliverableId deliverableId(String id) {
        return DeliverableId.of(Checks.required(id, "deliverableId"));
    }
}
