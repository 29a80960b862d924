package dev.portfolioledger.command.portfolio;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.portfolio.CreatePortfolioCommand;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.RenamePortfolioCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Handles the portfolio commands that touch the unique-name lookup. The name is claimed in the
 * directory before the aggregate applies anything: a conflict found after the event insert would
 * roll that insert back and leave a gap in the global index that slows every tracking processor.
 */
@Component
class PortfolioCommandHandler {

    private final Repository<Portfolio> portfolioRepository;
    private final PortfolioDirectory directory;

    PortfolioCommandHandler(Repository<Portfolio> portfolioRepository, PortfolioDirectory directory) {
        this.portfolioRepository = portfolioRepository;
        this.directory = directory;
    }

    @CommandHandler
    void handle(CreatePortfolioCommand command) throws Exception {
        requireNewPortfolio(command.portfolioId());
        if (!directory.register(command.portfolioId(), command.name(), command.currency())) {
            // register refuses both a known id and a taken name; a concurrent create of the
            // same id may have landed since the first check.
            requireNewPortfolio(command.portfolioId());
            Portfolio.requireNameClaimed(false, command.name());
        }
        portfolioRepository.newInstance(() -> new Portfolio(command));
    }

    @CommandHandler
    void handle(RenamePortfolioCommand command) {
        portfolioRepository.load(command.portfolioId().toString())
                .execute(portfolio -> portfolio.rename(command, directory));
    }

    private void requireNewPortfolio(PortfolioId portfolioId) {
        if (directory.find(portfolioId).isPresent()) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS, "Portfolio " + portfolioId + " already exists");
        }
    }
}
