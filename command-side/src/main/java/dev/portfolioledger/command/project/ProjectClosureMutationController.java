package dev.portfolioledger.command.project;

import dev.portfolioledger.api.project.CloseProjectCommand;
import dev.portfolioledger.api.project.FinalFigures;
import dev.portfolioledger.api.project.ProjectId;
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
 * {@code closeProject} of project-closure-mutations.graphqls. The closure date is today (UTC) and
 * the final figures are the finance views' at the end of it ({@link ProjectFinalFigures}), both
 * chosen here, before the command exists, so that the aggregate reads neither a clock nor a view.
 */
@Controller
public class ProjectClosureMutationController {

    private final AuditedCommandGateway commands;
    private final Today today;
    private final ProjectFinalFigures finalFigures;

    public ProjectClosureMutationController(AuditedCommandGateway commands, Today today,
                                            ProjectFinalFigures finalFigures) {
        this.commands = commands;
        this.today = today;
        this.finalFigures = finalFigures;
    }

    @MutationMapping
    @PreAuthorize(Roles.RUN_PROJECTS)
    public CommandReceipt closeProject(@Argument CloseProjectInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        LocalDate closedOn = today.date();
        FinalFigures figures = finalFigures.at(projectId, closedOn);
        var command = new CloseProjectCommand(projectId, closedOn, input.lessonsLearned(), input.objectives(),
                input.handoverNotes(), input.finalRemarks(), figures);
        return commands.send(command, projectId, input.reason());
    }
}
