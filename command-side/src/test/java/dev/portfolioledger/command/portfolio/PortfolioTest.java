package dev.portfolioledger.command.portfolio;

import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.portfolio.ArchivePortfolioCommand;
import dev.portfolioledger.api.portfolio.CreatePortfolioCommand;
import dev.portfolioledger.api.portfolio.PortfolioArchivedEvent;
import dev.portfolioledger.api.portfolio.PortfolioCreatedEvent;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioRenamedEvent;
import dev.portfolioledger.api.portfolio.PortfolioStatus;
import dev.portfolioledger.api.portfolio.RenamePortfolioCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

import static dev.portfolioledger.api.ErrorCode.ALREADY_EXISTS;
import static dev.portfolioledger.api.ErrorCode.ILLEGAL_TRANSITION;
import static dev.portfolioledger.api.ErrorCode.NAME_TAKEN;
import static dev.portfolioledger.api.ErrorCode.PORTFOLIO_ARCHIVED;
import static dev.portfolioledger.command.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

class PortfolioTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private final PortfolioId portfolioId = new PortfolioId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private final PortfolioId otherId = new PortfolioId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
    private final PortfolioCreatedEvent created =
            new PortfolioCreatedEvent(portfolioId, "Growth", "New markets", EUR, "Olivia Owner");

    private AggregateTestFixture<Portfolio> fixture;
    private InMemoryPortfolioDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Portfolio.class);
        directory = new InMemoryPortfolioDirectory();
        fixture.registerAnnotatedCommandHandler(new PortfolioCommandHandler(fixture.getRepository(), directory));
    }

    @Test
    void canCreatePortfolio() {
        fixture.givenNoPriorActivity()
                .when(new CreatePortfolioCommand(portfolioId, " Growth ", "New markets", EUR, "Olivia Owner"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created);
        assertThat(directory.find(portfolioId)).contains(new PortfolioFacts(portfolioId, PortfolioStatus.ACTIVE, EUR));
        assertThat(directory.nameKeyOf(portfolioId)).contains("growth");
    }

    @Test
    void creatingPortfolioRecordsItsCurrencyForProjectPlanning() {
        Currency chf = Currency.getInstance("CHF");

        fixture.givenNoPriorActivity()
                .when(new CreatePortfolioCommand(portfolioId, "Alps", null, chf, "Olivia Owner"))
                .expectSuccessfulHandlerExecution();
        assertThat(directory.currencyOf(portfolioId)).contains(chf);
    }

    @Test
    void cannotCreatePortfolioWithTakenName() {
        directory.add(otherId, "Growth", PortfolioStatus.ACTIVE);

        fixture.givenNoPriorActivity()
                .when(new CreatePortfolioCommand(portfolioId, "  GROWTH ", null, EUR, "Olivia Owner"))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(NAME_TAKEN))
                .expectNoEvents();
        assertThat(directory.find(portfolioId)).isEmpty();
    }

    @Test
    void cannotCreatePortfolioWithNameOfArchivedPortfolio() {
        directory.add(otherId, "Growth", PortfolioStatus.ARCHIVED);

        fixture.givenNoPriorActivity()
                .when(new CreatePortfolioCommand(portfolioId, "growth", null, EUR, "Olivia Owner"))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(NAME_TAKEN));
    }

    @Test
    void cannotCreatePortfolioWithExistingId() {
        directory.add(portfolioId, "Growth", PortfolioStatus.ACTIVE);

        fixture.givenNoPriorActivity()
                .when(new CreatePortfolioCommand(portfolioId, "Efficiency", null, EUR, "Olivia Owner"))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(ALREADY_EXISTS))
                .expectNoEvents();
        assertThat(directory.nameKeyOf(portfolioId)).contains("growth");
    }

    @Test
    void canRenamePortfolio() {
        directory.add(portfolioId, "Growth", PortfolioStatus.ACTIVE);

        fixture.given(created)
                .when(new RenamePortfolioCommand(portfolioId, "Expansion"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PortfolioRenamedEvent(portfolioId, "Growth", "Expansion"));
        assertThat(directory.nameKeyOf(portfolioId)).contains("expansion");
    }

    @Test
    void renamedPortfolioReleasesItsOldName() {
        directory.add(portfolioId, "Growth", PortfolioStatus.ACTIVE);

        fixture.given(created)
                .when(new RenamePortfolioCommand(portfolioId, "Expansion"))
                .expectSuccessfulHandlerExecution();
        assertThat(directory.register(otherId, "growth", EUR)).isTrue();
    }

    @Test
    void renamingPortfolioToItsCurrentNameRecordsNothing() {
        directory.add(portfolioId, "Growth", PortfolioStatus.ACTIVE);

        fixture.given(created)
                .when(new RenamePortfolioCommand(portfolioId, " Growth "))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void canChangeOnlyTheCaseOfAPortfolioName() {
        directory.add(portfolioId, "Growth", PortfolioStatus.ACTIVE);

        fixture.given(created)
                .when(new RenamePortfolioCommand(portfolioId, "GROWTH"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PortfolioRenamedEvent(portfolioId, "Growth", "GROWTH"));
    }

    @Test
    void cannotRenamePortfolioToTakenName() {
        directory.add(portfolioId, "Growth", PortfolioStatus.ACTIVE);
        directory.add(otherId, "Efficiency", PortfolioStatus.ACTIVE);

        fixture.given(created)
                .when(new RenamePortfolioCommand(portfolioId, " efficiency"))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(NAME_TAKEN))
                .expectNoEvents();
        assertThat(directory.nameKeyOf(portfolioId)).contains("growth");
    }

    @Test
    void cannotRenameArchivedPortfolio() {
        directory.add(portfolioId, "Growth", PortfolioStatus.ARCHIVED);

        fixture.given(created, new PortfolioArchivedEvent(portfolioId))
                .when(new RenamePortfolioCommand(portfolioId, "Expansion"))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(PORTFOLIO_ARCHIVED))
                .expectNoEvents();
        assertThat(directory.nameKeyOf(portfolioId)).as("a refused rename claims no name").contains("growth");
    }

    @Test
    void canArchiveActivePortfolio() {
        fixture.given(created)
                .when(new ArchivePortfolioCommand(portfolioId))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PortfolioArchivedEvent(portfolioId));
    }

    @Test
    void cannotArchiveArchivedPortfolio() {
        fixture.given(created, new PortfolioArchivedEvent(portfolioId))
                .when(new ArchivePortfolioCommand(portfolioId))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void archivingMarksThePortfolioArchivedInTheDirectory() {
        directory.add(portfolioId, "Growth", PortfolioStatus.ACTIVE);

        new PortfolioDirectoryProjection(directory).on(new PortfolioArchivedEvent(portfolioId));

        assertThat(directory.find(portfolioId)).map(PortfolioFacts::isArchived).isEqualTo(Optional.of(true));
    }
}
