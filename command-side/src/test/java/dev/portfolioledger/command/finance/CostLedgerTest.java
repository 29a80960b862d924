package dev.portfolioledger.command.finance;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.finance.CostEntryId;
import dev.portfolioledger.api.finance.CostLedgerId;
import dev.portfolioledger.api.finance.CostReversedEvent;
import dev.portfolioledger.api.finance.ExpenseRecordedEvent;
import dev.portfolioledger.api.finance.RecordExpenseCommand;
import dev.portfolioledger.api.finance.ReverseCostCommand;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioStatus;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.command.portfolio.InMemoryPortfolioDirectory;
import dev.portfolioledger.command.project.InMemoryProjectDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.UUID;

import static dev.portfolioledger.api.ErrorCode.ALREADY_EXISTS;
import static dev.portfolioledger.api.ErrorCode.CONFLICT;
import static dev.portfolioledger.api.ErrorCode.NOT_FOUND;
import static dev.portfolioledger.api.ErrorCode.VALIDATION_FAILED;
import static dev.portfolioledger.command.Refusals.refusedWith;
import static org.hamcrest.Matchers.containsString;

/** The cost ledger of a project: expenses and reversals, one rule per test. */
class CostLedgerTest {

    private static final PortfolioId PORTFOLIO = new PortfolioId(uuid("a"));
    private static final ProjectId PROJECT = new ProjectId(uuid("c1"));
    private static final ProjectId PROPOSED = new ProjectId(uuid("c2"));
    private static final ProjectId UNKNOWN = new ProjectId(uuid("c9"));
    private static final CostLedgerId LEDGER = CostLedgerId.of(PROJECT);
    private static final CostEntryId E1 = new CostEntryId(uuid("e1"));
    private static final CostEntryId E2 = new CostEntryId(uuid("e2"));
    private static final CostEntryId R1 = new CostEntryId(uuid("f1"));
    private static final CostEntryId R2 = new CostEntryId(uuid("f2"));
    private static final Money AMOUNT = Money.of("1200.00", "EUR");
    private static final LocalDate INCURRED = LocalDate.of(2027, 3, 15);

    private static final ExpenseRecordedEvent E1_RECORDED = new ExpenseRecordedEvent(LEDGER, PROJECT, E1, AMOUNT,
            CostCategory.EQUIPMENT, INCURRED, "Acme", "Laptops");
    private static final CostReversedEvent E1_REVERSED = new CostReversedEvent(LEDGER, PROJECT, R1, E1, AMOUNT,
            CostCategory.EQUIPMENT, INCURRED, "Invoice cancelled");

    private AggregateTestFixture<CostLedger> fixture;
    private InMemoryProjectDirectory projects;

    @BeforeEach
    void setUp() {
        var portfolios = new InMemoryPortfolioDirectory();
        portfolios.add(PORTFOLIO, "Growth", PortfolioStatus.ACTIVE);
        projects = new InMemoryProjectDirectory();
        projects.add(PROJECT, PORTFOLIO, ProjectStatus.ACTIVE);
        projects.add(PROPOSED, PORTFOLIO, ProjectStatus.PROPOSED);
        fixture = new AggregateTestFixture<>(CostLedger.class);
        fixture.registerInjectableResource(projects);
        fixture.registerInjectableResource(portfolios);
    }

    private static UUID uuid(String suffix) {
        return UUID.fromString("00000000-0000-0000-0000-" + "0".repeat(12 - suffix.length()) + suffix);
    }

    private static RecordExpenseCommand expense(ProjectId project, CostEntryId entryId, Money amount) {
        return RecordExpenseCommand.of(project, entryId, amount, CostCategory.EQUIPMENT, INCURRED, "Acme", "Laptops");
    }

    private static ReverseCostCommand reverse(CostEntryId reversal, CostEntryId reversed) {
        return ReverseCostCommand.of(PROJECT, reversal, reversed, "Invoice cancelled");
    }

