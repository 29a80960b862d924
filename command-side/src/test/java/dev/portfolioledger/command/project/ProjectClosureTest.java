package dev.portfolioledger.command.project;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.changerequest.ChangeRequestApprovedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestAssessedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ChangeRequestRejectedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestSubmittedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestWithdrawnEvent;
import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.CloseProjectCommand;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DeliverableAddedEvent;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.FinalFigures;
import dev.portfolioledger.api.project.LessonCategory;
import dev.portfolioledger.api.project.LessonLearned;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ObjectiveAchievement;
import dev.portfolioledger.api.project.ObjectiveOutcome;
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectClosedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectObjectivesDefinedEvent;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectPutOnHoldEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.api.project.StartProjectCommand;
import dev.portfolioledger.api.quality.AcceptanceCapacity;
import dev.portfolioledger.api.quality.DeliverableAcceptedEvent;
import dev.portfolioledger.api.quality.QualityReviewRecordedEvent;
import dev.portfolioledger.api.quality.ReviewKind;
import dev.portfolioledger.api.quality.ReviewOutcome;
import dev.portfolioledger.api.risk.RiskClosedEvent;
import dev.portfolioledger.api.risk.RiskId;
import dev.portfolioledger.api.risk.RiskIdentifiedEvent;
import dev.portfolioledger.api.risk.RiskMitigationStartedEvent;
import dev.portfolioledger.api.risk.RiskOccurredEvent;
import dev.portfolioledger.api.risk.RiskResponse;
import dev.portfolioledger.api.risk.RiskStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static dev.portfolioledger.api.ErrorCode.CLOSURE_BLOCKED;
import static dev.portfolioledger.api.ErrorCode.ILLEGAL_TRANSITION;
import static dev.portfolioledger.api.ErrorCode.VALIDATION_FAILED;
import static dev.portfolioledger.command.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** Closing a project: only an ACTIVE one with nothing open, every unmet condition named at once. */
class ProjectClosureTest {

    private static final PortfolioId PORTFOLIO = PortfolioId.of("00000000-0000-0000-0000-00000000000a");
    private static final ProjectId PROJECT = ProjectId.of("00000000-0000-0000-0000-0000000000c1");
    private static final DeliverableId DESIGN = DeliverableId.of("00000000-0000-0000-0000-0000000000d1");
    private static final ChangeRequestId CR1 = ChangeRequestId.of("00000000-0000-0000-0000-0000000000f1");
    private static final ChangeRequestId CR2 = ChangeRequestId.of("00000000-0000-0000-0000-0000000000f2");
    private static final ChangeRequestId CR3 = ChangeRequestId.of("00000000-0000-0000-0000-0000000000f3");
    private static final RiskId R1 = RiskId.of("00000000-0000-0000-0000-0000000000e1");
    private static final RiskId R2 = RiskId.of("00000000-0000-0000-0000-0000000000e2");
    private static final RiskId R3 = RiskId.of("00000000-0000-0000-0000-0000000000e3");
    private static final LocalDate START = LocalDate.of(2027, 1, 4);
    private static final LocalDate FINISH = LocalDate.of(2027, 6, 30);
    private static final LocalDate CLOSED_ON = LocalDate.of(2027, 7, 2);
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final String SELL = "Sell online";
    private static final String RETURNS = "Halve returns";

    private static final DeliverablePlan DESIGN_PLAN = new DeliverablePlan(DESIGN, "Design", null, null,
            Money.of("12000", "EUR"), START, FINISH);
    private static final FinalFigures FIGURES = new FinalFigures(EUR, new BigDecimal("12000"),
            new BigDecimal("13000.50"), new BigDecimal("12000.00"), new BigDecimal("12000.0000000000"),
            new BigDecimal("0.9230414215"), new BigDecimal("1.0000000000"));
    private static final List<LessonLearned> LESSONS = List.of(
            new LessonLearned(LessonCategory.SCHEDULE, "Plan the UAT window with the business early"),
            new LessonLearned(LessonCategory.COST, "Agree rates before the first invoice"));
    private static final List<ObjectiveOutcome> VERDICTS = List.of(
            new ObjectiveOutcome(SELL, ObjectiveAchievement.MET, null),
            new ObjectiveOutcome(RETURNS, ObjectiveAchievement.PARTLY_MET, "Down by a third so far"));

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    /** A project with two objectives and one deliverable, approved into baseline 1, then the given events. */
    private static List<Object> approved(Object... more) {
        List<Object> all = new ArrayList<>(List.of(
                new ProjectProposedEvent(PROJECT, PORTFOLIO, null, "Web shop", null, "Pia", "Sam", Methodology.SCRUM,
                        START, FINISH, EUR),
                new DeliverableAddedEvent(PROJECT, DESIGN_PLAN),
                new ProjectObjectivesDefinedEvent(PROJECT, List.of(SELL, RETURNS)),
                new ProjectApprovedEvent(PROJECT),
                new BaselineEstablishedEvent(PROJECT, 1, List.of(DESIGN_PLAN), List.of(), List.of())));
        all.addAll(List.of(more));
        return all;
    }

