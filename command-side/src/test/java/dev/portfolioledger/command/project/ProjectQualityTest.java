package dev.portfolioledger.command.project;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.DeliverableAddedEvent;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectDetailsRevisedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectPutOnHoldEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.api.quality.AcceptDeliverableCommand;
import dev.portfolioledger.api.quality.AcceptanceCapacity;
import dev.portfolioledger.api.quality.AcceptanceReviewRequiredEvent;
import dev.portfolioledger.api.quality.CommunicationChannel;
import dev.portfolioledger.api.quality.DeliverableAcceptedEvent;
import dev.portfolioledger.api.quality.QualityReviewRecordedEvent;
import dev.portfolioledger.api.quality.RecordQualityReviewCommand;
import dev.portfolioledger.api.quality.RegisterStakeholderCommand;
import dev.portfolioledger.api.quality.RequireAcceptanceReviewCommand;
import dev.portfolioledger.api.quality.ReviewKind;
import dev.portfolioledger.api.quality.ReviewOutcome;
import dev.portfolioledger.api.quality.StakeholderDetails;
import dev.portfolioledger.api.quality.StakeholderDetailsRevisedEvent;
import dev.portfolioledger.api.quality.StakeholderId;
import dev.portfolioledger.api.quality.StakeholderRegisteredEvent;
import dev.portfolioledger.api.quality.UpdateStakeholderCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static dev.portfolioledger.api.ErrorCode.ACCEPTANCE_NOT_ENTITLED;
import static dev.portfolioledger.api.ErrorCode.ALREADY_EXISTS;
import static dev.portfolioledger.api.ErrorCode.BASELINE_LOCKED;
import static dev.portfolioledger.api.ErrorCode.CONFLICT;
import static dev.portfolioledger.api.ErrorCode.ILLEGAL_TRANSITION;
import static dev.portfolioledger.api.ErrorCode.NOT_FOUND;
import static dev.portfolioledger.api.ErrorCode.REVIEW_REQUIRED;
import static dev.portfolioledger.api.ErrorCode.VALIDATION_FAILED;
import static dev.portfolioledger.command.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

/** Stakeholders, quality reviews and acceptance of a project's deliverables; one rule per test. */
class ProjectQualityTest {

    private static final PortfolioId PORTFOLIO = PortfolioId.of("00000000-0000-0000-0000-00000000000a");
    private static final ProjectId PROJECT = ProjectId.of("00000000-0000-0000-0000-0000000000c1");
    private static final DeliverableId DESIGN = DeliverableId.of("00000000-0000-0000-0000-0000000000d1");
    private static final DeliverableId BUILD = DeliverableId.of("00000000-0000-0000-0000-0000000000d2");
    private static final DeliverableId UNKNOWN = DeliverableId.of("00000000-0000-0000-0000-0000000000d9");
    private static final StakeholderId CFO = StakeholderId.of("00000000-0000-0000-0000-0000000000a1");
    private static final StakeholderId USERS = StakeholderId.of("00000000-0000-0000-0000-0000000000a2");
    private static final ChangeRequestId CR1 = ChangeRequestId.of("00000000-0000-0000-0000-0000000000f1");
    private static final LocalDate START = LocalDate.of(2027, 1, 4);
    private static final LocalDate FINISH = LocalDate.of(2027, 6, 30);
    private static final String SPONSOR = "sam";

    private static final DeliverablePlan DESIGN_PLAN = new DeliverablePlan(DESIGN, "Design", null, null,
            Money.of("12000", "EUR"), START, LocalDate.of(2027, 2, 26));
    private static final DeliverablePlan BUILD_PLAN = new DeliverablePlan(BUILD, "Build", null, null,
            Money.of("48000", "EUR"), LocalDate.of(2027, 3, 1), FINISH);
    /** May accept, as user "carla". */
    private static final StakeholderDetails CFO_DETAILS = new StakeholderDetails("Carla", "CFO", 4, 5,
            CommunicationChannel.MEETING, true, "carla");
    /** May not accept, though they sign in as "ulf". */
    private static final StakeholderDetails USERS_DETAILS = new StakeholderDetails("Ulf", "Key user", 5, 2,
            CommunicationChannel.EMAIL, false, "ulf");

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    private static ProjectProposedEvent proposed() {
        return new ProjectProposedEvent(PROJECT, PORTFOLIO, null, "Web shop", null, "pia", SPONSOR, Methodology.SCRUM,
                START, FINISH, Currency.getInstance("EUR"));
    }

