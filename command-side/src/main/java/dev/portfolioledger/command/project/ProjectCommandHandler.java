package dev.portfolioledger.command.project;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.project.ProposeProjectCommand;
import dev.portfolioledger.command.portfolio.PortfolioDirectory;
import dev.portfolioledger.command.portfolio.PortfolioFacts;
import dev.portfolioledger.command.program.ProgramDirectory;
import dev.portfolioledger.command.program.ProgramFacts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Proposes projects: looks up the portfolio and program in the command-side directories and
 * hands their facts to the aggregate, which decides. A known project id is refused here, before
 * any event insert, so a duplicate never costs a rolled-back insert and a gap in the event store.
 */
@Component
class ProjectCommandHandler {

    private final Repository<Project> projectRepository;
    private final PortfolioDirectory portfolios;
    private final ProgramDirectory programs;
    private final ProjectDirectory projects;

    ProjectCommandHandler(Repository<Project> projectRepository, PortfolioDirectory portfolios,
                          ProgramDirectory programs, ProjectDirectory projects) {
        this.projectRepository = projectRepository;
        this.portfolios = portfolios;
        this.programs = programs;
        this.projects = projects;
    }

    @CommandHandler
    void handle(ProposeProjectCommand command) throws Exception {
        PortfolioFacts portfolio = portfolios.find(command.portfolioId())
                .orElseThrow(() -> new RuleViolation(ErrorCode.NOT_FOUND,
                        "Portfolio " + command.portfolioId() + " does not exist"));
        Optional<ProgramFacts> program = Optional.ofNullable(command.programId())
                .map(programId -> programs.find(programId)
                        .orElseThrow(() -> new RuleViolation(ErrorCode.NOT_FOUND,
                                "Program " + programId + " does not exist")));
        if (!projects.claim(command.projectId(), command.portfolioId(), command.programId())) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS, "Project " + command.projectId() + " already exists");
        }
        projectRepository.newInstance(() -> new Project(command, portfolio, program));
    }
}