    @Test
    void firstExpenseOpensTheLedger() {
        fixture.givenNoPriorActivity()
                .when(expense(PROJECT, E1, AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(E1_RECORDED);
    }

    @Test
    void canRecordFurtherExpenses() {
        fixture.given(E1_RECORDED)
                .when(expense(PROJECT, E2, Money.of("80", "EUR")))
                .expectEvents(new ExpenseRecordedEvent(LEDGER, PROJECT, E2, Money.of("80", "EUR"),
                        CostCategory.EQUIPMENT, INCURRED, "Acme", "Laptops"));
    }

    /** Late invoices of a cancelled (or paused, or closed) project are still its costs. */
    @ParameterizedTest
    @EnumSource(value = ProjectStatus.class, names = {"APPROVED", "ACTIVE", "ON_HOLD", "CLOSED", "CANCELLED"})
    void canRecordExpensesFromApprovalOn(ProjectStatus status) {
        projects.add(PROJECT, PORTFOLIO, status);
        fixture.givenNoPriorActivity()
                .when(expense(PROJECT, E1, AMOUNT))
                .expectEvents(E1_RECORDED);
    }

    @Test
    void cannotRecordExpensesOfAProposedProject() {
        fixture.givenNoPriorActivity()
                .when(expense(PROPOSED, E1, AMOUNT))
                .expectException(refusedWith(CONFLICT))
                .expectExceptionMessage(containsString("costs are recorded from its approval on"))
                .expectNoEvents();
    }

    @Test
    void cannotRecordExpensesOfAnUnknownProject() {
        fixture.givenNoPriorActivity()
                .when(expense(UNKNOWN, E1, AMOUNT))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotRecordAnExpenseInAnotherCurrency() {
        fixture.given(E1_RECORDED)
                .when(expense(PROJECT, E2, Money.of("100", "USD")))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectExceptionMessage(containsString("portfolio's currency EUR"))
                .expectNoEvents();
    }

    @Test
    void cannotReuseAnEntryId() {
        fixture.given(E1_RECORDED)
                .when(expense(PROJECT, E1, AMOUNT))
                .expectException(refusedWith(ALREADY_EXISTS))
                .expectNoEvents();
    }

    @Test
    void cannotRecordAnExpenseUnderAReversalsEntryId() {
        fixture.given(E1_RECORDED, E1_REVERSED)
                .when(expense(PROJECT, R1, AMOUNT))
                .expectException(refusedWith(ALREADY_EXISTS))
                .expectNoEvents();
    }

    @Test
    void canReverseAnExpense() {
        fixture.given(E1_RECORDED)
                .when(reverse(R1, E1))
                .expectEvents(E1_REVERSED);
    }

    @Test
    void cannotReverseAnUnknownEntry() {
        fixture.given(E1_RECORDED)
                .when(reverse(R1, E2))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotReverseAnEntryOfALedgerWithoutCosts() {
        fixture.givenNoPriorActivity()
                .when(reverse(R1, E1))
                .expectException(refusedWith(NOT_FOUND))
                .expectExceptionMessage(containsString("has no entry " + E1))
                .expectNoEvents();
    }

    @Test
    void cannotReverseAnExpenseTwice() {
        fixture.given(E1_RECORDED, E1_REVERSED)
                .when(reverse(R2, E1))
                .expectException(refusedWith(CONFLICT))
                .expectExceptionMessage(containsString("already reversed"))
                .expectNoEvents();
    }

    @Test
    void cannotReverseAReversal() {
        fixture.given(E1_RECORDED, E1_REVERSED)
                .when(reverse(R2, R1))
                .expectException(refusedWith(CONFLICT))
                .expectExceptionMessage(containsString("a reversal can never be reversed"))
                .expectNoEvents();
    }

    @Test
    void cannotReuseAnEntryIdForAReversal() {
        fixture.given(E1_RECORDED, new ExpenseRecordedEvent(LEDGER, PROJECT, E2, AMOUNT, CostCategory.OTHER,
                        INCURRED, null, null))
                .when(reverse(E2, E1))
                .expectException(refusedWith(ALREADY_EXISTS))
                .expectNoEvents();
    }
}
