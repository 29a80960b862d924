package dev.portfolioledger.command.project;

import dev.portfolioledger.api.project.CancelProjectCommand;
import dev.portfolioledger.api.changerequest.ChangeRequestClosedEvent;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.changerequest.ApproveChangeRequestCommand;
import dev.portfolioledger.api.changerequest.AssessChangeRequestCommand;
import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestApprovedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestAssessedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ChangeRequestRejectedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestSubmittedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestWithdrawnEvent;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.changerequest.RejectChangeRequestCommand;
import dev.portfolioledger.api.changerequest.SubmitChangeRequestCommand;
import dev.portfolioledger.api.changerequest.WithdrawChangeRequestCommand;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioStatus;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.BudgetLine;
import dev.portfolioledger.api.project.BudgetLinePlannedEvent;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DeliverableAddedEvent;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.Methodology;
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
import dev.portfolioledger.api.project.RemoveDeliverableCommand;
import dev.portfolioledger.command.portfolio.InMemoryPortfolioDirectory;
import dev.portfolioledger.command.program.InMemoryProgramDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Currency;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.portfolioledger.api.ErrorCode.ALREADY_EXISTS;
import static dev.portfolioledger.api.ErrorCode.BASELINE_LOCKED;
import static dev.portfolioledger.api.ErrorCode.CONFLICT;
import static dev.portfolioledger.api.ErrorCode.FORBIDDEN;
import static dev.portfolioledger.api.ErrorCode.ILLEGAL_TRANSITION;
import static dev.portfolioledger.api.ErrorCode.NOT_FOUND;
import static dev.portfolioledger.api.ErrorCode.SELF_APPROVAL_FORBIDDEN;
import static dev.portfolioledger.api.ErrorCode.SELF_ASSESSMENT_FORBIDDEN;
import static dev.portfolioledger.api.ErrorCode.VALIDATION_FAILED;
import static dev.portfolioledger.command.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** Change requests: the only way an approved project's baseline changes. */
class ChangeRequestTest {

    private static final PortfolioId PORTFOLIO = PortfolioId.of("00000000-0000-0000-0000-00000000000a");
    private static final ProjectId PROJECT = ProjectId.of("00000000-0000-0000-0000-0000000000c1");
    private static final DeliverableId DESIGN = DeliverableId.of("00000000-0000-0000-0000-0000000000d1");
    private static final DeliverableId BUILD = DeliverableId.of("00000000-0000-0000-0000-0000000000d2");
    private static final DeliverableId TRAINING = DeliverableId.of("00000000-0000-0000-0000-0000000000d3");
    private static final MilestoneId GO_LIVE = MilestoneId.of("00000000-0000-0000-0000-0000000000e1");
    private static final ChangeRequestId CR1 = ChangeRequestId.of("00000000-0000-0000-0000-0000000000f1");
    private static final ChangeRequestId CR2 = ChangeRequestId.of("00000000-0000-0000-0000-0000000000f2");
    private static final LocalDate PLANNED_START = LocalDate.of(2027, 1, 4);
    private static final LocalDate PLANNED_FINISH = LocalDate.of(2027, 6, 30);

    private static final String ALICE = "alice";
    private static final String BOB = "bob";
    private static final String CAROL = "carol";

    private static final ProjectProposedEvent PROPOSED = new ProjectProposedEvent(PROJECT, PORTFOLIO, null,
            "Web shop", "Sell online", "Pia Manager", "Sam Sponsor", Methodology.SCRUM, PLANNED_START, PLANNED_FINISH, Currency.getInstance("EUR"));
    private static final DeliverablePlan DESIGN_PLAN = new DeliverablePlan(DESIGN, "Design", null,
            "Signed off by sponsor", eur("12000.00"), PLANNED_START, LocalDate.of(2027, 2, 26));
    private static final DeliverablePlan BUILD_PLAN = new DeliverablePlan(BUILD, "Build", "Shop and payment",
            null, eur("48000"), LocalDate.of(2027, 3, 1), PLANNED_FINISH);
    private static final DeliverablePlan BUILD_BIGGER = new DeliverablePlan(BUILD, "Build", "Shop, payment, returns",
            null, eur("55000"), LocalDate.of(2027, 3, 1), PLANNED_FINISH);
    private static final DeliverablePlan TRAINING_PLAN = new DeliverablePlan(TRAINING, "Training", null, null,
            eur("5000"), LocalDate.of(2027, 6, 1), PLANNED_FINISH);
    private static final MilestonePlan GO_LIVE_PLAN =
            new MilestonePlan(GO_LIVE, "Go live", LocalDate.of(2027, 6, 1), List.of(DESIGN, BUILD));
    private static final BaselineEstablishedEvent BASELINE = new BaselineEstablishedEvent(PROJECT, 1,
            List.of(DESIGN_PLAN, BUILD_PLAN), List.of(GO_LIVE_PLAN),
            List.of(new BudgetLine(CostCategory.LABOUR, eur("60000"))));

