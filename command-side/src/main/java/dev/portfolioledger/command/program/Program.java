package dev.portfolioledger.command.program;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.program.CloseProgramCommand;
import dev.portfolioledger.api.program.CreateProgramCommand;
import dev.portfolioledger.api.program.ProgramClosedEvent;
import dev.portfolioledger.api.program.ProgramCreatedEvent;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.program.ProgramRenamedEvent;
import dev.portfolioledger.api.program.ProgramStatus;
import dev.portfolioledger.api.program.RenameProgramCommand;
import dev.portfolioledger.command.portfolio.PortfolioFacts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A program: a group of related projects inside one portfolio. Creation arrives through
 * {@link ProgramCommandHandler}, which looks up the portfolio it goes into.
 */
@Aggregate
public class Program {

    @AggregateIdentifier
    private ProgramId programId;
    private String name;
    private ProgramStatus status;

    /** For Axon, which rebuilds a program from its events. */
    protected Program() {
    }

    Program(CreateProgramCommand command, PortfolioFacts portfolio) {
        requirePortfolioNotArchived(portfolio);
        apply(new ProgramCreatedEvent(command.programId(), command.portfolioId(), command.name(),
                command.manager(), command.objectives()));
    }

    @CommandHandler
    void handle(RenameProgramCommand command) {
        requireOpen("rename");
        if (name.equals(command.name())) {
            return;
        }
        apply(new ProgramRenamedEvent(programId, name, command.name()));
    }

    @CommandHandler
    void handle(CloseProgramCommand command) {
        requireNotYetClosed();
        apply(new ProgramClosedEvent(programId));
    }

    private static void requirePortfolioNotArchived(PortfolioFacts portfolio) {
        if (portfolio.isArchived()) {
            throw new RuleViolation(ErrorCode.PORTFOLIO_ARCHIVED,
                    "Portfolio " + portfolio.portfolioId() + " is ARCHIVED and takes no new programs");
        }
    }

    private void requireOpen(String action) {
        if (status == ProgramStatus.CLOSED) {
            throw new RuleViolation(ErrorCode.PROGRAM_CLOSED,
                    "Cannot " + action + " program " + programId + ": it is CLOSED");
        }
    }

    private void requireNotYetClosed() {
        if (status == ProgramStatus.CLOSED) {
            throw new RuleViolation(ErrorCode.ILLEGAL_TRANSITION,
                    "Cannot close program " + programId + ": it is already CLOSED");
        }
    }

    @EventSourcingHandler
    void on(ProgramCreatedEvent event) {
        programId = event.programId();
        name = event.name();
        status = ProgramStatus.OPEN;
    }

    @EventSourcingHandler
    void on(ProgramRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(ProgramClosedEvent event) {
        status = ProgramStatus.CLOSED;
    }
}
