package dev.portfolioledger.command.project;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.ApproveProjectCommand;
import dev.portfolioledger.api.project.CancelProjectCommand;
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectDetailsRevisedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectPutOnHoldEvent;
import dev.portfolioledger.api.project.ProjectResumedEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.api.project.ProposeProjectCommand;
import dev.portfolioledger.api.project.PutProjectOnHoldCommand;
import dev.portfolioledger.api.project.ResumeProjectCommand;
import dev.portfolioledger.api.project.ReviseProjectDetailsCommand;
import dev.portfolioledger.api.project.StartProjectCommand;
import dev.portfolioledger.command.portfolio.PortfolioFacts;
import dev.portfolioledger.command.program.ProgramFacts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A project and its lifecycle: PROPOSED → APPROVED → ACTIVE ⇄ ON_HOLD, and CANCELLED from any
 * open state. Proposal arrives through {@link ProjectCommandHandler}, which looks up the
 * portfolio and program it goes into.
 */
@Aggregate
public class Project {

    @AggregateIdentifier
    private ProjectId projectId;
    private ProjectStatus status;

    /** For Axon, which rebuilds a project from its events. */
    protected Project() {
    }

    /** @param program the program the command names, empty when it names none */
    Project(ProposeProjectCommand command, PortfolioFacts portfolio, Optional<ProgramFacts> program) {
        requirePortfolioNotArchived(portfolio);
        program.ifPresent(it -> {
            requireProgramInPortfolio(it, command.portfolioId());
            requireProgramOpen(it);
        });
        apply(new ProjectProposedEvent(command.projectId(), command.portfolioId(), command.programId(),
                command.name(), command.description(), command.manager(), command.sponsor(),
                command.methodology(), command.plannedStart(), command.plannedFinish()));
    }

    @CommandHandler
    void handle(ReviseProjectDetailsCommand command) {
        requireStatus(ProjectStatus.PROPOSED, "revise the details of");
        apply(new ProjectDetailsRevisedEvent(projectId, command.name(), command.description(), command.manager(),
                command.sponsor(), command.methodology(), command.plannedStart(), command.plannedFinish()));
    }

    @CommandHandler
    void handle(ApproveProjectCommand command) {
        requireStatus(ProjectStatus.PROPOSED, "approve");
        apply(new ProjectApprovedEvent(projectId));
    }

    @CommandHandler
    void handle(StartProjectCommand command) {
        requireStatus(ProjectStatus.APPROVED, "start");
        apply(new ProjectStartedEvent(projectId));
    }

    @CommandHandler
    void handle(PutProjectOnHoldCommand command) {
        requireStatus(ProjectStatus.ACTIVE, "put on hold");
        apply(new ProjectPutOnHoldEvent(projectId));
    }

    @CommandHandler
    void handle(ResumeProjectCommand command) {
        requireStatus(ProjectStatus.ON_HOLD, "resume");
        apply(new ProjectResumedEvent(projectId));
    }

    @CommandHandler
    void handle(CancelProjectCommand command) {
        requireOpen("cancel");
        apply(new ProjectCancelledEvent(projectId, status, command.reason()));
    }

    private static void requirePortfolioNotArchived(PortfolioFacts portfolio) {
        if (portfolio.isArchived()) {
            throw new RuleViolation(ErrorCode.PORTFOLIO_ARCHIVED,
                    "Portfolio " + portfolio.portfolioId() + " is ARCHIVED and takes no new projects");
        }
    }

    private static void requireProgramInPortfolio(ProgramFacts program, PortfolioId portfolioId) {
        if (!program.belongsTo(portfolioId)) {
            throw new RuleViolation(ErrorCode.PROGRAM_NOT_IN_PORTFOLIO,
                    "Program " + program.programId() + " does not belong to portfolio " + portfolioId);
        }
    }

    private static void requireProgramOpen(ProgramFacts program) {
        if (program.isClosed()) {
            throw new RuleViolation(ErrorCode.PROGRAM_CLOSED,
                    "Program " + program.programId() + " is CLOSED and takes no new projects");
        }
    }

    private void requireStatus(ProjectStatus required, String action) {
        if (status != required) {
            throw illegalTransition(action, required.name());
        }
    }

    private void requireOpen(String action) {
        if (!status.isOpen()) {
            throw illegalTransition(action, "open");
        }
    }

    private RuleViolation illegalTransition(String action, String requiredState) {
        return new RuleViolation(ErrorCode.ILLEGAL_TRANSITION,
                "Cannot " + action + " project " + projectId + ": it is " + status + ", not " + requiredState);
    }

    @EventSourcingHandler
    void on(ProjectProposedEvent event) {
        projectId = event.projectId();
        status = ProjectStatus.PROPOSED;
    }

    @EventSourcingHandler
    void on(ProjectApprovedEvent event) {
        status = ProjectStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(ProjectStartedEvent event) {
        status = ProjectStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ProjectPutOnHoldEvent event) {
        status = ProjectStatus.ON_HOLD;
    }

    @EventSourcingHandler
    void on(ProjectResumedEvent event) {
        status = ProjectStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ProjectCancelledEvent event) {
        status = ProjectStatus.CANCELLED;
    }
}
