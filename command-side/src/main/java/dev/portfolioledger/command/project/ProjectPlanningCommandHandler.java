package dev.portfolioledger.command.project;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.project.AddDeliverableCommand;
import dev.portfolioledger.api.project.PlanBudgetLineCommand;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ReviseDeliverableCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Currency;

/**
 * Handles the planning commands that carry money. A project's money must be in its portfolio's
 * currency, which the Project aggregate does not know; this handler reads it from the
 * command-side directory and hands it to the aggregate, which decides.
 */
@Component
class ProjectPlanningCommandHandler {

    private final Repository<Project> projectRepository;
    private final ProjectDirectory projects;

    ProjectPlanningCommandHandler(Repository<Project> projectRepository, ProjectDirectory projects) {
        this.projectRepository = projectRepository;
        this.projects = projects;
    }

    @CommandHandler
    void handle(AddDeliverableCommand command) {
        Currency currency = portfolioCurrencyOf(command.projectId());
        projectRepository.load(command.projectId().toString()).execute(project -> project.handle(command, currency));
    }

    @CommandHandler
    void handle(ReviseDeliverableCommand command) {
        Currency currency = portfolioCurrencyOf(command.projectId());
        projectRepository.load(command.projectId().toString()).execute(project -> project.handle(command, currency));
    }

    @CommandHandler
    void handle(PlanBudgetLineCommand command) {
        Currency currency = portfolioCurrencyOf(command.projectId());
        projectRepository.load(command.projectId().toString()).execute(project -> project.handle(command, currency));
    }

    private Currency portfolioCurrencyOf(ProjectId projectId) {
        return projects.currencyOf(projectId).orElseThrow(
                () -> new RuleViolation(ErrorCode.NOT_FOUND, "Project " + projectId + " does not exist"));
    }
}
