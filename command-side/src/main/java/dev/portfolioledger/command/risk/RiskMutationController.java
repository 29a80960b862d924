package dev.portfolioledger.command.risk;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.risk.CloseRiskCommand;
import dev.portfolioledger.api.risk.IdentifyRiskCommand;
import dev.portfolioledger.api.risk.ReassessRiskCommand;
import dev.portfolioledger.api.risk.RecordRiskOccurredCommand;
import dev.portfolioledger.api.risk.RiskId;
import dev.portfolioledger.api.risk.StartRiskMitigationCommand;
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
 * The risk register mutations of risk-mutations.graphqls. The commands go to the Project aggregate
 * (its {@code RiskRegister} member); a new risk's id is chosen here (derived from the
 * Idempotency-Key when there is one, so a retry names the same risk), never by the aggregate. Every
 * payload answers the project (query side) and the risk's id.
 */
@Controller
public class RiskMutationController {

    private final AuditedCommandGateway commands;

    public RiskMutationController(AuditedCommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    @PreAuthorize(Roles.RUN_PROJECTS)
    public DataFetcherResult<CommandReceipt> identifyRisk(@Argument IdentifyRiskInput input) {
        ProjectId projectId = projectId(input.projectId());
        RiskId riskId = new RiskId(newId("risk"));
        var command = new IdentifyRiskCommand(projectId, riskId, input.title(), input.description(), input.category(),
                input.probability(), input.impact(), input.owner(), input.response(), input.responsePlan(),
                input.reviewDate());
        return withNewId(commands.send(command, projectId, input.reason()), riskId.toString());
    }

    @MutationMapping
    @PreAuthorize(Roles.RUN_PROJECTS)
    public DataFetcherResult<CommandReceipt> reassessRisk(@Argument ReassessRiskInput input) {
        ProjectId projectId = projectId(input.projectId());
        RiskId riskId = riskId(input.riskId());
        var command = new ReassessRiskCommand(projectId, riskId, input.probability(), input.impact(), input.reason(),
                input.nextReviewDate());
        return withNewId(commands.send(command, projectId, input.reason()), riskId.toString());
    }

    @MutationMapping
    @PreAuthorize(Roles.RUN_PROJECTS)
    public DataFetcherResult<CommandReceipt> startRiskMitigation(@Argument StartRiskMitigationInput input) {
        ProjectId projectId = projectId(input.projectId());
        RiskId riskId = riskId(input.riskId());
        return withNewId(commands.send(new StartRiskMitigationCommand(projectId, riskId), projectId, input.reason()),
                riskId.toString());
    }

    @MutationMapping
    @PreAuthorize(Roles.RUN_PROJECTS)
    public DataFetcherResult<CommandReceipt> closeRisk(@Argument CloseRiskInput input) {
        ProjectId projectId = projectId(input.projectId());
        RiskId riskId = riskId(input.riskId());
        return withNewId(commands.send(new CloseRiskCommand(projectId, riskId, input.reason()), projectId,
                input.reason()), riskId.toString());
    }

    @MutationMapping
    @PreAuthorize(Roles.RUN_PROJECTS)
    public DataFetcherResult<CommandReceipt> recordRiskOccurred(@Argument RecordRiskOccurredInput input) {
        ProjectId projectId = projectId(input.projectId());
        RiskId riskId = riskId(input.riskId());
        ChangeRequestId changeRequestId = input.changeRequestId() == null ? null
                : ChangeRequestId.of(input.changeRequestId());
        var command = new RecordRiskOccurredCommand(projectId, riskId, input.impactNote(), changeRequestId);
        return withNewId(commands.send(command, projectId, input.reason()), riskId.toString());
    }

    @SchemaMapping(typeName = "IdentifyRiskPayload", field = "riskId")
    public String identifiedRiskId(@LocalContextValue(name = NEW_ID) String id) {
        return id;
    }

    @SchemaMapping(typeName = "ReassessRiskPayload", field = "riskId")
    public String reassessedRiskId(@LocalContextValue(name = NEW_ID) String id) {
        return id;
    }

    @SchemaMapping(typeName = "StartRiskMitigationPayload", field = "riskId")
    public String mitigatedRiskId(@LocalContextValue(name = NEW_ID) String id) {
        return id;
    }

    @SchemaMapping(typeName = "CloseRiskPayload", field = "riskId")
    public String closedRiskId(@LocalContextValue(name = NEW_ID) String id) {
        return id;
    }

    @SchemaMapping(typeName = "RecordRiskOccurredPayload", field = "riskId")
    public String occurredRiskId(@LocalContextValue(name = NEW_ID) String id) {
        return id;
    }

    private static ProjectId projectId(String id) {
        return ProjectId.of(Checks.required(id, "projectId"));
    }

    private static RiskId riskId(String id) {
        return RiskId.of(Checks.required(id, "riskId"));
    }
}
