package dev.portfolioledger.command.program;

import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioStatus;
import dev.portfolioledger.api.program.CloseProgramCommand;
import dev.portfolioledger.api.program.CreateProgramCommand;
import dev.portfolioledger.api.program.ProgramClosedEvent;
import dev.portfolioledger.api.program.ProgramCreatedEvent;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.program.ProgramRenamedEvent;
import dev.portfolioledger.api.program.ProgramStatus;
import dev.portfolioledger.api.program.RenameProgramCommand;
import dev.portfolioledger.command.portfolio.InMemoryPortfolioDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.portfolioledger.api.ErrorCode.ALREADY_EXISTS;
import static dev.portfolioledger.api.ErrorCode.ILLEGAL_TRANSITION;
import static dev.portfolioledger.api.ErrorCode.NOT_FOUND;
import static dev.portfolioledger.api.ErrorCode.PORTFOLIO_ARCHIVED;
import static dev.portfolioledger.api.ErrorCode.PROGRAM_CLOSED;
import static dev.portfolioledger.command.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

class ProgramTest {

    private final PortfolioId portfolioId = new PortfolioId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private final ProgramId programId = new ProgramId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    private final CreateProgramCommand create =
            new CreateProgramCommand(programId, portfolioId, "Digital", "Max Manager", List.of("Go online"));
    private final ProgramCreatedEvent created =
            new ProgramCreatedEvent(programId, portfolioId, "Digital", "Max Manager", List.of("Go online"));

    private AggregateTestFixture<Program> fixture;
    private InMemoryPortfolioDirectory portfolios;
    private InMemoryProgramDirectory programs;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Program.class);
        portfolios = new InMemoryPortfolioDirectory();
        programs = new InMemoryProgramDirectory();
        fixture.registerAnnotatedCommandHandler(
                new ProgramCommandHandler(fixture.getRepository(), portfolios, programs));
    }

    @Test
    void canCreateProgramInActivePortfolio() {
        portfolios.add(portfolioId, "Growth", PortfolioStatus.ACTIVE);

        fixture.givenNoPriorActivity()
                .when(create)
                .expectSuccessfulHandlerExecution()
                .expectEvents(created);
    }

    @Test
    void cannotCreateProgramInUnknownPortfolio() {
        fixture.givenNoPriorActivity()
                .when(create)
                .expectException(RuleViolation.class)
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotCreateProgramInArchivedPortfolio() {
        portfolios.add(portfolioId, "Growth", PortfolioStatus.ARCHIVED);

        fixture.givenNoPriorActivity()
                .when(create)
                .expectException(RuleViolation.class)
                .expectException(refusedWith(PORTFOLIO_ARCHIVED))
                .expectNoEvents();
    }

    @Test
    void cannotCreateProgramWithExistingId() {
        portfolios.add(portfolioId, "Growth", PortfolioStatus.ACTIVE);
        programs.add(programId, portfolioId, ProgramStatus.OPEN);

        fixture.givenNoPriorActivity()
                .when(create)
                .expectException(RuleViolation.class)
                .expectException(refusedWith(ALREADY_EXISTS))
                .expectNoEvents();
    }

    @Test
    void canRenameOpenProgram() {
        fixture.given(created)
                .when(new RenameProgramCommand(programId, "Digital First"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProgramRenamedEvent(programId, "Digital", "Digital First"));
    }

    @Test
    void renamingProgramToItsCurrentNameRecordsNothing() {
        fixture.given(created)
                .when(new RenameProgramCommand(programId, "Digital "))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotRenameClosedProgram() {
        fixture.given(created, new ProgramClosedEvent(programId))
                .when(new RenameProgramCommand(programId, "Digital First"))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(PROGRAM_CLOSED))
                .expectNoEvents();
    }

    @Test
    void canCloseOpenProgram() {
        fixture.given(created)
                .when(new CloseProgramCommand(programId))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProgramClosedEvent(programId));
    }

    @Test
    void cannotCloseClosedProgram() {
        fixture.given(created, new ProgramClosedEvent(programId))
                .when(new CloseProgramCommand(programId))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void directoryFollowsProgramCreationAndClosure() {
        var projection = new ProgramDirectoryProjection(programs);

        projection.on(created);
        assertThat(programs.find(programId))
                .contains(new ProgramFacts(programId, portfolioId, ProgramStatus.OPEN));

        projection.on(new ProgramClosedEvent(programId));
        assertThat(programs.find(programId))
                .contains(new ProgramFacts(programId, portfolioId, ProgramStatus.CLOSED));
    }
}
