package dev.portfolioledger.command.project;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioStatus;
import dev.portfolioledger.api.project.AddDeliverableCommand;
import dev.portfolioledger.api.project.ApproveProjectCommand;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.BudgetLine;
import dev.portfolioledger.api.project.BudgetLinePlannedEvent;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DefineProjectObjectivesCommand;
import dev.portfolioledger.api.project.DeliverableAddedEvent;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.DeliverableRemovedEvent;
import dev.portfolioledger.api.project.DeliverableRevisedEvent;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.MilestonePlan;
import dev.portfolioledger.api.project.MilestoneRemovedEvent;
import dev.portfolioledger.api.project.MilestoneRevisedEvent;
import dev.portfolioledger.api.project.MilestoneScheduledEvent;
import dev.portfolioledger.api.project.PlanBudgetLineCommand;
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectDetailsRevisedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectObjectivesDefinedEvent;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectPutOnHoldEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.api.project.RemoveDeliverableCommand;
import dev.portfolioledger.api.project.RemoveMilestoneCommand;
import dev.portfolioledger.api.project.ReviseDeliverableCommand;
import dev.portfolioledger.api.project.ReviseMilestoneCommand;
import dev.portfolioledger.api.project.ReviseProjectDetailsCommand;
import dev.portfolioledger.api.project.ScheduleMilestoneCommand;
import dev.portfolioledger.command.portfolio.InMemoryPortfolioDirectory;
import dev.portfolioledger.command.program.InMemoryProgramDirectory;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Currency;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.portfolioledger.api.ErrorCode.ALREADY_EXISTS;
import static dev.portfolioledger.api.ErrorCode.BASELINE_LOCKED;
import static dev.portfolioledger.api.ErrorCode.ILLEGAL_TRANSITION;
import static dev.portfolioledger.api.ErrorCode.NOT_FOUND;
import static dev.portfolioledger.api.ErrorCode.VALIDATION_FAILED;
import static dev.portfolioledger.command.Refusals.refusedWith;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** Planning a PROPOSED project, and the baseline its approval freezes. */
class ProjectPlanningTest {

    private static final PortfolioId PORTFOLIO = PortfolioId.of("00000000-0000-0000-0000-00000000000a");
    private static final ProjectId PROJECT = ProjectId.of("00000000-0000-0000-0000-0000000000c1");
    private static final ProjectId UNKNOWN_PROJECT = ProjectId.of("00000000-0000-0000-0000-0000000000c9");
    private static final DeliverableId DESIGN = DeliverableId.of("00000000-0000-0000-0000-0000000000d1");
    private static final DeliverableId BUILD = DeliverableId.of("00000000-0000-0000-0000-0000000000d2");
    private static final MilestoneId GO_LIVE = MilestoneId.of("00000000-0000-0000-0000-0000000000e1");
    private static final MilestoneId REVIEW = MilestoneId.of("00000000-0000-0000-0000-0000000000e2");
    private static final LocalDate PLANNED_START = LocalDate.of(2027, 1, 4);
    private static final LocalDate PLANNED_FINISH = LocalDate.of(2027, 6, 30);

    private static final ProjectProposedEvent PROPOSED = new ProjectProposedEvent(PROJECT, PORTFOLIO, null,
            "Web shop", "Sell online", "Pia Manager", "Sam Sponsor", Methodology.SCRUM, PLANNED_START, PLANNED_FINISH, Currency.getInstance("EUR"));
    private static final DeliverablePlan DESIGN_PLAN = new DeliverablePlan(DESIGN, "Design", null,
            "Signed off by sponsor", eur("12000.00"), PLANNED_START, LocalDate.of(2027, 2, 26));
    private static final DeliverablePlan BUILD_PLAN = new DeliverablePlan(BUILD, "Build", "Shop and payment",
            null, eur("48000"), LocalDate.of(2027, 3, 1), PLANNED_FINISH);
    private static final MilestonePlan GO_LIVE_PLAN =
            new MilestonePlan(GO_LIVE, "Go live", LocalDate.of(2027, 6, 1), List.of(DESIGN, BUILD));