    /** A planned, approved and started project (design and build), with both stakeholders, then the given events. */
    private static List<Object> active(Object... more) {
        List<Object> all = new ArrayList<>(List.of(proposed(),
                new DeliverableAddedEvent(PROJECT, DESIGN_PLAN), new DeliverableAddedEvent(PROJECT, BUILD_PLAN),
                new StakeholderRegisteredEvent(PROJECT, CFO, CFO_DETAILS),
                new StakeholderRegisteredEvent(PROJECT, USERS, USERS_DETAILS),
                new ProjectApprovedEvent(PROJECT),
                new BaselineEstablishedEvent(PROJECT, 1, List.of(DESIGN_PLAN, BUILD_PLAN), List.of(), List.of()),
                new ProjectStartedEvent(PROJECT)));
        all.addAll(List.of(more));
        return all;
    }

    private static Map<String, Object> by(String actor) {
        return Map.of("actor", actor);
    }

    private static QualityReviewRecordedEvent reviewed(DeliverableId deliverable, ReviewKind kind,
                                                       ReviewOutcome outcome) {
        return new QualityReviewRecordedEvent(PROJECT, deliverable, kind, outcome, null, "Quinn", "pia");
    }

    private static AcceptDeliverableCommand accept(DeliverableId deliverable) {
        return new AcceptDeliverableCommand(PROJECT, deliverable, "Looks good");
    }

    // --- stakeholders ---

