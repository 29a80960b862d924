package dev.portfolioledger.command.program;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.program.CreateProgramCommand;
import dev.portfolioledger.command.portfolio.PortfolioDirectory;
import dev.portfolioledger.command.portfolio.PortfolioFacts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Creates programs: looks up the portfolio in the command-side directory and hands its facts to
 * the aggregate, which decides. A known program id is refused here, before any event insert, so
 * a duplicate never costs a rolled-back insert and a gap in the event store.
 */
@Component
class ProgramCommandHandler {

    private final Repository<Program> programRepository;
    private final PortfolioDirectory portfolios;
    private final ProgramDirectory programs;

    ProgramCommandHandler(Repository<Program> programRepository, PortfolioDirectory portfolios,
                          ProgramDirectory programs) {
        this.programRepository = programRepository;
        this.portfolios = portfolios;
        this.programs = programs;
    }

    @CommandHandler
    void handle(CreateProgramCommand command) throws Exception {
        if (programs.find(command.programId()).isPresent()) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS, "Program " + command.programId() + " already exists");
        }
        PortfolioFacts portfolio = portfolios.find(command.portfolioId())
                .orElseThrow(() -> new RuleViolation(ErrorCode.NOT_FOUND,
                        "Portfolio " + command.portfolioId() + " does not exist"));
        programRepository.newInstance(() -> new Program(command, portfolio));
    }
}