    private static final ProjectApprovedEvent APPROVED = new ProjectApprovedEvent(PROJECT);
    private static final BaselineEstablishedEvent EMPTY_BASELINE =
            new BaselineEstablishedEvent(PROJECT, 1, List.of(), List.of(), List.of());

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
        var portfolios = new InMemoryPortfolioDirectory();
        var projects = new InMemoryProjectDirectory();
        portfolios.add(PORTFOLIO, "Growth", PortfolioStatus.ACTIVE);
        projects.claim(PROJECT, PORTFOLIO, null);
        fixture.registerAnnotatedCommandHandler(
                new ProjectCommandHandler(fixture.getRepository(), portfolios, new InMemoryProgramDirectory(), projects));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static AddDeliverableCommand add(DeliverablePlan plan) {
        return new AddDeliverableCommand(PROJECT, plan.deliverableId(), plan.name(), plan.description(),
                plan.acceptanceCriteria(), plan.plannedCost(), plan.plannedStart(), plan.plannedFinish());
    }

    private static ReviseDeliverableCommand revise(DeliverablePlan plan) {
        return new ReviseDeliverableCommand(PROJECT, plan.deliverableId(), plan.name(), plan.description(),
                plan.acceptanceCriteria(), plan.plannedCost(), plan.plannedStart(), plan.plannedFinish());
    }

    private static ScheduleMilestoneCommand schedule(MilestonePlan plan) {
        return new ScheduleMilestoneCommand(PROJECT, plan.milestoneId(), plan.name(), plan.dueDate(),
                plan.deliverableIds());
    }

    private static ReviseProjectDetailsCommand reviseWindow(LocalDate start, LocalDate finish) {
        return new ReviseProjectDetailsCommand(PROJECT, "Web shop", "Sell online", "Pia Manager", "Sam Sponsor",
                Methodology.SCRUM, start, finish);
    }

    private static List<Object> history(Object... events) {
        List<Object> all = new ArrayList<>();
        all.add(PROPOSED);
        all.addAll(List.of(events));
        return all;
    }

    /** A project with both deliverables and the go-live milestone marking them. */
    private static List<Object> planned(Object... more) {
        List<Object> all = history(new DeliverableAddedEvent(PROJECT, DESIGN_PLAN),
                new DeliverableAddedEvent(PROJECT, BUILD_PLAN), new MilestoneScheduledEvent(PROJECT, GO_LIVE_PLAN));
        all.addAll(List.of(more));
        return all;
    }

    // --- deliverables ---

    @Test
    void canAddDeliverableWhileProposed() {
        fixture.given(history())
                .when(add(DESIGN_PLAN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DeliverableAddedEvent(PROJECT, DESIGN_PLAN));
    }

    @Test
    void cannotAddDeliverableWithIdInUse() {
        fixture.given(history(new DeliverableAddedEvent(PROJECT, DESIGN_PLAN)))
                .when(add(DESIGN_PLAN))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(ALREADY_EXISTS))
                .expectNoEvents();
    }

    @Test
    void cannotReuseIdOfRemovedDeliverable() {
        fixture.given(history(new DeliverableAddedEvent(PROJECT, DESIGN_PLAN),
                        new DeliverableRemovedEvent(PROJECT, DESIGN)))
                .when(add(DESIGN_PLAN))
                .expectException(refusedWith(ALREADY_EXISTS))
                .expectNoEvents();
    }

    @Test
    void cannotAddDeliverableInOtherCurrency() {
        var inDollars = new DeliverablePlan(DESIGN, "Design", null, null, Money.of("100", "USD"),
                PLANNED_START, PLANNED_FINISH);

        fixture.given(history())
                .when(add(inDollars))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectExceptionMessage("plannedCost must be in EUR, the portfolio's currency")
                .expectNoEvents();
    }

