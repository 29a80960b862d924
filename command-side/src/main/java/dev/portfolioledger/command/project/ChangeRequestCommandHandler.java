package dev.portfolioledger.command.project;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.changerequest.AssessChangeRequestCommand;
import dev.portfolioledger.api.changerequest.SubmitChangeRequestCommand;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Currency;

/**
 * Handles the change request commands that carry money. As with {@link ProjectPlanningCommandHandler},
 * the money must be in the portfolio's currency, which the Project aggregate does not know; this
 * handler reads it from the command-side directory and hands it, with the actor the dispatch
 * interceptor stamped into the metadata, to the aggregate, which decides.
 */
@Component
class ChangeRequestCommandHandler {

    private final Repository<Project> projectRepository;
    private final ProjectDirectory projects;

    ChangeRequestCommandHandler(Repository<Project> projectRepository, ProjectDirectory projects) {
        this.projectRepository = projectRepository;
        this.projects = projects;
    }

    @CommandHandler
    void handle(SubmitChangeRequestCommand command, @MetaDataValue("actor") String actor) {
        Currency currency = portfolioCurrencyOf(command.projectId());
        projectRepository.load(command.projectId().toString())
                .execute(project -> project.handle(command, actor, currency));
    }

    @CommandHandler
    void handle(AssessChangeRequestCommand command, @MetaDataValue("actor") String actor) {
        Currency currency = portfolioCurrencyOf(command.projectId());
        projectRepository.load(command.projectId().toString())
                .execute(project -> project.handle(command, actor, currency));
    }

    private Currency portfolioCurrencyOf(ProjectId projectId) {
        return projects.currencyOf(projectId).orElseThrow(
                () -> new RuleViolation(ErrorCode.NOT_FOUND, "Project " + projectId + " does not exist"));
    }
}
