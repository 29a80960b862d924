package dev.portfolioledger.command.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.ApproveProjectCommand;
import dev.portfolioledger.api.project.CancelProjectCommand;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProposeProjectCommand;
import dev.portfolioledger.api.project.PutProjectOnHoldCommand;
import dev.portfolioledger.api.project.ResumeProjectCommand;
import dev.portfolioledger.api.project.ReviseProjectDetailsCommand;
import dev.portfolioledger.api.project.StartProjectCommand;
import dev.portfolioledger.axon.command.AuditedCommandGateway;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.axon.security.Roles;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The project mutations of project-mutations.graphqls. Each returns the command's receipt; the
 * payload's {@code project} field is resolved by the query side once its view caught up.
 */
@Controller
public class ProjectMutationController {

    private final AuditedCommandGateway commands;

    public ProjectMutationController(AuditedCommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    @PreAuthorize(Roles.PLAN_PROJECTS)
    public CommandReceipt proposeProject(@Argument ProposeProjectInput input) {
        // Ids are chosen before the command exists so the aggregate never generates one.
        ProjectId projectId = input.projectId() == null ? ProjectId.random() : ProjectId.of(input.projectId());
        ProgramId programId = input.programId() == null ? null : ProgramId.of(input.programId());
        var command = new ProposeProjectCommand(projectId, PortfolioId.of(input.portfolioId()), programId,
                input.name(), input.description(), input.manager(), input.sponsor(), input.methodology(),
                input.plannedStart(), input.plannedFinish());
        return commands.create(command, projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.PLAN_PROJECTS)
    public CommandReceipt reviseProjectDetails(@Argument ReviseProjectDetailsInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        var command = new ReviseProjectDetailsCommand(projectId, input.name(), input.description(), input.manager(),
                input.sponsor(), input.methodology(), input.plannedStart(), input.plannedFinish());
        return commands.send(command, projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.GOVERN_PROJECTS)
    public CommandReceipt approveProject(@Argument ProjectTransitionInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        return commands.send(new ApproveProjectCommand(projectId), projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.RUN_PROJECTS)
    public CommandReceipt startProject(@Argument ProjectTransitionInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        return commands.send(new StartProjectCommand(projectId), projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.RUN_PROJECTS)
    public CommandReceipt putProjectOnHold(@Argument ProjectTransitionInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        return commands.send(new PutProjectOnHoldCommand(projectId), projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.RUN_PROJECTS)
    public CommandReceipt resumeProject(@Argument ProjectTransitionInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        return commands.send(new ResumeProjectCommand(projectId), projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.GOVERN_PROJECTS)
    public CommandReceipt cancelProject(@Argument CancelProjectInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        return commands.send(new CancelProjectCommand(projectId, input.reason()), projectId, input.reason());
    }
}
