package dev.portfolioledger.command.portfolio;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.portfolio.ArchivePortfolioCommand;
import dev.portfolioledger.api.portfolio.CreatePortfolioCommand;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.RenamePortfolioCommand;
import dev.portfolioledger.axon.command.AuditedCommandGateway;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.axon.security.Roles;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The portfolio mutations of portfolio-mutations.graphqls. Each returns the command's receipt;
 * the payload's {@code portfolio} field is resolved by the query side once its view caught up.
 */
@Controller
public class PortfolioMutationController {

    private final AuditedCommandGateway commands;

    public PortfolioMutationController(AuditedCommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    @PreAuthorize(Roles.MANAGE_PORTFOLIOS)
    public CommandReceipt createPortfolio(@Argument CreatePortfolioInput input) {
        // Ids are chosen before the command exists so the aggregate never generates one.
        PortfolioId portfolioId = input.portfolioId() == null
                ? PortfolioId.random()
                : PortfolioId.of(input.portfolioId());
        var command = new CreatePortfolioCommand(portfolioId, input.name(), input.description(),
                Checks.currency(input.currency()), input.owner());
        return commands.create(command, portfolioId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.MANAGE_PORTFOLIOS)
    public CommandReceipt renamePortfolio(@Argument RenamePortfolioInput input) {
        PortfolioId portfolioId = PortfolioId.of(input.portfolioId());
        return commands.send(new RenamePortfolioCommand(portfolioId, input.name()), portfolioId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.MANAGE_PORTFOLIOS)
    public CommandReceipt archivePortfolio(@Argument ArchivePortfolioInput input) {
        PortfolioId portfolioId = PortfolioId.of(input.portfolioId());
        return commands.send(new ArchivePortfolioCommand(portfolioId), portfolioId, input.reason());
    }
}
