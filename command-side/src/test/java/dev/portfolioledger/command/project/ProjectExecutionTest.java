package dev.portfolioledger.command.project;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestApprovedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.CompleteMilestoneCommand;
import dev.portfolioledger.api.project.DeliverableAddedEvent;
import dev.portfolioledger.api.project.DeliverableFinishForecastEvent;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.DeliverableProgressReportedEvent;
import dev.portfolioledger.api.project.ForecastDeliverableFinishCommand;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.MilestoneCompletedEvent;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.MilestonePlan;
import dev.portfolioledger.api.project.MilestoneScheduledEvent;
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectPutOnHoldEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.api.project.ReportDeliverableProgressCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;

import static dev.portfolioledger.api.ErrorCode.CONFLICT;
import static dev.portfolioledger.api.ErrorCode.ILLEGAL_TRANSITION;
import static dev.portfolioledger.api.ErrorCode.NOT_FOUND;
import static dev.portfolioledger.api.ErrorCode.VALIDATION_FAILED;
import static dev.portfolioledger.command.Refusals.refusedWith;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** Execution of a running project: progress, milestones reached, forecasts; one rule per test. */
class ProjectExecutionTest {

    private static final PortfolioId PORTFOLIO = PortfolioId.of("00000000-0000-0000-0000-00000000000a");
    private static final ProjectId PROJECT = ProjectId.of("00000000-0000-0000-0000-0000000000c1");
    private static final DeliverableId DESIGN = DeliverableId.of("00000000-0000-0000-0000-0000000000d1");
    private static final DeliverableId BUILD = DeliverableId.of("00000000-0000-0000-0000-0000000000d2");
    private static final DeliverableId UNKNOWN = DeliverableId.of("00000000-0000-0000-0000-0000000000d9");
    private static final MilestoneId GO_LIVE = MilestoneId.of("00000000-0000-0000-0000-0000000000e1");
    private static final MilestoneId UNKNOWN_MILESTONE = MilestoneId.of("00000000-0000-0000-0000-0000000000e9");
    private static final ChangeRequestId CR1 = ChangeRequestId.of("00000000-0000-0000-0000-0000000000f1");
    private static final LocalDate START = LocalDate.of(2027, 1, 4);
    private static final LocalDate FINISH = LocalDate.of(2027, 6, 30);
    private static final LocalDate DESIGN_FINISH = LocalDate.of(2027, 2, 26);
    private static final LocalDate GO_LIVE_DUE = LocalDate.of(2027, 6, 1);
    private static final LocalDate MARCH_1 = LocalDate.of(2027, 3, 1);

    private static final DeliverablePlan DESIGN_PLAN = new DeliverablePlan(DESIGN, "Design", null, null,
            Money.of("12000", "EUR"), START, DESIGN_FINISH);
    private static final DeliverablePlan BUILD_PLAN = new DeliverablePlan(BUILD, "Build", null, null,
            Money.of("48000", "EUR"), MARCH_1, FINISH);
    private static final MilestonePlan GO_LIVE_PLAN = new MilestonePlan(GO_LIVE, "Go live", GO_LIVE_DUE, List.of(BUILD));

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    /** A planned, approved project (baseline 1: design, build, go-live), then the given events. */
    private static List<Object> approved(Object... more) {
        List<Object> all = new ArrayList<>(List.of(
                new ProjectProposedEvent(PROJECT, PORTFOLIO, null, "Web shop", null, "Pia", "Sam", Methodology.SCRUM,
                        START, FINISH, Currency.getInstance("EUR")),
                new DeliverableAddedEvent(PROJECT, DESIGN_PLAN), new DeliverableAddedEvent(PROJECT, BUILD_PLAN),
                new MilestoneScheduledEvent(PROJECT, GO_LIVE_PLAN), new ProjectApprovedEvent(PROJECT),
                new BaselineEstablishedEvent(PROJECT, 1, List.of(DESIGN_PLAN, BUILD_PLAN), List.of(GO_LIVE_PLAN),
                        List.of())));
        all.addAll(List.of(more));
        return all;
    }