    @Test
    void cannotAddDeliverableOutsideTheProjectWindow() {
        DeliverablePlan late = new DeliverablePlan(BUILD, "Build", null, null, eur("48000"),
                LocalDate.of(2027, 3, 1), LocalDate.of(2030, 6, 30));
        fixture.given(history())
                .when(add(late))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectExceptionMessage("plannedFinish 2030-06-30 is outside the project's planned window "
                        + "2027-01-04 to 2027-06-30")
                .expectNoEvents();
    }

    @Test
    void cannotReviseDeliverableToStartBeforeTheProject() {
        DeliverablePlan early = new DeliverablePlan(DESIGN, "Design", null, null, eur("12000.00"),
                LocalDate.of(2026, 12, 1), LocalDate.of(2027, 2, 26));
        fixture.given(history(new DeliverableAddedEvent(PROJECT, DESIGN_PLAN)))
                .when(revise(early))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectExceptionMessage("plannedStart 2026-12-01 is outside the project's planned window "
                        + "2027-01-04 to 2027-06-30")
                .expectNoEvents();
    }

    @Test
    void cannotShrinkTheProjectWindowAwayFromADeliverable() {
        fixture.given(history(new DeliverableAddedEvent(PROJECT, BUILD_PLAN)))
                .when(reviseWindow(PLANNED_START, LocalDate.of(2027, 5, 31)))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectExceptionMessage(containsString("outside the new planned window 2027-01-04 to 2027-05-31; "
                        + "revise or remove it first"))
                .expectNoEvents();
    }

    @Test
    void baselineListsBudgetLinesInTheOrderFirstPlanned() {
        fixture.given(history(new BudgetLinePlannedEvent(PROJECT, new BudgetLine(CostCategory.MATERIALS, eur("8000"))),
                        new BudgetLinePlannedEvent(PROJECT, new BudgetLine(CostCategory.LABOUR, eur("45000")))))
                .when(new ApproveProjectCommand(PROJECT))
                .expectEvents(APPROVED, new BaselineEstablishedEvent(PROJECT, 1, List.of(), List.of(),
                        List.of(new BudgetLine(CostCategory.MATERIALS, eur("8000")),
                                new BudgetLine(CostCategory.LABOUR, eur("45000")))));
    }

    @Test
    void cannotPlanForUnknownProject() {
        fixture.givenNoPriorActivity()
                .when(new AddDeliverableCommand(UNKNOWN_PROJECT, DESIGN, "Design", null, null, eur("1"),
                        PLANNED_START, PLANNED_FINISH))
                // as for every command to a project that does not exist: the gateway answers NOT_FOUND
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void cannotAddDeliverableAfterApproval() {
        fixture.given(history(APPROVED, EMPTY_BASELINE))
                .when(add(DESIGN_PLAN))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(BASELINE_LOCKED))
                .expectExceptionMessage(allOf(containsString("baseline version 1 is locked"),
                        containsString("submit a change request")))
                .expectNoEvents();
    }

    @Test
    void canReviseDeliverableWhileProposed() {
        var cheaper = new DeliverablePlan(DESIGN, "Design", "Wireframes", null, eur("9000"),
                PLANNED_START, LocalDate.of(2027, 2, 12));

        fixture.given(history(new DeliverableAddedEvent(PROJECT, DESIGN_PLAN)))
                .when(revise(cheaper))
                .expectEvents(new DeliverableRevisedEvent(PROJECT, cheaper));
    }