    private static final List<ProposedChange> ADD_TRAINING = List.of(ProposedChange.addDeliverable(TRAINING_PLAN),
            ProposedChange.changeBudget(CostCategory.LABOUR, eur("65000")));
    private static final List<ProposedChange> DROP_BUILD = List.of(ProposedChange.removeDeliverable(BUILD));
    private static final List<ProposedChange> ENLARGE_BUILD = List.of(ProposedChange.modifyDeliverable(BUILD_BIGGER));

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

    private static Map<String, Object> by(String actor) {
        return Map.of("actor", actor);
    }

    /** A planned project, approved into baseline version 1, then the given events. */
    private static List<Object> baselined(Object... more) {
        List<Object> all = new ArrayList<>(List.of(PROPOSED, new DeliverableAddedEvent(PROJECT, DESIGN_PLAN),
                new DeliverableAddedEvent(PROJECT, BUILD_PLAN), new MilestoneScheduledEvent(PROJECT, GO_LIVE_PLAN),
                new BudgetLinePlannedEvent(PROJECT,
                        new BudgetLine(CostCategory.LABOUR, eur("60000"))),
                new ProjectApprovedEvent(PROJECT), BASELINE));
        all.addAll(List.of(more));
        return all;
    }

    private static SubmitChangeRequestCommand submit(ChangeRequestId id, List<ProposedChange> changes) {
        return new SubmitChangeRequestCommand(PROJECT, id, "Add training", "Users need it", changes);
    }

    private static ChangeRequestSubmittedEvent submitted(ChangeRequestId id, List<ProposedChange> changes) {
        return new ChangeRequestSubmittedEvent(PROJECT, id, "Add training", "Users need it", changes, ALICE);
    }

    private static ChangeRequestAssessedEvent assessed(ChangeRequestId id) {
        return new ChangeRequestAssessedEvent(PROJECT, id, eur("5000"), 0, null, BOB);
    }

    private static Object[] approvedAsVersion(ChangeRequestId id, int version, List<ProposedChange> changes) {
        return new Object[]{new ChangeRequestApprovedEvent(PROJECT, id, CAROL),
                new BaselineRevisedEvent(PROJECT, version, id, changes)};
    }

    private static List<Object> with(List<Object> events, Object... more) {
        List<Object> all = new ArrayList<>(events);
        all.addAll(List.of(more));
        return all;
    }

    // --- submission ---