    @Test
    void canRegisterAStakeholderOfAProposedProject() {
        fixture.given(proposed())
                .when(new RegisterStakeholderCommand(PROJECT, CFO, CFO_DETAILS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StakeholderRegisteredEvent(PROJECT, CFO, CFO_DETAILS));
    }

    @Test
    void cannotRegisterAStakeholderIdTwice() {
        fixture.given(proposed(), new StakeholderRegisteredEvent(PROJECT, CFO, CFO_DETAILS))
                .when(new RegisterStakeholderCommand(PROJECT, CFO, USERS_DETAILS))
                .expectException(refusedWith(ALREADY_EXISTS))
                .expectNoEvents();
    }

    @Test
    void cannotRegisterAStakeholderOfACancelledProject() {
        fixture.given(active(new ProjectCancelledEvent(PROJECT, ProjectStatus.ACTIVE, "Stopped")))
                .when(new RegisterStakeholderCommand(PROJECT, StakeholderId.random(), CFO_DETAILS))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "interest {0}")
    @ValueSource(ints = {0, 6})
    void interestIsBetweenOneAndFive(int interest) {
        assertThatThrownBy(() -> StakeholderDetails.checked("Carla", null, interest, 3, CommunicationChannel.EMAIL,
                false, null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo(VALIDATION_FAILED))
                .hasMessageContaining("interest must be between 1 and 5");
    }

    @ParameterizedTest(name = "influence {0}")
    @ValueSource(ints = {0, 6})
    void influenceIsBetweenOneAndFive(int influence) {
        assertThatThrownBy(() -> StakeholderDetails.checked("Carla", null, 3, influence, CommunicationChannel.EMAIL,
                false, null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo(VALIDATION_FAILED))
                .hasMessageContaining("influence must be between 1 and 5");
    }

    @Test
    void aStakeholderWhoMayAcceptNeedsAUsername() {
        assertThatThrownBy(() -> StakeholderDetails.checked("Carla", null, 3, 3, CommunicationChannel.EMAIL,
                true, " "))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo(VALIDATION_FAILED))
                .hasMessageContaining("username is required");
    }

    @Test
    void canUpdateAStakeholderOfARunningProject() {
        StakeholderDetails promoted = new StakeholderDetails("Ulf", "Product owner", 5, 4, CommunicationChannel.CHAT,
                true, "ulf");
        fixture.given(active())
                .when(new UpdateStakeholderCommand(PROJECT, USERS, promoted))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StakeholderDetailsRevisedEvent(PROJECT, USERS, promoted));
    }

    @Test
    void cannotUpdateAnUnknownStakeholder() {
        fixture.given(active())
                .when(new UpdateStakeholderCommand(PROJECT, StakeholderId.random(), CFO_DETAILS))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    // --- the review kind acceptance needs ---

    @Test
    void canChooseTheAcceptanceReviewWhileProposed() {
        fixture.given(proposed())
                .when(new RequireAcceptanceReviewCommand(PROJECT, ReviewKind.TEST_PHASE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AcceptanceReviewRequiredEvent(PROJECT, ReviewKind.TEST_PHASE));
    }

    @Test
    void cannotChooseTheAcceptanceReviewOnceApproved() {
        fixture.given(active())
                .when(new RequireAcceptanceReviewCommand(PROJECT, ReviewKind.TEST_PHASE))
                .expectException(refusedWith(BASELINE_LOCKED))
                .expectNoEvents();
    }

    // --- quality reviews ---

    @Test
    void canRecordAReviewOfADeliverable() {
        fixture.given(active())
                .when(new RecordQualityReviewCommand(PROJECT, DESIGN, ReviewKind.DESIGN_REVIEW, ReviewOutcome.PASSED,
                        "Clean", "Quinn"), by("pia"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new QualityReviewRecordedEvent(PROJECT, DESIGN, ReviewKind.DESIGN_REVIEW,
                        ReviewOutcome.PASSED, "Clean", "Quinn", "pia"));
    }

    @Test
    void cannotReviewAnUnknownDeliverable() {
        fixture.given(active())
                .when(new RecordQualityReviewCommand(PROJECT, UNKNOWN, ReviewKind.UAT, ReviewOutcome.PASSED, null,
                        "Quinn"), by("pia"))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotReviewADeliverableOfAProjectOnHold() {
        fixture.given(active(new ProjectPutOnHoldEvent(PROJECT)))
                .when(new RecordQualityReviewCommand(PROJECT, DESIGN, ReviewKind.UAT, ReviewOutcome.PASSED, null,
                        "Quinn"), by("pia"))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void aFailedReviewAfterAcceptanceIsRecordedAndTheAcceptanceStands() {
        fixture.given(active(reviewed(DESIGN, ReviewKind.UAT, ReviewOutcome.PASSED),
                        new DeliverableAcceptedEvent(PROJECT, DESIGN, SPONSOR, AcceptanceCapacity.SPONSOR, null,
                                ReviewKind.UAT, null)))
                .when(new RecordQualityReviewCommand(PROJECT, DESIGN, ReviewKind.UAT, ReviewOutcome.FAILED,
                        "Checkout breaks", "Quinn"), by("pia"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new QualityReviewRecordedEvent(PROJECT, DESIGN, ReviewKind.UAT, ReviewOutcome.FAILED,
                        "Checkout breaks", "Quinn", "pia"));
        // the acceptance stands: accepting again is refused as accepted already, not re-opened
        fixture.given(active(reviewed(DESIGN, ReviewKind.UAT, ReviewOutcome.PASSED),
                        new DeliverableAcceptedEvent(PROJECT, DESIGN, SPONSOR, AcceptanceCapacity.SPONSOR, null,
                                ReviewKind.UAT, null),
                        reviewed(DESIGN, ReviewKind.UAT, ReviewOutcome.FAILED)))
                .when(accept(DESIGN), by(SPONSOR))
                .expectException(refusedWith(CONFLICT))
                .expectNoEvents();
    }

    // --- acceptance ---

    @Test
    void theSponsorCanAcceptAfterAPassedUat() {
        fixture.given(active(reviewed(DESIGN, ReviewKind.UAT, ReviewOutcome.PASSED)))
                .when(accept(DESIGN), by(SPONSOR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DeliverableAcceptedEvent(PROJECT, DESIGN, SPONSOR, AcceptanceCapacity.SPONSOR, null,
                        ReviewKind.UAT, "Looks good"));
    }

    @Test
    void theSponsorAsRevisedIsTheOneWhoAccepts() {
        fixture.given(proposed(),
                        new ProjectDetailsRevisedEvent(PROJECT, "Web shop", null, "pia", "vera", Methodology.SCRUM,
                                START, FINISH),
                        new DeliverableAddedEvent(PROJECT, DESIGN_PLAN), new ProjectApprovedEvent(PROJECT),
                        new BaselineEstablishedEvent(PROJECT, 1, List.of(DESIGN_PLAN), List.of(), List.of()),
                        new ProjectStartedEvent(PROJECT), reviewed(DESIGN, ReviewKind.UAT, ReviewOutcome.PASSED))
                .when(accept(DESIGN), by(SPONSOR))
                .expectException(refusedWith(ACCEPTANCE_NOT_ENTITLED))
                .expectNoEvents();
    }

    @Test
    void anEntitledStakeholderCanAccept() {
        fixture.given(active(reviewed(DESIGN, ReviewKind.UAT, ReviewOutcome.PASSED)))
                .when(accept(DESIGN), by("carla"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DeliverableAcceptedEvent(PROJECT, DESIGN, "carla", AcceptanceCapacity.STAKEHOLDER,
                        CFO, ReviewKind.UAT, "Looks good"));
    }

    @Test
    void aStakeholderWithoutTheRightToAcceptCannotAccept() {
        fixture.given(active(reviewed(DESIGN, ReviewKind.UAT, ReviewOutcome.PASSED)))
                .when(accept(DESIGN), by("ulf"))
                .expectException(refusedWith(ACCEPTANCE_NOT_ENTITLED))
                .expectExceptionMessage(containsString("ulf"))
                .expectNoEvents();
    }

    @Test
    void someoneNotEntitledCannotAccept() {
        fixture.given(active(reviewed(DESIGN, ReviewKind.UAT, ReviewOutcome.PASSED)))
                .when(accept(DESIGN), by("pia"))
                .expectException(refusedWith(ACCEPTANCE_NOT_ENTITLED))
                .expectNoEvents();
    }

    @Test
    void aStakeholderWhoLostTheRightCannotAccept() {
        StakeholderDetails withdrawn = new StakeholderDetails("Carla", "CFO", 4, 5, CommunicationChannel.MEETING,
                false, "carla");
        fixture.given(active(reviewed(DESIGN, ReviewKind.UAT, ReviewOutcome.PASSED),
                        new StakeholderDetailsRevisedEvent(PROJECT, CFO, withdrawn)))
                .when(accept(DESIGN), by("carla"))
                .expectException(refusedWith(ACCEPTANCE_NOT_ENTITLED))
                .expectNoEvents();
    }

    @Test
    void cannotAcceptWithoutAnyReview() {
        fixture.given(active())
                .when(accept(DESIGN), by(SPONSOR))
                .expectException(refusedWith(REVIEW_REQUIRED))
                .expectExceptionMessage(containsString("no UAT review"))
                .expectNoEvents();
    }

    @Test
    void cannotAcceptWithOnlyAFailedReview() {
        fixture.given(active(reviewed(DESIGN, ReviewKind.UAT, ReviewOutcome.FAILED)))
                .when(accept(DESIGN), by(SPONSOR))
                .expectException(refusedWith(REVIEW_REQUIRED))
                .expectExceptionMessage(containsString("FAILED"))
                .expectNoEvents();
    }

    @Test
    void cannotAcceptWhenTheLatestRequiredReviewFailedAfterAPass() {
        fixture.given(active(reviewed(DESIGN, ReviewKind.UAT, ReviewOutcome.PASSED),
                        reviewed(DESIGN, ReviewKind.UAT, ReviewOutcome.FAILED)))
                .when(accept(DESIGN), by(SPONSOR))
                .expectException(refusedWith(REVIEW_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void cannotAcceptWithAPassedReviewOfAnotherKind() {
        fixture.given(active(reviewed(DESIGN, ReviewKind.TEST_PHASE, ReviewOutcome.PASSED),
                        reviewed(DESIGN, ReviewKind.DESIGN_REVIEW, ReviewOutcome.PASSED)))
                .when(accept(DESIGN), by(SPONSOR))
                .expectException(refusedWith(REVIEW_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void aPassedReviewOfAnotherDeliverableDoesNotCount() {
        fixture.given(active(reviewed(BUILD, ReviewKind.UAT, ReviewOutcome.PASSED)))
                .when(accept(DESIGN), by(SPONSOR))
                .expectException(refusedWith(REVIEW_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void theChosenReviewKindIsTheOneAcceptanceNeeds() {
        fixture.given(proposed(), new AcceptanceReviewRequiredEvent(PROJECT, ReviewKind.TEST_PHASE),
                        new DeliverableAddedEvent(PROJECT, DESIGN_PLAN), new ProjectApprovedEvent(PROJECT),
                        new BaselineEstablishedEvent(PROJECT, 1, List.of(DESIGN_PLAN), List.of(), List.of()),
                        new ProjectStartedEvent(PROJECT), reviewed(DESIGN, ReviewKind.TEST_PHASE, ReviewOutcome.PASSED))
                .when(accept(DESIGN), by(SPONSOR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DeliverableAcceptedEvent(PROJECT, DESIGN, SPONSOR, AcceptanceCapacity.SPONSOR, null,
                        ReviewKind.TEST_PHASE, "Looks good"));
    }

    @Test
    void cannotAcceptAnUnknownDeliverable() {
        fixture.given(active())
                .when(accept(UNKNOWN), by(SPONSOR))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotAcceptADeliverableRemovedByAChangeRequest() {
        fixture.given(active(reviewed(DESIGN, ReviewKind.UAT, ReviewOutcome.PASSED),
                        new BaselineRevisedEvent(PROJECT, 2, CR1, List.of(ProposedChange.removeDeliverable(DESIGN)))))
                .when(accept(DESIGN), by(SPONSOR))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aDeliverableIsAcceptedOnce() {
        fixture.given(active(reviewed(DESIGN, ReviewKind.UAT, ReviewOutcome.PASSED),
                        new DeliverableAcceptedEvent(PROJECT, DESIGN, "carla", AcceptanceCapacity.STAKEHOLDER, CFO,
                                ReviewKind.UAT, null)))
                .when(accept(DESIGN), by(SPONSOR))
                .expectException(refusedWith(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void cannotAcceptADeliverableOfAProjectThatIsNotActive() {
        fixture.given(active(reviewed(DESIGN, ReviewKind.UAT, ReviewOutcome.PASSED),
                        new ProjectPutOnHoldEvent(PROJECT)))
                .when(accept(DESIGN), by(SPONSOR))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    // --- what closure asks ---

    @Test
    void everyCurrentDeliverableNotAcceptedBlocksClosure() {
        ProjectQuality quality = new ProjectQuality();
        quality.on(proposed());
        quality.on(new DeliverableAcceptedEvent(PROJECT, DESIGN, SPONSOR, AcceptanceCapacity.SPONSOR, null,
                ReviewKind.UAT, null));

        assertThat(quality.closureBlockers(List.of(DESIGN, BUILD))).containsExactly(
                new ClosureBlocker(ClosureBlocker.UNACCEPTED_DELIVERABLE, BUILD.toString(),
                        "Deliverable " + BUILD + " is not accepted"));
        // a deliverable removed by an approved change request is not current, so it is not asked about
        assertThat(quality.closureBlockers(List.of(DESIGN))).isEmpty();
        assertThat(quality.closureBlockers(List.of())).isEmpty();
    }
}
