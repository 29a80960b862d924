package dev.portfolioledger.command;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.changerequest.AssessChangeRequestCommand;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.changerequest.RejectChangeRequestCommand;
import dev.portfolioledger.api.changerequest.SubmitChangeRequestCommand;
import dev.portfolioledger.api.portfolio.CreatePortfolioCommand;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.CreateProgramCommand;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.AddDeliverableCommand;
import dev.portfolioledger.api.project.CancelProjectCommand;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DefineProjectObjectivesCommand;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.PlanBudgetLineCommand;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProposeProjectCommand;
import dev.portfolioledger.api.project.ScheduleMilestoneCommand;
import dev.portfolioledger.command.project.MoneyInput;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The input rules of the README ("Input rules"): text PostgreSQL cannot store, control
 * characters, absurd amounts and dates are refused when a command is built, naming the field.
 */
class InputRulesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final PortfolioId PORTFOLIO = PortfolioId.of("00000000-0000-0000-0000-00000000000a");
    private static final ProjectId PROJECT = ProjectId.of("00000000-0000-0000-0000-0000000000c1");
    private static final ChangeRequestId REQUEST = ChangeRequestId.of("00000000-0000-0000-0000-0000000000d1");
    private static final DeliverableId DELIVERABLE = DeliverableId.of("00000000-0000-0000-0000-0000000000e1");
    private static final LocalDate JAN = LocalDate.of(2027, 1, 4);
    private static final LocalDate JUN = LocalDate.of(2027, 6, 30);
    private static final String LONE_HIGH = "\ud800";
    private static final String LONE_LOW = "\udc00";

    private static void assertRefused(ThrowingCallable building, String field) {
        assertThatThrownBy(building)
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(violation.getMessage()).startsWith(field + " ");
                });
    }

    private static ProposeProjectCommand project(String name, String description, LocalDate start, LocalDate finish) {
        return new ProposeProjectCommand(PROJECT, PORTFOLIO, null, name, description, "Pia Manager", "Sam Sponsor",
                Methodology.AGILE, start, finish);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), EUR);
    }

    @Test
    void cannotProposeProjectWithNulInName() {
        assertRefused(() -> project("Web\u0000shop", null, JAN, JUN), "name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Web\tshop", "Web\nshop", "Web\rshop", "Web\u0001shop", "Web\u001fshop", "Web\u007fshop"})
    void cannotNameAPortfolioWithAControlCharacter(String name) {
        assertRefused(() -> new CreatePortfolioCommand(PORTFOLIO, name, null, EUR, "Olivia Owner"), "name");
    }

    @Test
    void cannotNameAPersonWithATrailingControlCharacterThatTrimmingWouldHide() {
        assertRefused(() -> new CreatePortfolioCommand(PORTFOLIO, "Growth", null, EUR, "Olivia Owner\u001f"), "owner");
    }

    @Test
    void freeTextMayHoldTabsAndLineBreaks() {
        assertThat(project("Web shop", "Line one\r\n\tLine two", JAN, JUN).description())
                .isEqualTo("Line one\r\n\tLine two");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bell\u0007", "nul\u0000", "escape\u001b[31m", "delete\u007f"})
    void freeTextCannotHoldOtherControlCharacters(String description) {
        assertRefused(() -> project("Web shop", description, JAN, JUN), "description");
    }

    @ParameterizedTest
    @ValueSource(strings = {LONE_HIGH, LONE_LOW, "a" + LONE_HIGH + "b", "a" + LONE_LOW + LONE_HIGH + "b", "end" + LONE_HIGH})
    void cannotDefineAnObjectiveWithAnUnpairedSurrogate(String objective) {
        assertRefused(() -> new DefineProjectObjectivesCommand(PROJECT, List.of("Fine", objective)), "objectives[1]");
    }

    @Test
    void emojiAndOtherPairedSurrogatesAreKeptExactly() {
        String name = "Rocket \ud83d\ude80 launch \ud801\udc37";
        assertThat(project(name, "\ud83c\udf89 party", JAN, JUN).name()).isEqualTo(name);
    }

    @Test
    void cannotCreateAProgramWithANulInAnObjective() {
        assertRefused(() -> new CreateProgramCommand(ProgramId.of("00000000-0000-0000-0000-0000000000b1"), PORTFOLIO,
                "Digital", "Max Manager", List.of("ok\u0000")), "objectives[0]");
    }

    @Test
    void cannotCancelWithAnUnpairedSurrogateInTheReason() {
        assertRefused(() -> new CancelProjectCommand(PROJECT, "because" + LONE_HIGH), "reason");
    }

    @Test
    void reasonIsBounded() {
        assertThat(Checks.reason("x".repeat(Checks.REASON_MAX))).hasSize(Checks.REASON_MAX);
        assertRefused(() -> Checks.reason("x".repeat(Checks.REASON_MAX + 1)), "reason");
        assertRefused(() -> new RejectChangeRequestCommand(PROJECT, REQUEST, "x".repeat(100_000)), "reason");
    }

    @Test
    void blankReasonIsNoReason() {
        assertThat(Checks.reason(" \n ")).isNull();
        assertThat(Checks.reason(null)).isNull();
    }

    @Test
    void reasonCannotHoldNul() {
        assertRefused(() -> Checks.reason("why\u0000"), "reason");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e1000000", "-1e1000000", "1e-1000000", "-1e-1000000", "1e16", "1000000000000000",
                            "0e-1000000", "1E+2147483647"})
    void cannotPlanABudgetLineWithAnAbsurdAmount(String amount) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(
                () -> new MoneyInput(new BigDecimal(amount), "EUR").toMoney("amount"))
                .isInstanceOf(RuleViolation.class).hasMessageStartingWith("amount "));
    }

    @Test
    void largestAmountIsFifteenDigitsBeforeThePoint() {
        Money largest = eur("999999999999999.99");
        assertThat(new PlanBudgetLineCommand(PROJECT, CostCategory.LABOUR, largest).amount()).isEqualTo(largest);
        assertRefused(() -> new PlanBudgetLineCommand(PROJECT, CostCategory.LABOUR, eur("1000000000000000")), "amount");
    }

    @Test
    void amountWithTrailingZerosCountsItsSignificantDigits() {
        assertThat(Checks.amount(new BigDecimal("120.000"), "amount")).isEqualByComparingTo("120");
    }

    /* The read models store 1E+3 as 1000; the event must say the same, or the views differ from their fold. */
    @Test
    void amountWithAnExponentIsWrittenOutAsTheViewsShowIt() {
        assertThat(new PlanBudgetLineCommand(PROJECT, CostCategory.LABOUR, eur("1E+3")).amount().amount())
                .hasToString("1000");
        var submitted = submit(ProposedChange.changeBudget(CostCategory.LABOUR, eur("2E+2")));
        assertThat(submitted.changes().get(0).newAmount().amount()).hasToString("200");
        assertThat(new MoneyInput(new BigDecimal("5E+1"), "EUR").toMoney("amount").amount()).hasToString("50");
    }

    @Test
    void cannotAddADeliverableCostingMoreThanFifteenDigits() {
        assertRefused(() -> new AddDeliverableCommand(PROJECT, DELIVERABLE, "Shop", null, null, eur("1e20"), JAN, JUN),
                "plannedCost");
    }

    @Test
    void cannotAssessACostImpactOfAbsurdSize() {
        assertRefused(() -> new AssessChangeRequestCommand(PROJECT, REQUEST, eur("-1e18"), 0, null), "costImpact");
    }

    @Test
    void negativeCostImpactWithinRangeIsAccepted() {
        assertThat(new AssessChangeRequestCommand(PROJECT, REQUEST, eur("-999999999999999"), -3660, null)
                .costImpact().amount()).isEqualByComparingTo("-999999999999999");
    }

    @ParameterizedTest
    @ValueSource(ints = {3661, -3661, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void scheduleImpactIsBounded(int days) {
        assertRefused(() -> new AssessChangeRequestCommand(PROJECT, REQUEST, eur("0"), days, null),
                "scheduleImpactDays");
    }

    @Test
    void cannotProposeAProjectStartingBefore1900() {
        assertRefused(() -> project("Web shop", null, LocalDate.of(1, 1, 1), JUN), "plannedStart");
    }

    @Test
    void cannotProposeAProjectFinishingAfter2199() {
        assertRefused(() -> project("Web shop", null, JAN, LocalDate.MAX), "plannedFinish");
        assertRefused(() -> project("Web shop", null, JAN, LocalDate.of(2200, 1, 1)), "plannedFinish");
    }

    @Test
    void datesAtTheEdgesOfTheRangeAreAccepted() {
        assertThat(project("Web shop", null, Checks.FIRST_DATE, Checks.LAST_DATE).plannedFinish())
                .isEqualTo(Checks.LAST_DATE);
    }

    @Test
    void cannotScheduleAMilestoneInYear999999999() {
        assertRefused(() -> new ScheduleMilestoneCommand(PROJECT, MilestoneId.of("00000000-0000-0000-0000-0000000000f1"),
                "Go live", LocalDate.of(999_999_999, 12, 31), List.of()), "dueDate");
    }

    @Test
    void cannotSubmitAChangeThatAddsADeliverableWithANulInItsName() {
        var change = ProposedChange.addDeliverable(new DeliverablePlan(DELIVERABLE, "Shop\u0000", null, null, eur("10"),
                JAN, JUN));
        assertRefused(() -> submit(ProposedChange.changeBudget(CostCategory.LABOUR, eur("5")), change),
                "changes[1].deliverable.name");
    }

    @Test
    void cannotSubmitAChangeThatMovesAMilestoneToYearOne() {
        var change = ProposedChange.moveMilestone(MilestoneId.of("00000000-0000-0000-0000-0000000000f1"),
                LocalDate.of(1, 1, 1));
        assertRefused(() -> submit(change), "changes[0].newDueDate");
    }

    @Test
    void cannotSubmitABudgetChangeOfAbsurdSize() {
        assertRefused(() -> submit(ProposedChange.changeBudget(CostCategory.LABOUR, eur("1e30"))),
                "changes[0].newAmount");
    }

    @Test
    void cannotSubmitAChangeRequestWithAControlCharacterInItsTitle() {
        assertRefused(() -> new SubmitChangeRequestCommand(PROJECT, REQUEST, "Title\n", "Why",
                List.of(ProposedChange.changeBudget(CostCategory.LABOUR, eur("5")))), "title");
    }

    /* An event stored before these rules must still load: the proposed change itself stays lenient. */
    @Test
    void storedProposedChangeWithOldShapeStillLoads() {
        var plan = new DeliverablePlan(DELIVERABLE, "Old\u0001name", null, null, eur("1e20"), LocalDate.of(1, 1, 1),
                LocalDate.of(1, 1, 2));
        assertThat(ProposedChange.addDeliverable(plan).deliverable().name()).isEqualTo("Old\u0001name");
        assertThat(new Money(new BigDecimal("1e1000000"), EUR).amount()).isEqualByComparingTo("1e1000000");
    }

    @Test
    void moneyRefusingTooManyDecimalsNeverPrintsAnAbsurdScale() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(
                () -> new Money(new BigDecimal("1e-1000000000"), EUR)).isInstanceOf(RuleViolation.class));
    }

    @Test
    void storableRefusesNulAndLoneSurrogatesAndKeepsPairs() {
        Checks.storable("tab\t line\n emoji \ud83d\ude80", "x");
        assertRefused(() -> Checks.storable("a\u0000", "x"), "x");
        assertRefused(() -> Checks.storable(LONE_LOW + "a", "x"), "x");
        assertRefused(() -> Checks.storable("a" + LONE_HIGH, "x"), "x");
    }

    private static SubmitChangeRequestCommand submit(ProposedChange... changes) {
        return new SubmitChangeRequestCommand(PROJECT, REQUEST, "Title", "Why", List.of(changes));
    }
}
