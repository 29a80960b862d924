package dev.portfolioledger.command;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.finance.CostEntryId;
import dev.portfolioledger.api.finance.RecordExpenseCommand;
import dev.portfolioledger.api.portfolio.CreatePortfolioCommand;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.RenamePortfolioCommand;
import dev.portfolioledger.api.program.CreateProgramCommand;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.CancelProjectCommand;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProposeProjectCommand;
import dev.portfolioledger.api.project.ReviseProjectDetailsCommand;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Malformed commands are refused when built, before they reach an aggregate. */
class CommandShapeTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final PortfolioId PORTFOLIO = PortfolioId.of("00000000-0000-0000-0000-00000000000a");
    private static final ProjectId PROJECT = ProjectId.of("00000000-0000-0000-0000-0000000000c1");
    private static final LocalDate JAN = LocalDate.of(2027, 1, 4);
    private static final LocalDate JUN = LocalDate.of(2027, 6, 30);

    private static void assertValidationFailed(ThrowingCallable building) {
        assertThatThrownBy(building)
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void portfolioNeedsAName(String name) {
        assertValidationFailed(() -> new CreatePortfolioCommand(PORTFOLIO, name, null, EUR, "Olivia Owner"));
    }

    @Test
    void portfolioNameIsTrimmed() {
        assertThat(new CreatePortfolioCommand(PORTFOLIO, "  Growth ", null, EUR, "Olivia Owner").name())
                .isEqualTo("Growth");
    }

    @Test
    void portfolioNameIsBounded() {
        assertValidationFailed(() -> new RenamePortfolioCommand(PORTFOLIO, "x".repeat(Checks.NAME_MAX + 1)));
    }

    @Test
    void portfolioNeedsACurrency() {
        assertValidationFailed(() -> new CreatePortfolioCommand(PORTFOLIO, "Growth", null, null, "Olivia Owner"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "XYZ", "E1R", ""})
    void currencyMustBeAnIso4217Code(String code) {
        assertValidationFailed(() -> Checks.currency(code));
    }

    @Test
    void iso4217CodeIsAccepted() {
        assertThat(Checks.currency("CHF")).isEqualTo(Currency.getInstance("CHF"));
    }

    @Test
    void anExpensesVendorIsANameOnOneLine() {
        ProjectId project = ProjectId.of("00000000-0000-0000-0000-0000000000c1");
        CostEntryId entry = CostEntryId.of("00000000-0000-0000-0000-0000000000e1");
        Money amount = Money.of("10", "EUR");
        LocalDate day = LocalDate.of(2026, 11, 2);
        assertValidationFailed(() -> RecordExpenseCommand.of(project, entry, amount, CostCategory.OTHER, day,
                "Acme\nLtd", null));
        assertThat(RecordExpenseCommand.of(project, entry, amount, CostCategory.OTHER, day, " ", null).vendor())
                .isNull();
        assertThat(RecordExpenseCommand.of(project, entry, amount, CostCategory.OTHER, day, " Acme ", "Line 1\nLine 2")
                .vendor()).isEqualTo("Acme");
    }

    @Test
    void programObjectivesMustNotBeBlank() {
        assertValidationFailed(() -> new CreateProgramCommand(ProgramId.of("00000000-0000-0000-0000-0000000000b1"),
                PORTFOLIO, "Digital", "Max Manager", List.of("Go online", " ")));
    }

    @Test
    void programObjectivesAreBounded() {
        String[] objectives = new String[CreateProgramCommand.MAX_OBJECTIVES + 1];
        Arrays.fill(objectives, "Go online");
        assertValidationFailed(() -> new CreateProgramCommand(ProgramId.of("00000000-0000-0000-0000-0000000000b1"),
                PORTFOLIO, "Digital", "Max Manager", List.of(objectives)));
    }

    @Test
    void projectCannotFinishBeforeItStarts() {
        assertValidationFailed(() -> new ProposeProjectCommand(PROJECT, PORTFOLIO, null, "Web shop", null,
                "Pia Manager", "Sam Sponsor", Methodology.AGILE, JUN, JAN));
    }

    @Test
    void revisedProjectCannotFinishBeforeItStarts() {
        assertValidationFailed(() -> new ReviseProjectDetailsCommand(PROJECT, "Web shop", null, "Pia Manager",
                "Sam Sponsor", Methodology.AGILE, JUN, JAN));
    }

    @Test
    void projectMayStartAndFinishOnTheSameDay() {
        assertThat(new ProposeProjectCommand(PROJECT, PORTFOLIO, null, "Web shop", null, "Pia Manager",
                "Sam Sponsor", Methodology.LEAN, JAN, JAN).plannedFinish()).isEqualTo(JAN);
    }

    @Test
    void projectNeedsAPlannedStart() {
        assertValidationFailed(() -> new ProposeProjectCommand(PROJECT, PORTFOLIO, null, "Web shop", null,
                "Pia Manager", "Sam Sponsor", Methodology.AGILE, null, JUN));
    }

    @Test
    void projectNeedsAMethodology() {
        assertValidationFailed(() -> new ProposeProjectCommand(PROJECT, PORTFOLIO, null, "Web shop", null,
                "Pia Manager", "Sam Sponsor", null, JAN, JUN));
    }

    @Test
    void projectNeedsASponsor() {
        assertValidationFailed(() -> new ProposeProjectCommand(PROJECT, PORTFOLIO, null, "Web shop", null,
                "Pia Manager", " ", Methodology.AGILE, JAN, JUN));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void cancellationNeedsAReason(String reason) {
        assertValidationFailed(() -> new CancelProjectCommand(PROJECT, reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-1-1-1-1", "{00000000-0000-0000-0000-00000000000a}"})
    void idsMustBeUuids(String id) {
        assertValidationFailed(() -> PortfolioId.of(id));
    }
}