    @Test
    void cannotReviseUnknownDeliverable() {
        fixture.given(history())
                .when(revise(DESIGN_PLAN))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotReviseDeliverableInOtherCurrency() {
        var inFrancs = new DeliverablePlan(DESIGN, "Design", null, null, Money.of("100", "CHF"),
                PLANNED_START, PLANNED_FINISH);

        fixture.given(history(new DeliverableAddedEvent(PROJECT, DESIGN_PLAN)))
                .when(revise(inFrancs))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void canRemoveDeliverableWhileProposed() {
        fixture.given(history(new DeliverableAddedEvent(PROJECT, DESIGN_PLAN)))
                .when(new RemoveDeliverableCommand(PROJECT, DESIGN))
                .expectEvents(new DeliverableRemovedEvent(PROJECT, DESIGN));
    }

    @Test
    void cannotRemoveUnknownDeliverable() {
        fixture.given(history(new DeliverableAddedEvent(PROJECT, DESIGN_PLAN),
                        new DeliverableRemovedEvent(PROJECT, DESIGN)))
                .when(new RemoveDeliverableCommand(PROJECT, DESIGN))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void removingDeliverableUnlinksItFromMilestones() {
        fixture.given(planned(new DeliverableRemovedEvent(PROJECT, DESIGN)))
                .when(new ApproveProjectCommand(PROJECT))
                .expectEvents(APPROVED, new BaselineEstablishedEvent(PROJECT, 1, List.of(BUILD_PLAN),
                        List.of(new MilestonePlan(GO_LIVE, "Go live", GO_LIVE_PLAN.dueDate(), List.of(BUILD))),
                        List.of()));
    }

    // --- milestones ---

    @Test
    void canScheduleMilestoneMarkingDeliverables() {
        fixture.given(history(new DeliverableAddedEvent(PROJECT, DESIGN_PLAN),
                        new DeliverableAddedEvent(PROJECT, BUILD_PLAN)))
                .when(schedule(GO_LIVE_PLAN))
                .expectEvents(new MilestoneScheduledEvent(PROJECT, GO_LIVE_PLAN));
    }

    @Test
    void canScheduleMilestoneOnTheWindowsEdges() {
        var kickOff = new MilestonePlan(REVIEW, "Kick-off", PLANNED_START, List.of());

        fixture.given(history())
                .when(schedule(kickOff))
                .expectEvents(new MilestoneScheduledEvent(PROJECT, kickOff));
    }

    @Test
    void cannotScheduleMilestoneOutsideProjectWindow() {
        fixture.given(history())
                .when(schedule(new MilestonePlan(REVIEW, "Review", PLANNED_FINISH.plusDays(1), List.of())))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectExceptionMessage(containsString("outside the project's planned window"))
                .expectNoEvents();
    }

    @Test
    void cannotScheduleMilestoneBeforeProjectStarts() {
        fixture.given(history())
                .when(schedule(new MilestonePlan(REVIEW, "Review", PLANNED_START.minusDays(1), List.of())))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void cannotLinkMilestoneToUnknownDeliverable() {
        fixture.given(history(new DeliverableAddedEvent(PROJECT, DESIGN_PLAN)))
                .when(schedule(GO_LIVE_PLAN))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectExceptionMessage(containsString(BUILD.toString()))
                .expectNoEvents();
    }

    @Test
    void cannotScheduleMilestoneWithIdInUse() {
        fixture.given(planned())
                .when(schedule(GO_LIVE_PLAN))
                .expectException(refusedWith(ALREADY_EXISTS))
                .expectNoEvents();
    }

    @Test
    void canReviseMilestoneWhileProposed() {
        var later = new MilestonePlan(GO_LIVE, "Go live", PLANNED_FINISH, List.of(BUILD));

        fixture.given(planned())
                .when(new ReviseMilestoneCommand(PROJECT, GO_LIVE, "Go live", PLANNED_FINISH, List.of(BUILD)))
                .expectEvents(new MilestoneRevisedEvent(PROJECT, later));
    }

    @Test
    void cannotReviseUnknownMilestone() {
        fixture.given(history())
                .when(new ReviseMilestoneCommand(PROJECT, GO_LIVE, "Go live", PLANNED_FINISH, List.of()))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotReviseMilestoneOutsideProjectWindow() {
        fixture.given(planned())
                .when(new ReviseMilestoneCommand(PROJECT, GO_LIVE, "Go live", PLANNED_FINISH.plusDays(1), List.of()))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void cannotReviseMilestoneToMarkRemovedDeliverable() {
        fixture.given(planned(new DeliverableRemovedEvent(PROJECT, DESIGN)))
                .when(new ReviseMilestoneCommand(PROJECT, GO_LIVE, "Go live", PLANNED_FINISH, List.of(DESIGN)))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void canRemoveMilestoneWhileProposed() {
        fixture.given(planned())
                .when(new RemoveMilestoneCommand(PROJECT, GO_LIVE))
                .expectEvents(new MilestoneRemovedEvent(PROJECT, GO_LIVE));
    }

    @Test
    void cannotRemoveUnknownMilestone() {
        fixture.given(history())
                .when(new RemoveMilestoneCommand(PROJECT, GO_LIVE))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    // --- project window against milestones ---

    @Test
    void cannotReviseDetailsLeavingMilestoneOutsideWindow() {
        fixture.given(planned())
                .when(reviseWindow(PLANNED_START, LocalDate.of(2027, 5, 31)))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectExceptionMessage(containsString(GO_LIVE.toString()))
                .expectNoEvents();
    }

    @Test
    void canReviseDetailsKeepingMilestonesAndDeliverablesInsideWindow() {
        // an earlier start keeps go-live (June 1st) and both deliverables (to June 30th) inside
        fixture.given(planned())
                .when(reviseWindow(LocalDate.of(2026, 12, 1), PLANNED_FINISH))
                .expectEvents(new ProjectDetailsRevisedEvent(PROJECT, "Web shop", "Sell online", "Pia Manager",
                        "Sam Sponsor", Methodology.SCRUM, LocalDate.of(2026, 12, 1), PLANNED_FINISH));
    }

    @Test
    void milestoneWindowFollowsRevisedDetails() {
        LocalDate extendedFinish = PLANNED_FINISH.plusMonths(3);
        var late = new MilestonePlan(REVIEW, "Review", extendedFinish, List.of());

        fixture.given(history(new ProjectDetailsRevisedEvent(PROJECT, "Web shop", null, "Pia Manager",
                        "Sam Sponsor", Methodology.SCRUM, PLANNED_START, extendedFinish)))
                .when(schedule(late))
                .expectEvents(new MilestoneScheduledEvent(PROJECT, late));
    }

    // --- budget and objectives ---

    @Test
    void canPlanBudgetLineWhileProposed() {
        fixture.given(history())
                .when(new PlanBudgetLineCommand(PROJECT, CostCategory.LABOUR, eur("50000")))
                .expectEvents(new BudgetLinePlannedEvent(PROJECT, new BudgetLine(CostCategory.LABOUR, eur("50000"))));
    }

    @Test
    void cannotPlanBudgetLineInOtherCurrency() {
        fixture.given(history())
                .when(new PlanBudgetLineCommand(PROJECT, CostCategory.LABOUR, Money.of("50000", "GBP")))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectExceptionMessage("amount must be in EUR, the portfolio's currency")
                .expectNoEvents();
    }

    @Test
    void zeroBudgetClearsLine() {
        fixture.given(history(
                        new BudgetLinePlannedEvent(PROJECT, new BudgetLine(CostCategory.TRAVEL, eur("3000"))),
                        new BudgetLinePlannedEvent(PROJECT, new BudgetLine(CostCategory.LABOUR, eur("50000"))),
                        new BudgetLinePlannedEvent(PROJECT, new BudgetLine(CostCategory.TRAVEL, eur("0")))))
                .when(new ApproveProjectCommand(PROJECT))
                .expectEvents(APPROVED, new BaselineEstablishedEvent(PROJECT, 1, List.of(), List.of(),
                        List.of(new BudgetLine(CostCategory.LABOUR, eur("50000")))));
    }

    @Test
    void canDefineObjectivesWhileProposed() {
        fixture.given(history())
                .when(new DefineProjectObjectivesCommand(PROJECT, List.of("Sell online", "Cut order costs")))
                .expectEvents(new ProjectObjectivesDefinedEvent(PROJECT, List.of("Sell online", "Cut order costs")));
    }

    // --- baseline ---

    @Test
    void approvalEstablishesBaselineVersionOne() {
        var contingency = new BudgetLine(CostCategory.CONTINGENCY, eur("6000"));
        var labour = new BudgetLine(CostCategory.LABOUR, eur("50000"));
        var milestoneOnlyDesign = new MilestonePlan(REVIEW, "Design review", LocalDate.of(2027, 2, 26),
                List.of(DESIGN));

        // Added and planned out of order on purpose: deliverables keep the order they were added
        // (a revision keeps the position), budget lines the order their categories were first planned.
        fixture.given(planned(new MilestoneScheduledEvent(PROJECT, milestoneOnlyDesign),
                        new BudgetLinePlannedEvent(PROJECT, contingency),
                        new BudgetLinePlannedEvent(PROJECT, labour),
                        new DeliverableRevisedEvent(PROJECT, DESIGN_PLAN),
                        new ProjectObjectivesDefinedEvent(PROJECT, List.of("Sell online"))))
                .when(new ApproveProjectCommand(PROJECT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(APPROVED, new BaselineEstablishedEvent(PROJECT, 1,
                        List.of(DESIGN_PLAN, BUILD_PLAN),
                        List.of(GO_LIVE_PLAN, milestoneOnlyDesign),
                        List.of(contingency, labour)));
    }

    // --- the lock: every planning command, in every status ---

    private static final List<Object> APPROVED_HISTORY = planned(APPROVED, EMPTY_BASELINE);

    /** Each planning command, built against a project that has DESIGN and GO_LIVE. */
    private enum Planning {
        ADD_DELIVERABLE(id -> new AddDeliverableCommand(id, DeliverableId.of("00000000-0000-0000-0000-0000000000d3"),
                "Docs", null, null, eur("100"), PLANNED_START, PLANNED_FINISH)),
        REVISE_DELIVERABLE(id -> revise(DESIGN_PLAN)),
        REMOVE_DELIVERABLE(id -> new RemoveDeliverableCommand(id, DESIGN)),
        SCHEDULE_MILESTONE(id -> new ScheduleMilestoneCommand(id, REVIEW, "Review", PLANNED_FINISH, List.of())),
        REVISE_MILESTONE(id -> new ReviseMilestoneCommand(id, GO_LIVE, "Go live", PLANNED_FINISH, List.of())),
        REMOVE_MILESTONE(id -> new RemoveMilestoneCommand(id, GO_LIVE)),
        PLAN_BUDGET_LINE(id -> new PlanBudgetLineCommand(id, CostCategory.OTHER, eur("10"))),
        DEFINE_OBJECTIVES(id -> new DefineProjectObjectivesCommand(id, List.of("Sell online")));

        final Function<ProjectId, Object> command;

        Planning(Function<ProjectId, Object> command) {
            this.command = command;
        }
    }

    static Stream<Arguments> planningAfterApproval() {
        List<Object> active = new ArrayList<>(APPROVED_HISTORY);
        active.add(new ProjectStartedEvent(PROJECT));
        List<Object> onHold = new ArrayList<>(active);
        onHold.add(new ProjectPutOnHoldEvent(PROJECT));
        return Stream.of(Planning.values()).flatMap(planning -> Stream.of(
                Arguments.of(ProjectStatus.APPROVED, APPROVED_HISTORY, planning),
                Arguments.of(ProjectStatus.ACTIVE, active, planning),
                Arguments.of(ProjectStatus.ON_HOLD, onHold, planning)));
    }

    @ParameterizedTest(name = "{2} when {0}")
    @MethodSource("planningAfterApproval")
    void everyPlanningCommandIsLockedOnceABaselineExists(ProjectStatus status, List<Object> history,
                                                          Planning planning) {
        fixture.given(history)
                .when(planning.command.apply(PROJECT))
                .expectException(refusedWith(BASELINE_LOCKED))
                .expectExceptionMessage(allOf(containsString(status.name()),
                        containsString("baseline version 1 is locked; submit a change request")))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(Planning.class)
    void cannotPlanCancelledProject(Planning planning) {
        fixture.given(planned(new ProjectCancelledEvent(PROJECT, ProjectStatus.PROPOSED, "No budget")))
                .when(planning.command.apply(PROJECT))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(Planning.class)
    void everyPlanningCommandIsAllowedWhileProposed(Planning planning) {
        fixture.given(planned())
                .when(planning.command.apply(PROJECT))
                .expectSuccessfulHandlerExecution();
    }
}