    /** Started, its one deliverable passed UAT and accepted by the sponsor, then the given events. */
    private static List<Object> active(Object... more) {
        List<Object> all = started(new QualityReviewRecordedEvent(PROJECT, DESIGN, ReviewKind.UAT, ReviewOutcome.PASSED,
                        null, "Quinn", "pia"),
                new DeliverableAcceptedEvent(PROJECT, DESIGN, "Sam", AcceptanceCapacity.SPONSOR, null, ReviewKind.UAT, null));
        all.addAll(List.of(more));
        return all;
    }

    /** Started with its deliverable not accepted, then the given events. */
    private static List<Object> started(Object... more) {
        List<Object> all = approved(new ProjectStartedEvent(PROJECT));
        all.addAll(List.of(more));
        return all;
    }

    private static RiskIdentifiedEvent risk(RiskId id, RiskResponse response) {
        return new RiskIdentifiedEvent(PROJECT, id, "Supplier late " + id, null, "Supplier", 3, 4, "Pia", response,
                null, FINISH);
    }

    private static List<String> unaccepted(DeliverableId id) {
        return List.of("UNACCEPTED_DELIVERABLE", id.toString());
    }

    private static List<String> openRisk(RiskId id) {
        return List.of("OPEN_RISK", id.toString());
    }

    private static CloseProjectCommand close(List<ObjectiveOutcome> verdicts) {
        return new CloseProjectCommand(PROJECT, CLOSED_ON, LESSONS, verdicts, "Ops runs the shop from Monday",
                "A good project", FIGURES);
    }

    private static ChangeRequestSubmittedEvent submitted(ChangeRequestId id) {
        return new ChangeRequestSubmittedEvent(PROJECT, id, "Later go-live", "Slack",
                List.of(ProposedChange.changeBudget(CostCategory.LABOUR, Money.of("1000", "EUR"))), "alice");
    }

    private static ChangeRequestAssessedEvent assessed(ChangeRequestId id) {
        return new ChangeRequestAssessedEvent(PROJECT, id, Money.of("1000", "EUR"), 0, null, "bob");
    }

