package dev.portfolioledger.command.resource;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.resource.RegisterResourceCommand;
import dev.portfolioledger.command.portfolio.PortfolioDirectory;
import dev.portfolioledger.command.portfolio.PortfolioFacts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Registers resources: looks up the portfolio in the command-side directory and hands its facts
 * to the aggregate, which decides. A known resource id is refused here, before any event insert,
 * so a duplicate never costs a rolled-back insert and a gap in the event store.
 */
@Component
class ResourceCommandHandler {

    private final Repository<Resource> resourceRepository;
    private final PortfolioDirectory portfolios;
    private final ResourceDirectory resources;

    ResourceCommandHandler(Repository<Resource> resourceRepository, PortfolioDirectory portfolios,
                           ResourceDirectory resources) {
        this.resourceRepository = resourceRepository;
        this.portfolios = portfolios;
        this.resources = resources;
    }

    @CommandHandler
    void handle(RegisterResourceCommand command) throws Exception {
        PortfolioFacts portfolio = portfolios.find(command.portfolioId())
                .orElseThrow(() -> new RuleViolation(ErrorCode.NOT_FOUND,
                        "Portfolio " + command.portfolioId() + " does not exist"));
        if (!resources.claim(command.resourceId(), command.portfolioId())) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS, "Resource " + command.resourceId() + " already exists");
        }
        resourceRepository.newInstance(() -> new Resource(command, portfolio));
    }
}