    /** The same project, started. */
    private static List<Object> active(Object... more) {
        List<Object> all = approved(new ProjectStartedEvent(PROJECT));
        all.addAll(List.of(more));
        return all;
    }

    private static ReportDeliverableProgressCommand report(DeliverableId deliverable, int percent, LocalDate on,
                                                           String reason) {
        return new ReportDeliverableProgressCommand(PROJECT, deliverable, percent, on, reason);
    }

    private static DeliverableProgressReportedEvent reported(DeliverableId deliverable, int percent, int previous,
                                                             LocalDate on, String reason) {
        return new DeliverableProgressReportedEvent(PROJECT, deliverable, percent, previous, on, reason);
    }

    // --- the project must be running ---

    static Stream<Arguments> projectsNotRunning() {
        return Stream.of(
                Arguments.of(ProjectStatus.APPROVED, approved()),
                Arguments.of(ProjectStatus.ON_HOLD, active(new ProjectPutOnHoldEvent(PROJECT))),
                Arguments.of(ProjectStatus.CANCELLED, active(new ProjectCancelledEvent(PROJECT, ProjectStatus.ACTIVE,
                        "Stopped"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projectsNotRunning")
    void cannotReportExecutionOfAProjectThatIsNotActive(ProjectStatus status, List<Object> history) {
        for (Object command : List.of(report(DESIGN, 10, MARCH_1, null),
                new CompleteMilestoneCommand(PROJECT, GO_LIVE, MARCH_1),
                new ForecastDeliverableFinishCommand(PROJECT, BUILD, FINISH, "Late supplier"))) {
            fixture.given(history)
                    .when(command)
                    .expectException(refusedWith(ILLEGAL_TRANSITION))
                    .expectExceptionMessage(allOf(containsString(status.name()), containsString("not ACTIVE")))
                    .expectNoEvents();
        }
    }

    // --- progress ---

    @Test
    void canReportProgressOfADeliverable() {
        fixture.given(active())
                .when(report(DESIGN, 40, MARCH_1, null))
                .expectEvents(reported(DESIGN, 40, 0, MARCH_1, null));
    }

    @Test
    void progressCarriesThePreviousPercent() {
        fixture.given(active(reported(DESIGN, 40, 0, MARCH_1, null)))
                .when(report(DESIGN, 70, MARCH_1.plusDays(7), null))
                .expectEvents(reported(DESIGN, 70, 40, MARCH_1.plusDays(7), null));
    }

    @Test
    void cannotReportProgressOfADeliverableOutsideTheScope() {
        fixture.given(active())
                .when(report(UNKNOWN, 10, MARCH_1, null))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotReportProgressOfADeliverableRemovedByChangeRequest() {
        fixture.given(active(new ChangeRequestApprovedEvent(PROJECT, CR1, "carol"),
                        new BaselineRevisedEvent(PROJECT, 2, CR1, List.of(ProposedChange.removeDeliverable(DESIGN)))))
                .when(report(DESIGN, 10, MARCH_1, null))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotDateAReportBeforeThePreviousOne() {
        fixture.given(active(reported(DESIGN, 40, 0, MARCH_1, null)))
                .when(report(DESIGN, 50, MARCH_1.minusDays(1), null))
                .expectException(refusedWith(CONFLICT))
                .expectExceptionMessage(containsString("last reported on " + MARCH_1))
                .expectNoEvents();
    }

    @Test
    void canReportAgainOnTheSameDay() {
        fixture.given(active(reported(DESIGN, 40, 0, MARCH_1, null)))
                .when(report(DESIGN, 45, MARCH_1, null))
                .expectEvents(reported(DESIGN, 45, 40, MARCH_1, null));
    }

    @Test
    void cannotGoBackwardsWithoutAReason() {
        fixture.given(active(reported(DESIGN, 40, 0, MARCH_1, null)))
                .when(report(DESIGN, 30, MARCH_1.plusDays(7), null))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectExceptionMessage(allOf(containsString("reason is required"), containsString("less than the 40%")))
                .expectNoEvents();
    }

    @Test
    void canGoBackwardsWithAReason() {
        fixture.given(active(reported(DESIGN, 40, 0, MARCH_1, null)))
                .when(report(DESIGN, 30, MARCH_1.plusDays(7), "Review found rework"))
                .expectEvents(reported(DESIGN, 30, 40, MARCH_1.plusDays(7), "Review found rework"));
    }

    @Test
    void progressOfOneDeliverableDoesNotBindAnother() {
        fixture.given(active(reported(DESIGN, 80, 0, MARCH_1, null)))
                .when(report(BUILD, 5, MARCH_1.minusDays(1), null))
                .expectEvents(reported(BUILD, 5, 0, MARCH_1.minusDays(1), null));
    }

    // --- milestones ---

    @Test
    void canCompleteAMilestoneWithItsDueDateOnRecord() {
        fixture.given(active())
                .when(new CompleteMilestoneCommand(PROJECT, GO_LIVE, GO_LIVE_DUE.plusDays(3)))
                .expectEvents(new MilestoneCompletedEvent(PROJECT, GO_LIVE, GO_LIVE_DUE, GO_LIVE_DUE.plusDays(3)));
    }

    @Test
    void cannotCompleteAMilestoneOutsideTheScope() {
        fixture.given(active())
                .when(new CompleteMilestoneCommand(PROJECT, UNKNOWN_MILESTONE, MARCH_1))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotCompleteAMilestoneTwice() {
        fixture.given(active(new MilestoneCompletedEvent(PROJECT, GO_LIVE, GO_LIVE_DUE, MARCH_1)))
                .when(new CompleteMilestoneCommand(PROJECT, GO_LIVE, MARCH_1.plusDays(1)))
                .expectException(refusedWith(CONFLICT))
                .expectExceptionMessage(containsString("completed already"))
                .expectNoEvents();
    }

    // --- forecasts ---

    @Test
    void canForecastAFinishWithThePlannedFinishOnRecord() {
        fixture.given(active(reported(DESIGN, 60, 0, MARCH_1, null)))
                .when(new ForecastDeliverableFinishCommand(PROJECT, DESIGN, DESIGN_FINISH.plusDays(14), "Late review"))
                .expectEvents(new DeliverableFinishForecastEvent(PROJECT, DESIGN, DESIGN_FINISH,
                        DESIGN_FINISH.plusDays(14), "Late review"));
    }

    @Test
    void cannotForecastADeliverableOutsideTheScope() {
        fixture.given(active())
                .when(new ForecastDeliverableFinishCommand(PROJECT, UNKNOWN, FINISH, "Late"))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotForecastADeliverableReportedComplete() {
        fixture.given(active(reported(DESIGN, 100, 0, MARCH_1, null)))
                .when(new ForecastDeliverableFinishCommand(PROJECT, DESIGN, FINISH, "Late"))
                .expectException(refusedWith(CONFLICT))
                .expectExceptionMessage(containsString("100% complete"))
                .expectNoEvents();
    }

    @Test
    void canForecastADeliverableReportedCompleteThenReopened() {
        fixture.given(active(reported(DESIGN, 100, 0, MARCH_1, null),
                        reported(DESIGN, 90, 100, MARCH_1.plusDays(1), "Defect found")))
                .when(new ForecastDeliverableFinishCommand(PROJECT, DESIGN, FINISH, "Rework"))
                .expectEvents(new DeliverableFinishForecastEvent(PROJECT, DESIGN, DESIGN_FINISH, FINISH, "Rework"));
    }
}