    /** The refusal lists exactly these blockers, as (condition, subjectId), in this order. */
    @SafeVarargs
    private static Matcher<Throwable> blockedBy(List<String>... blockers) {
        List<List<String>> expected = List.of(blockers);
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                if (!(thrown instanceof RuleViolation violation) || violation.code() != CLOSURE_BLOCKED) {
                    return false;
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> listed = (List<Map<String, Object>>) violation.details().get("blockers");
                return listed != null && listed.stream().map(b -> List.of((String) b.get("condition"),
                        (String) b.get("subjectId"))).toList().equals(expected)
                        && listed.stream().allMatch(b -> b.get("description") instanceof String d && !d.isBlank());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("CLOSURE_BLOCKED with blockers ").appendValue(expected);
            }

            @Override
            protected void describeMismatchSafely(Throwable thrown, Description description) {
                description.appendText("was ").appendValue(thrown);
                if (thrown instanceof RuleViolation violation) {
                    description.appendText(" with code ").appendValue(violation.code())
                            .appendText(" and details ").appendValue(violation.details());
                }
            }
        };
    }

    private static List<String> notActive() {
        return List.of("NOT_ACTIVE", PROJECT.toString());
    }

    private static List<String> openRequest(ChangeRequestId id) {
        return List.of("OPEN_CHANGE_REQUEST", id.toString());
    }

    @Test
    void closesAnActiveProjectWithItsFinalFiguresAndBaselineVersion() {
        fixture.given(active())
                .when(close(VERDICTS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProjectClosedEvent(PROJECT, CLOSED_ON, 1, FIGURES, LESSONS, VERDICTS,
                        "Ops runs the shop from Monday", "A good project"))
                .expectState(project -> assertThat(project)
                        .extracting("status").isEqualTo(ProjectStatus.CLOSED));
    }

    @Test
    void recordsTheBaselineVersionChangeRequestsLeft() {
        fixture.given(active(submitted(CR1), assessed(CR1), new ChangeRequestApprovedEvent(PROJECT, CR1, "carol"),
                        new BaselineRevisedEvent(PROJECT, 2, CR1,
                                List.of(ProposedChange.changeBudget(CostCategory.LABOUR, Money.of("1000", "EUR"))))))
                .when(close(VERDICTS))
                .expectEvents(new ProjectClosedEvent(PROJECT, CLOSED_ON, 2, FIGURES, LESSONS, VERDICTS,
                        "Ops runs the shop from Monday", "A good project"));
    }

    @Test
    void decidedAndWithdrawnChangeRequestsDoNotBlock() {
        fixture.given(active(submitted(CR1), assessed(CR1), new ChangeRequestRejectedEvent(PROJECT, CR1, "No", "carol"),
                        submitted(CR2), new ChangeRequestWithdrawnEvent(PROJECT, CR2)))
                .when(close(VERDICTS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProjectClosedEvent(PROJECT, CLOSED_ON, 1, FIGURES, LESSONS, VERDICTS,
                        "Ops runs the shop from Monday", "A good project"));
    }

    @Test
    void aProjectWithoutObjectivesClosesWithNoVerdicts() {
        fixture.given(active(new ProjectObjectivesDefinedEvent(PROJECT, List.of())))
                .when(close(List.of()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotCloseWhileAChangeRequestIsSubmitted() {
        fixture.given(active(submitted(CR1)))
                .when(close(VERDICTS))
                .expectException(blockedBy(openRequest(CR1)))
                .expectExceptionMessage(containsString("SUBMITTED"))
                .expectNoEvents();
    }

    @Test
    void cannotCloseWhileAChangeRequestIsAssessed() {
        fixture.given(active(submitted(CR1), assessed(CR1)))
                .when(close(VERDICTS))
                .expectException(blockedBy(openRequest(CR1)))
                .expectExceptionMessage(containsString("ASSESSED"))
                .expectNoEvents();
    }

    @Test
    void cannotCloseAProposedProject() {
        fixture.given(approved().subList(0, 3))
                .when(close(VERDICTS))
                .expectException(blockedBy(notActive(), unaccepted(DESIGN)))
                .expectExceptionMessage(containsString("PROPOSED"))
                .expectNoEvents();
    }

    @Test
    void cannotCloseAnApprovedProject() {
        fixture.given(approved())
                .when(close(VERDICTS))
                .expectException(blockedBy(notActive(), unaccepted(DESIGN)))
                .expectNoEvents();
    }

    @Test
    void cannotCloseAProjectOnHold() {
        fixture.given(active(new ProjectPutOnHoldEvent(PROJECT)))
                .when(close(VERDICTS))
                .expectException(blockedBy(notActive()))
                .expectExceptionMessage(containsString("ON_HOLD"))
                .expectNoEvents();
    }

    @Test
    void cannotCloseACancelledProject() {
        fixture.given(active(new ProjectCancelledEvent(PROJECT, ProjectStatus.ACTIVE, "Budget cut")))
                .when(close(VERDICTS))
                .expectException(blockedBy(notActive()))
                .expectExceptionMessage(containsString("CANCELLED"))
                .expectNoEvents();
    }

    @Test
    void cannotCloseAClosedProjectAgain() {
        fixture.given(active(new ProjectClosedEvent(PROJECT, CLOSED_ON, 1, FIGURES, LESSONS, VERDICTS, null, null)))
                .when(close(VERDICTS))
                .expectException(blockedBy(notActive()))
                .expectExceptionMessage(containsString("CLOSED"))
                .expectNoEvents();
    }

    @Test
    void aClosedProjectTakesNoFurtherLifecycleCommand() {
        fixture.given(active(new ProjectClosedEvent(PROJECT, CLOSED_ON, 1, FIGURES, LESSONS, VERDICTS, null, null)))
                .when(new StartProjectCommand(PROJECT))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void listsEveryUnmetConditionAtOnce() {
        fixture.given(started(submitted(CR1), submitted(CR2), assessed(CR2), submitted(CR3),
                        new ChangeRequestWithdrawnEvent(PROJECT, CR3), risk(R1, RiskResponse.MITIGATE),
                        risk(R2, RiskResponse.TRANSFER), new ProjectPutOnHoldEvent(PROJECT)))
                .when(close(VERDICTS))
                .expectException(blockedBy(notActive(), openRequest(CR1), openRequest(CR2), unaccepted(DESIGN),
                        openRisk(R1)))
                .expectExceptionMessage(allOf(containsString("5 conditions are unmet"), containsString(CR1.toString()),
                        containsString(CR2.toString()), containsString(DESIGN.toString()), containsString(R1.toString())))
                .expectNoEvents();
    }

    @Test
    void cannotCloseWhileADeliverableIsNotAccepted() {
        fixture.given(started(new QualityReviewRecordedEvent(PROJECT, DESIGN, ReviewKind.UAT, ReviewOutcome.PASSED,
                        null, "Quinn", "pia")))
                .when(close(VERDICTS))
                .expectException(blockedBy(unaccepted(DESIGN)))
                .expectNoEvents();
    }

    @Test
    void aDeliverableRemovedByAnApprovedChangeRequestDoesNotBlock() {
        List<ProposedChange> drop = List.of(ProposedChange.removeDeliverable(DESIGN));
        fixture.given(started(new ChangeRequestSubmittedEvent(PROJECT, CR1, "Drop the design", "Bought one", drop, "alice"),
                        new ChangeRequestAssessedEvent(PROJECT, CR1, Money.of("-12000", "EUR"), 0, null, "bob"),
                        new ChangeRequestApprovedEvent(PROJECT, CR1, "carol"),
                        new BaselineRevisedEvent(PROJECT, 2, CR1, drop)))
                .when(close(VERDICTS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProjectClosedEvent(PROJECT, CLOSED_ON, 2, FIGURES, LESSONS, VERDICTS,
                        "Ops runs the shop from Monday", "A good project"));
    }

    @Test
    void cannotCloseWhileARiskIsOpenOrBeingMitigated() {
        fixture.given(active(risk(R1, RiskResponse.ACCEPT), risk(R2, RiskResponse.MITIGATE),
                        new RiskMitigationStartedEvent(PROJECT, R2)))
                .when(close(VERDICTS))
                .expectException(blockedBy(openRisk(R1), openRisk(R2)))
                .expectNoEvents();
    }

    @Test
    void closedOccurredAndTransferredRisksDoNotBlockAndTransferredOnesLeaveWithTheProject() {
        fixture.given(active(risk(R1, RiskResponse.MITIGATE),
                        new RiskClosedEvent(PROJECT, R1, RiskStatus.OPEN, "Supplier delivered"),
                        risk(R2, RiskResponse.ACCEPT),
                        new RiskOccurredEvent(PROJECT, R2, RiskStatus.OPEN, "Two weeks late", null),
                        risk(R3, RiskResponse.TRANSFER)))
                .when(close(VERDICTS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProjectClosedEvent(PROJECT, CLOSED_ON, 1, FIGURES, LESSONS, VERDICTS,
                                "Ops runs the shop from Monday", "A good project"),
                        new RiskClosedEvent(PROJECT, R3, RiskStatus.OPEN, "Project closed"));
    }

    @Test
    void cannotLeaveAnObjectiveWithoutAVerdict() {
        fixture.given(active())
                .when(close(List.of(VERDICTS.get(0))))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectExceptionMessage(containsString("no verdict on \"" + RETURNS + "\""))
                .expectNoEvents();
    }

    @Test
    void cannotJudgeAnObjectiveTheProjectDoesNotHave() {
        List<ObjectiveOutcome> verdicts = new ArrayList<>(VERDICTS);
        verdicts.add(new ObjectiveOutcome("Win an award", ObjectiveAchievement.NOT_MET, "Maybe next time"));
        fixture.given(active())
                .when(close(verdicts))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectExceptionMessage(containsString("objectives[2].objective \"Win an award\" is not an objective"))
                .expectNoEvents();
    }

    @Test
    void inputMistakesComeBeforeBlockers() {
        fixture.given(active(submitted(CR1)))
                .when(close(List.of()))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void cannotJudgeAnObjectiveTwice() {
        assertThatThrownBy(() -> close(List.of(VERDICTS.get(0), VERDICTS.get(1),
                new ObjectiveOutcome(SELL, ObjectiveAchievement.NOT_MET, "Second thoughts"))))
                .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.getMessage()).contains("objectives[2].objective repeats objectives[0]"));
    }

    @Test
    void aVerdictShortOfMetNeedsANote() {
        assertThatThrownBy(() -> close(List.of(VERDICTS.get(0),
                new ObjectiveOutcome(RETURNS, ObjectiveAchievement.NOT_MET, " "))))
                .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.getMessage()).contains("objectives[1].note"));
    }

    @Test
    void aClosureNeedsALessonLearned() {
        assertThatThrownBy(() -> new CloseProjectCommand(PROJECT, CLOSED_ON, List.of(), VERDICTS, null, null, FIGURES))
                .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.getMessage()).contains("lessonsLearned must hold at least one lesson"));
        assertThatThrownBy(() -> new CloseProjectCommand(PROJECT, CLOSED_ON,
                List.of(new LessonLearned(null, "Text")), VERDICTS, null, null, FIGURES))
                .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.getMessage()).contains("lessonsLearned[0].category is required"));
    }
}
