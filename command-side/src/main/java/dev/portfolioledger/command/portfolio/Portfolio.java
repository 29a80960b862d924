package dev.portfolioledger.command.portfolio;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.portfolio.ArchivePortfolioCommand;
import dev.portfolioledger.api.portfolio.CreatePortfolioCommand;
import dev.portfolioledger.api.portfolio.PortfolioArchivedEvent;
import dev.portfolioledger.api.portfolio.PortfolioCreatedEvent;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioRenamedEvent;
import dev.portfolioledger.api.portfolio.PortfolioStatus;
import dev.portfolioledger.api.portfolio.RenamePortfolioCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A portfolio: the top of the hierarchy, holding programs and projects in one currency.
 * Creation and renaming arrive through {@link PortfolioCommandHandler}, which owns the name
 * lookup; archiving is decided here alone.
 */
@Aggregate
public class Portfolio {

    @AggregateIdentifier
    private PortfolioId portfolioId;
    private String name;
    private PortfolioStatus status;

    /** For Axon, which rebuilds a portfolio from its events. */
    protected Portfolio() {
    }

    /** The caller has already registered the id and the name in the directory. */
    Portfolio(CreatePortfolioCommand command) {
        apply(new PortfolioCreatedEvent(command.portfolioId(), command.name(), command.description(),
                command.currency(), command.owner()));
    }

    /** The name is claimed only once the other rules pass, so a refused rename holds no name. */
    void rename(RenamePortfolioCommand command, PortfolioDirectory directory) {
        requireNotArchived("rename");
        if (name.equals(command.name())) {
            return;
        }
        requireNameClaimed(directory.claimName(portfolioId, command.name()), command.name());
        apply(new PortfolioRenamedEvent(portfolioId, name, command.name()));
    }

    @CommandHandler
    void handle(ArchivePortfolioCommand command) {
        requireNotYetArchived();
        apply(new PortfolioArchivedEvent(portfolioId));
    }

    private void requireNotArchived(String action) {
        if (status == PortfolioStatus.ARCHIVED) {
            throw new RuleViolation(ErrorCode.PORTFOLIO_ARCHIVED,
                    "Cannot " + action + " portfolio " + portfolioId + ": it is ARCHIVED");
        }
    }

    private void requireNotYetArchived() {
        if (status == PortfolioStatus.ARCHIVED) {
            throw new RuleViolation(ErrorCode.ILLEGAL_TRANSITION,
                    "Cannot archive portfolio " + portfolioId + ": it is already ARCHIVED");
        }
    }

    static void requireNameClaimed(boolean claimed, String name) {
        if (!claimed) {
            throw new RuleViolation(ErrorCode.NAME_TAKEN, "Another portfolio is already named \"" + name + "\"");
        }
    }

    @EventSourcingHandler
    void on(PortfolioCreatedEvent event) {
        portfolioId = event.portfolioId();
        name = event.name();
        status = PortfolioStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(PortfolioRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(PortfolioArchivedEvent event) {
        status = PortfolioStatus.ARCHIVED;
    }
}