    @Test
    void canSubmitChangeRequestAfterApproval() {
        fixture.given(baselined())
                .when(submit(CR1, ADD_TRAINING), by(ALICE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(submitted(CR1, ADD_TRAINING));
    }

    @Test
    void canSubmitChangeRequestWhileOnHold() {
        fixture.given(baselined(new ProjectStartedEvent(PROJECT), new ProjectPutOnHoldEvent(PROJECT)))
                .when(submit(CR1, DROP_BUILD), by(ALICE))
                .expectEvents(submitted(CR1, DROP_BUILD));
    }

    @Test
    void cannotSubmitChangeRequestThatAddsOneDeliverableTwice() {
        List<ProposedChange> twice = List.of(ProposedChange.addDeliverable(TRAINING_PLAN),
                ProposedChange.addDeliverable(TRAINING_PLAN));
        fixture.given(baselined())
                .when(submit(CR1, twice), by(ALICE))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectExceptionMessage(containsString("changes[1] would add deliverable"))
                .expectExceptionMessage(containsString("but changes[0] adds that deliverable already"))
                .expectNoEvents();
    }

    @Test
    void cannotSubmitChangeRequestThatRemovesOneDeliverableTwice() {
        List<ProposedChange> twice = List.of(ProposedChange.removeDeliverable(BUILD),
                ProposedChange.removeDeliverable(BUILD));
        fixture.given(baselined())
                .when(submit(CR1, twice), by(ALICE))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectExceptionMessage(containsString("but changes[0] removes that deliverable already"))
                .expectNoEvents();
    }

    @Test
    void cannotSubmitChangeRequestThatModifiesADeliverableItRemoves() {
        List<ProposedChange> changes = List.of(ProposedChange.removeDeliverable(BUILD),
                ProposedChange.modifyDeliverable(BUILD_BIGGER));
        fixture.given(baselined())
                .when(submit(CR1, changes), by(ALICE))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectExceptionMessage(containsString("but changes[0] removes that deliverable already"))
                .expectNoEvents();
    }

    @Test
    void canSubmitChangeRequestThatAddsADeliverableAndRevisesIt() {
        DeliverablePlan revisedTraining = new DeliverablePlan(TRAINING, "Training", "Two sessions", null,
                eur("6000"), LocalDate.of(2027, 6, 1), PLANNED_FINISH);
        List<ProposedChange> changes = List.of(ProposedChange.addDeliverable(TRAINING_PLAN),
                ProposedChange.modifyDeliverable(revisedTraining));
        fixture.given(baselined())
                .when(submit(CR1, changes), by(ALICE))
                .expectEvents(submitted(CR1, changes));
    }

    @Test
    void cannotSubmitChangeRequestWithADeliverableOutsideTheProjectWindow() {
        DeliverablePlan late = new DeliverablePlan(TRAINING, "Training", null, null, eur("5000"),
                LocalDate.of(2027, 6, 1), LocalDate.of(2030, 1, 31));
        fixture.given(baselined())
                .when(submit(CR1, List.of(ProposedChange.addDeliverable(late))), by(ALICE))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectExceptionMessage("changes[0].deliverable.plannedFinish 2030-01-31 is outside the project's "
                        + "planned window 2027-01-04 to 2027-06-30")
                .expectNoEvents();
    }

    @Test
    void cancellingTheProjectClosesItsOpenChangeRequests() {
        fixture.given(baselined(submitted(CR1, ADD_TRAINING), assessed(CR1), submitted(CR2, DROP_BUILD)))
                .when(new CancelProjectCommand(PROJECT, "No budget"), by(CAROL))
                .expectEvents(new ProjectCancelledEvent(PROJECT, ProjectStatus.APPROVED, "No budget"),
                        new ChangeRequestClosedEvent(PROJECT, CR1, CAROL, "Project cancelled: No budget"),
                        new ChangeRequestClosedEvent(PROJECT, CR2, CAROL, "Project cancelled: No budget"));
    }

    @Test
    void cancellingTheProjectLeavesDecidedChangeRequestsAsTheyAre() {
        fixture.given(with(baselined(submitted(CR1, ADD_TRAINING), assessed(CR1)), approvedAsVersion(CR1, 2, ADD_TRAINING)))
                .andGiven(submitted(CR2, DROP_BUILD), new ChangeRequestWithdrawnEvent(PROJECT, CR2))
                .when(new CancelProjectCommand(PROJECT, "No budget"), by(CAROL))
                .expectEvents(new ProjectCancelledEvent(PROJECT, ProjectStatus.APPROVED, "No budget"));
    }

    @Test
    void closedChangeRequestCannotBeWithdrawn() {
        fixture.given(baselined(submitted(CR1, ADD_TRAINING),
                        new ProjectCancelledEvent(PROJECT, ProjectStatus.APPROVED, "No budget"),
                        new ChangeRequestClosedEvent(PROJECT, CR1, CAROL, "Project cancelled: No budget")))
                .when(new WithdrawChangeRequestCommand(PROJECT, CR1), by(ALICE))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void cannotSubmitChangeRequestWhileProposed() {
        fixture.given(PROPOSED)
                .when(submit(CR1, ADD_TRAINING), by(ALICE))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectExceptionMessage(containsString("plan directly; there is no baseline yet"))
                .expectNoEvents();
    }

    @Test
    void cannotSubmitChangeRequestToCancelledProject() {
        fixture.given(baselined(new ProjectCancelledEvent(PROJECT, ProjectStatus.APPROVED, "No budget")))
                .when(submit(CR1, ADD_TRAINING), by(ALICE))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void directEditStillRefusedAfterBaselineRevision() {
        fixture.given(baselined(submitted(CR1, ADD_TRAINING), assessed(CR1))
                        .toArray())
                .andGiven(approvedAsVersion(CR1, 2, ADD_TRAINING))
                .when(new RemoveDeliverableCommand(PROJECT, TRAINING))
                .expectException(refusedWith(BASELINE_LOCKED))
                .expectExceptionMessage(containsString("baseline version 2"));
    }

    @Test
    void cannotReuseChangeRequestId() {
        fixture.given(baselined(submitted(CR1, ADD_TRAINING)))
                .when(submit(CR1, DROP_BUILD), by(ALICE))
                .expectException(refusedWith(ALREADY_EXISTS))
                .expectNoEvents();
    }

    @Test
    void cannotSubmitChangeInAnotherCurrency() {
        fixture.given(baselined())
                .when(submit(CR1, List.of(ProposedChange.changeBudget(CostCategory.LABOUR, Money.of("1", "USD")))),
                        by(ALICE))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectExceptionMessage("changes[0].newAmount must be in EUR, the portfolio's currency")
                .expectNoEvents();
    }

    @Test
    void cannotSubmitChangeToUnknownDeliverable() {
        fixture.given(baselined())
                .when(submit(CR1, List.of(ProposedChange.removeDeliverable(TRAINING))), by(ALICE))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void cannotSubmitAdditionOfExistingDeliverable() {
        fixture.given(baselined())
                .when(submit(CR1, List.of(ProposedChange.addDeliverable(BUILD_BIGGER))), by(ALICE))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void cannotSubmitMilestoneMoveOutsideWindow() {
        fixture.given(baselined())
                .when(submit(CR1, List.of(ProposedChange.moveMilestone(GO_LIVE, PLANNED_FINISH.plusDays(1)))),
                        by(ALICE))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void cannotSubmitWithoutActor() {
        fixture.given(baselined())
                .when(submit(CR1, ADD_TRAINING))
                .expectException(refusedWith(FORBIDDEN))
                .expectNoEvents();
    }

    // --- assessment ---

    @Test
    void canAssessSubmittedRequest() {
        fixture.given(baselined(submitted(CR1, ADD_TRAINING)))
                .when(new AssessChangeRequestCommand(PROJECT, CR1, eur("-1500.50"), 14, "  Trainer availability "),
                        by(BOB))
                .expectEvents(new ChangeRequestAssessedEvent(PROJECT, CR1, eur("-1500.50"), 14,
                        "Trainer availability", BOB));
    }

    @Test
    void cannotAssessInAnotherCurrency() {
        fixture.given(baselined(submitted(CR1, ADD_TRAINING)))
                .when(new AssessChangeRequestCommand(PROJECT, CR1, Money.of("10", "USD"), 0, null), by(BOB))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void cannotAssessUnknownRequest() {
        fixture.given(baselined())
                .when(new AssessChangeRequestCommand(PROJECT, CR1, eur("10"), 0, null), by(BOB))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotAssessOwnChangeRequest() {
        fixture.given(baselined(submitted(CR1, ADD_TRAINING)))
                .when(new AssessChangeRequestCommand(PROJECT, CR1, eur("10"), 0, null), by(ALICE))
                .expectException(refusedWith(SELF_ASSESSMENT_FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void cannotAssessTwice() {
        fixture.given(baselined(submitted(CR1, ADD_TRAINING), assessed(CR1)))
                .when(new AssessChangeRequestCommand(PROJECT, CR1, eur("10"), 0, null), by(BOB))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    // --- approval ---

    @Test
    void cannotApproveUnassessedRequest() {
        fixture.given(baselined(submitted(CR1, ADD_TRAINING)))
                .when(new ApproveChangeRequestCommand(PROJECT, CR1), by(CAROL))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void cannotApproveOwnChangeRequest() {
        fixture.given(baselined(submitted(CR1, ADD_TRAINING), assessed(CR1)))
                .when(new ApproveChangeRequestCommand(PROJECT, CR1), by(ALICE))
                .expectException(refusedWith(SELF_APPROVAL_FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void approvalRevisesBaselineToVersionTwo() {
        fixture.given(baselined(submitted(CR1, ADD_TRAINING), assessed(CR1)))
                .when(new ApproveChangeRequestCommand(PROJECT, CR1), by(CAROL))
                .expectEvents(new ChangeRequestApprovedEvent(PROJECT, CR1, CAROL),
                        new BaselineRevisedEvent(PROJECT, 2, CR1, ADD_TRAINING));
    }

    @Test
    void secondApprovalMakesVersionThree() {
        fixture.given(with(baselined(submitted(CR1, ADD_TRAINING), assessed(CR1)),
                        approvedAsVersion(CR1, 2, ADD_TRAINING)))
                .andGiven(submitted(CR2, ENLARGE_BUILD), assessed(CR2))
                .when(new ApproveChangeRequestCommand(PROJECT, CR2), by(CAROL))
                .expectEvents(new ChangeRequestApprovedEvent(PROJECT, CR2, CAROL),
                        new BaselineRevisedEvent(PROJECT, 3, CR2, ENLARGE_BUILD));
    }

    @Test
    void cannotApproveRequestThatModifiesRemovedDeliverable() {
        fixture.given(baselined(submitted(CR1, DROP_BUILD), submitted(CR2, ENLARGE_BUILD), assessed(CR1),
                        assessed(CR2)))
                .andGiven(approvedAsVersion(CR1, 2, DROP_BUILD))
                .when(new ApproveChangeRequestCommand(PROJECT, CR2), by(CAROL))
                .expectException(refusedWith(CONFLICT))
                .expectExceptionMessage(allOf(containsString("modify deliverable " + BUILD),
                        containsString("baseline version 2")))
                .expectNoEvents();
    }

    @Test
    void cannotApproveAdditionOfDeliverableAddedMeanwhile() {
        fixture.given(baselined(submitted(CR1, ADD_TRAINING), submitted(CR2, ADD_TRAINING), assessed(CR1),
                        assessed(CR2)))
                .andGiven(approvedAsVersion(CR1, 2, ADD_TRAINING))
                .when(new ApproveChangeRequestCommand(PROJECT, CR2), by(CAROL))
                .expectException(refusedWith(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void removalByChangeRequestUnlinksMilestoneSoItsMoveStillFits() {
        List<ProposedChange> moveGoLive = List.of(ProposedChange.moveMilestone(GO_LIVE, LocalDate.of(2027, 6, 15)));
        fixture.given(baselined(submitted(CR1, DROP_BUILD), submitted(CR2, moveGoLive), assessed(CR1),
                        assessed(CR2)))
                .andGiven(approvedAsVersion(CR1, 2, DROP_BUILD))
                .when(new ApproveChangeRequestCommand(PROJECT, CR2), by(CAROL))
                .expectEvents(new ChangeRequestApprovedEvent(PROJECT, CR2, CAROL),
                        new BaselineRevisedEvent(PROJECT, 3, CR2, moveGoLive));
    }

    @Test
    void cannotApproveWithdrawnRequest() {
        fixture.given(baselined(submitted(CR1, ADD_TRAINING), assessed(CR1),
                        new ChangeRequestWithdrawnEvent(PROJECT, CR1)))
                .when(new ApproveChangeRequestCommand(PROJECT, CR1), by(CAROL))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void cannotApproveUnknownRequest() {
        fixture.given(baselined())
                .when(new ApproveChangeRequestCommand(PROJECT, CR1), by(CAROL))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    // --- rejection and withdrawal ---

    @Test
    void canRejectAssessedRequest() {
        fixture.given(baselined(submitted(CR1, ADD_TRAINING), assessed(CR1)))
                .when(new RejectChangeRequestCommand(PROJECT, CR1, "Not in scope"), by(CAROL))
                .expectEvents(new ChangeRequestRejectedEvent(PROJECT, CR1, "Not in scope", CAROL));
    }

    @Test
    void rejectNeedsReason() {
        assertThatThrownBy(() -> new RejectChangeRequestCommand(PROJECT, CR1, "  "))
                .isInstanceOfSatisfying(RuleViolation.class, violation ->
                        assertThat(violation.code()).isEqualTo(VALIDATION_FAILED));
    }

    @Test
    void cannotRejectUnassessedRequest() {
        fixture.given(baselined(submitted(CR1, ADD_TRAINING)))
                .when(new RejectChangeRequestCommand(PROJECT, CR1, "Not in scope"), by(CAROL))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void submitterCanWithdraw() {
        fixture.given(baselined(submitted(CR1, ADD_TRAINING), assessed(CR1)))
                .when(new WithdrawChangeRequestCommand(PROJECT, CR1), by(ALICE))
                .expectEvents(new ChangeRequestWithdrawnEvent(PROJECT, CR1));
    }

    @Test
    void onlySubmitterMayWithdraw() {
        fixture.given(baselined(submitted(CR1, ADD_TRAINING)))
                .when(new WithdrawChangeRequestCommand(PROJECT, CR1), by(BOB))
                .expectException(refusedWith(FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void cannotWithdrawDecidedRequest() {
        fixture.given(baselined(submitted(CR1, ADD_TRAINING), assessed(CR1),
                        new ChangeRequestRejectedEvent(PROJECT, CR1, "Not in scope", CAROL)))
                .when(new WithdrawChangeRequestCommand(PROJECT, CR1), by(ALICE))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }
}
