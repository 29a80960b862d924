package dev.portfolioledger.command.project;

import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.changerequest.ChangeRequestClosedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ChangeRequestSubmittedEvent;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.CancelProjectCommand;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.api.risk.CloseRiskCommand;
import dev.portfolioledger.api.risk.IdentifyRiskCommand;
import dev.portfolioledger.api.risk.ReassessRiskCommand;
import dev.portfolioledger.api.risk.RecordRiskOccurredCommand;
import dev.portfolioledger.api.risk.RiskClosedEvent;
import dev.portfolioledger.api.risk.RiskId;
import dev.portfolioledger.api.risk.RiskIdentifiedEvent;
import dev.portfolioledger.api.risk.RiskMitigationStartedEvent;
import dev.portfolioledger.api.risk.RiskOccurredEvent;
import dev.portfolioledger.api.risk.RiskReassessedEvent;
import dev.portfolioledger.api.risk.RiskResponse;
import dev.portfolioledger.api.risk.RiskStatus;
import dev.portfolioledger.api.risk.StartRiskMitigationCommand;
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

import static dev.portfolioledger.api.ErrorCode.ALREADY_EXISTS;
import static dev.portfolioledger.api.ErrorCode.ILLEGAL_TRANSITION;
import static dev.portfolioledger.api.ErrorCode.NOT_FOUND;
import static dev.portfolioledger.api.ErrorCode.VALIDATION_FAILED;
import static dev.portfolioledger.command.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

/** The risk register of a project: identification, reassessment and the risk's states. */
class RiskRegisterTest {

    private static final PortfolioId PORTFOLIO = PortfolioId.of("00000000-0000-0000-0000-00000000000a");
    private static final ProjectId PROJECT = ProjectId.of("00000000-0000-0000-0000-0000000000c1");
    private static final RiskId SUPPLIER = RiskId.of("00000000-0000-0000-0000-0000000000a1");
    private static final RiskId OUTAGE = RiskId.of("00000000-0000-0000-0000-0000000000a2");
    private static final RiskId INSURED = RiskId.of("00000000-0000-0000-0000-0000000000a3");
    private static final ChangeRequestId CR1 = ChangeRequestId.of("00000000-0000-0000-0000-0000000000f1");
    private static final LocalDate START = LocalDate.of(2027, 1, 4);
    private static final LocalDate FINISH = LocalDate.of(2027, 6, 30);
    private static final LocalDate REVIEW = LocalDate.of(2027, 2, 1);

    private static final ProjectProposedEvent PROPOSED = new ProjectProposedEvent(PROJECT, PORTFOLIO, null,
            "Web shop", "Sell online", "Pia Manager", "Sam Sponsor", Methodology.SCRUM, START, FINISH,
            Currency.getInstance("EUR"));
    private static final RiskIdentifiedEvent SUPPLIER_IDENTIFIED = identified(SUPPLIER, 3, 4, RiskResponse.MITIGATE);

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    private static RiskIdentifiedEvent identified(RiskId id, int probability, int impact, RiskResponse response) {
        return new RiskIdentifiedEvent(PROJECT, id, "Supplier late", "The payment provider may slip", "Supplier",
                probability, impact, "Pia", response, "Second supplier on standby", REVIEW);
    }

    private static IdentifyRiskCommand identify(RiskId id, int probability, int impact) {
        return new IdentifyRiskCommand(PROJECT, id, "Supplier late", "The payment provider may slip", "Supplier",
                probability, impact, "Pia", RiskResponse.MITIGATE, "Second supplier on standby", REVIEW);
    }

    private static List<Object> proposed(Object... more) {
        List<Object> all = new ArrayList<>(List.of(PROPOSED));
        all.addAll(List.of(more));
        return all;
    }

    /** Approved (baseline 1) and started, then the given events. */
    private static List<Object> active(Object... more) {
        List<Object> all = new ArrayList<>(List.of(PROPOSED, new ProjectApprovedEvent(PROJECT),
                new BaselineEstablishedEvent(PROJECT, 1, List.of(), List.of(), List.of()),
                new ProjectStartedEvent(PROJECT)));
        all.addAll(List.of(more));
        return all;
    }

    private static Map<String, Object> by(String actor) {
        return Map.of("actor", actor);
    }

    // --- identification ---

    @Test
    void canIdentifyRiskWhilePlanning() {
        fixture.given(proposed())
                .when(identify(SUPPLIER, 3, 4))
                .expectSuccessfulHandlerExecution()
                .expectEvents(SUPPLIER_IDENTIFIED);
    }

    @Test
    void canIdentifyRiskOnRunningProject() {
        fixture.given(active())
                .when(identify(SUPPLIER, 3, 4))
                .expectEvents(SUPPLIER_IDENTIFIED);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1})
    void cannotIdentifyRiskWithProbabilityOutOfRange(int probability) {
        assertThatThrownBy(() -> identify(SUPPLIER, probability, 3))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo(VALIDATION_FAILED))
                .hasMessageContaining("probability must be between 1 and 5");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6})
    void cannotIdentifyRiskWithImpactOutOfRange(int impact) {
        assertThatThrownBy(() -> identify(SUPPLIER, 3, impact))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo(VALIDATION_FAILED))
                .hasMessageContaining("impact must be between 1 and 5");
    }

    @Test
    void cannotIdentifyRiskWithoutTitleOwnerOrResponse() {
        assertThatThrownBy(() -> new IdentifyRiskCommand(PROJECT, SUPPLIER, " ", null, "Supplier", 3, 3, "Pia",
                RiskResponse.ACCEPT, null, REVIEW)).hasMessageContaining("title must not be blank");
        assertThatThrownBy(() -> new IdentifyRiskCommand(PROJECT, SUPPLIER, "Late", null, "Supplier", 3, 3, null,
                RiskResponse.ACCEPT, null, REVIEW)).hasMessageContaining("owner must not be blank");
        assertThatThrownBy(() -> new IdentifyRiskCommand(PROJECT, SUPPLIER, "Late", null, "Supplier", 3, 3, "Pia",
                null, null, REVIEW)).hasMessageContaining("response is required");
        assertThatThrownBy(() -> new IdentifyRiskCommand(PROJECT, SUPPLIER, "Late", null, "Supplier", 3, 3, "Pia",
                RiskResponse.ACCEPT, null, null)).hasMessageContaining("reviewDate is required");
    }

    @Test
    void cannotIdentifyRiskTwiceWithOneId() {
        fixture.given(proposed(SUPPLIER_IDENTIFIED))
                .when(identify(SUPPLIER, 2, 2))
                .expectException(refusedWith(ALREADY_EXISTS))
                .expectNoEvents();
    }

    @Test
    void cannotIdentifyRiskOnCancelledProject() {
        fixture.given(proposed(new ProjectCancelledEvent(PROJECT, ProjectStatus.PROPOSED, "No budget")))
                .when(identify(SUPPLIER, 3, 4))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectExceptionMessage(containsString("it is CANCELLED"))
                .expectNoEvents();
    }

    // --- reassessment ---

    @Test
    void canReassessOpenRiskKeepingItsReviewDate() {
        fixture.given(proposed(SUPPLIER_IDENTIFIED))
                .when(new ReassessRiskCommand(PROJECT, SUPPLIER, 2, 5, "Second supplier signed", null), by("pia"))
                .expectEvents(new RiskReassessedEvent(PROJECT, SUPPLIER, 3, 4, 2, 5, "Second supplier signed", REVIEW));
    }

    @Test
    void canReassessMitigatingRiskWithNewReviewDate() {
        LocalDate next = REVIEW.plusMonths(1);
        fixture.given(active(SUPPLIER_IDENTIFIED, new RiskMitigationStartedEvent(PROJECT, SUPPLIER),
                        new RiskReassessedEvent(PROJECT, SUPPLIER, 3, 4, 2, 4, "Halfway", REVIEW)))
                .when(new ReassessRiskCommand(PROJECT, SUPPLIER, 1, 4, "Done mostly", next))
                .expectEvents(new RiskReassessedEvent(PROJECT, SUPPLIER, 2, 4, 1, 4, "Done mostly", next));
    }

    @Test
    void cannotReassessRiskWithoutReason() {
        assertThatThrownBy(() -> new ReassessRiskCommand(PROJECT, SUPPLIER, 2, 2, null, null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo(VALIDATION_FAILED))
                .hasMessageContaining("reason must not be blank");
        assertThatThrownBy(() -> new ReassessRiskCommand(PROJECT, SUPPLIER, 2, 2, "  ", null))
                .hasMessageContaining("reason must not be blank");
    }

    @Test
    void cannotReassessRiskToRatingOutOfRange() {
        assertThatThrownBy(() -> new ReassessRiskCommand(PROJECT, SUPPLIER, 6, 2, "Worse", null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo(VALIDATION_FAILED));
        assertThatThrownBy(() -> new ReassessRiskCommand(PROJECT, SUPPLIER, 2, 0, "Better", null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo(VALIDATION_FAILED));
    }

    @Test
    void cannotReassessClosedRisk() {
        fixture.given(proposed(SUPPLIER_IDENTIFIED,
                        new RiskClosedEvent(PROJECT, SUPPLIER, RiskStatus.OPEN, "Supplier delivered")))
                .when(new ReassessRiskCommand(PROJECT, SUPPLIER, 2, 2, "Again", null))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectExceptionMessage(containsString("it is CLOSED, not OPEN or MITIGATING"))
                .expectNoEvents();
    }

    @Test
    void cannotReassessUnknownRisk() {
        fixture.given(proposed(SUPPLIER_IDENTIFIED))
                .when(new ReassessRiskCommand(PROJECT, OUTAGE, 2, 2, "Hm", null))
                .expectException(refusedWith(NOT_FOUND))
                .expectExceptionMessage(containsString("has no risk " + OUTAGE))
                .expectNoEvents();
    }

    // --- mitigation ---

    @Test
    void canStartMitigatingOpenRisk() {
        fixture.given(active(SUPPLIER_IDENTIFIED))
                .when(new StartRiskMitigationCommand(PROJECT, SUPPLIER))
                .expectEvents(new RiskMitigationStartedEvent(PROJECT, SUPPLIER));
    }

    @Test
    void cannotStartMitigatingRiskTwice() {
        fixture.given(active(SUPPLIER_IDENTIFIED, new RiskMitigationStartedEvent(PROJECT, SUPPLIER)))
                .when(new StartRiskMitigationCommand(PROJECT, SUPPLIER))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectExceptionMessage(containsString("it is MITIGATING, not OPEN"))
                .expectNoEvents();
    }

    @Test
    void cannotMitigateOccurredRisk() {
        fixture.given(active(SUPPLIER_IDENTIFIED,
                        new RiskOccurredEvent(PROJECT, SUPPLIER, RiskStatus.OPEN, "Two weeks late", null)))
                .when(new StartRiskMitigationCommand(PROJECT, SUPPLIER))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectExceptionMessage(containsString("it is OCCURRED"))
                .expectNoEvents();
    }

    @Test
    void cannotMitigateUnknownRisk() {
        fixture.given(active())
                .when(new StartRiskMitigationCommand(PROJECT, SUPPLIER))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    // --- closing ---

    @Test
    void canCloseMitigatingRisk() {
        fixture.given(active(SUPPLIER_IDENTIFIED, new RiskMitigationStartedEvent(PROJECT, SUPPLIER)))
                .when(new CloseRiskCommand(PROJECT, SUPPLIER, "Second supplier live"))
                .expectEvents(new RiskClosedEvent(PROJECT, SUPPLIER, RiskStatus.MITIGATING, "Second supplier live"));
    }

    @Test
    void cannotCloseClosedRisk() {
        fixture.given(active(SUPPLIER_IDENTIFIED, new RiskClosedEvent(PROJECT, SUPPLIER, RiskStatus.OPEN, "Gone")))
                .when(new CloseRiskCommand(PROJECT, SUPPLIER, "Gone again"))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectExceptionMessage(containsString("Cannot close risk " + SUPPLIER + ": it is CLOSED"))
                .expectNoEvents();
    }

    @Test
    void cannotCloseOccurredRisk() {
        fixture.given(active(SUPPLIER_IDENTIFIED,
                        new RiskOccurredEvent(PROJECT, SUPPLIER, RiskStatus.OPEN, "Late", null)))
                .when(new CloseRiskCommand(PROJECT, SUPPLIER, "Over"))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void cannotCloseRiskWithoutReason() {
        assertThatThrownBy(() -> new CloseRiskCommand(PROJECT, SUPPLIER, ""))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo(VALIDATION_FAILED))
                .hasMessageContaining("reason must not be blank");
    }

    // --- occurrence ---

    @Test
    void canRecordOpenRiskOccurredWithChangeRequestOfProject() {
        fixture.given(active(SUPPLIER_IDENTIFIED, new ChangeRequestSubmittedEvent(PROJECT, CR1, "Replan", "Late",
                        List.of(ProposedChange.removeDeliverable(DeliverableId.of(
                                "00000000-0000-0000-0000-0000000000d1"))), "alice")))
                .when(new RecordRiskOccurredCommand(PROJECT, SUPPLIER, "Two weeks late", CR1))
                .expectEvents(new RiskOccurredEvent(PROJECT, SUPPLIER, RiskStatus.OPEN, "Two weeks late", CR1));
    }

    @Test
    void canRecordMitigatingRiskOccurredWithoutChangeRequest() {
        fixture.given(active(SUPPLIER_IDENTIFIED, new RiskMitigationStartedEvent(PROJECT, SUPPLIER)))
                .when(new RecordRiskOccurredCommand(PROJECT, SUPPLIER, "One week late", null))
                .expectEvents(new RiskOccurredEvent(PROJECT, SUPPLIER, RiskStatus.MITIGATING, "One week late", null));
    }

    @Test
    void cannotRecordOccurrenceLinkingUnknownChangeRequest() {
        fixture.given(active(SUPPLIER_IDENTIFIED))
                .when(new RecordRiskOccurredCommand(PROJECT, SUPPLIER, "Two weeks late", CR1))
                .expectException(refusedWith(NOT_FOUND))
                .expectExceptionMessage(containsString("has no change request " + CR1))
                .expectNoEvents();
    }

    @Test
    void cannotRecordOccurrenceOfUnknownRisk() {
        fixture.given(active())
                .when(new RecordRiskOccurredCommand(PROJECT, SUPPLIER, "Late", null))
                .expectException(refusedWith(NOT_FOUND))
                .expectExceptionMessage(containsString("has no risk " + SUPPLIER))
                .expectNoEvents();
    }

    @Test
    void cannotRecordClosedRiskOccurred() {
        fixture.given(active(SUPPLIER_IDENTIFIED, new RiskClosedEvent(PROJECT, SUPPLIER, RiskStatus.OPEN, "Gone")))
                .when(new RecordRiskOccurredCommand(PROJECT, SUPPLIER, "Late after all", null))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void cannotRecordOccurrenceWithoutImpactNote() {
        assertThatThrownBy(() -> new RecordRiskOccurredCommand(PROJECT, SUPPLIER, null, null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo(VALIDATION_FAILED))
                .hasMessageContaining("impactNote must not be blank");
    }

    // --- the project's lifecycle ---

    @Test
    void cannotChangeRiskOfCancelledProject() {
        fixture.given(active(SUPPLIER_IDENTIFIED,
                        new ProjectCancelledEvent(PROJECT, ProjectStatus.ACTIVE, "No budget"),
                        new RiskClosedEvent(PROJECT, SUPPLIER, RiskStatus.OPEN, "Project cancelled: No budget")))
                .when(new ReassessRiskCommand(PROJECT, SUPPLIER, 1, 1, "Hm", null))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectExceptionMessage(containsString("Cannot change the risk register of project"))
                .expectNoEvents();
    }

    @Test
    void cancellingProjectClosesItsOpenRisks() {
        fixture.given(active(SUPPLIER_IDENTIFIED, identified(OUTAGE, 2, 2, RiskResponse.ACCEPT),
                        new RiskMitigationStartedEvent(PROJECT, OUTAGE),
                        identified(INSURED, 4, 4, RiskResponse.TRANSFER),
                        new RiskClosedEvent(PROJECT, SUPPLIER, RiskStatus.OPEN, "Gone")))
                .when(new CancelProjectCommand(PROJECT, "No budget"), by("pia"))
                .expectEvents(new ProjectCancelledEvent(PROJECT, ProjectStatus.ACTIVE, "No budget"),
                        new RiskClosedEvent(PROJECT, OUTAGE, RiskStatus.MITIGATING, "Project cancelled: No budget"),
                        new RiskClosedEvent(PROJECT, INSURED, RiskStatus.OPEN, "Project cancelled: No budget"));
    }

    @Test
    void cancellingProjectClosesChangeRequestsBeforeRisks() {
        fixture.given(active(SUPPLIER_IDENTIFIED, new ChangeRequestSubmittedEvent(PROJECT, CR1, "Replan", "Late",
                        List.of(ProposedChange.removeDeliverable(DeliverableId.of(
                                "00000000-0000-0000-0000-0000000000d1"))), "alice")))
                .when(new CancelProjectCommand(PROJECT, "No budget"), by("pia"))
                .expectEvents(new ProjectCancelledEvent(PROJECT, ProjectStatus.ACTIVE, "No budget"),
                        new ChangeRequestClosedEvent(PROJECT, CR1, "pia", "Project cancelled: No budget"),
                        new RiskClosedEvent(PROJECT, SUPPLIER, RiskStatus.OPEN, "Project cancelled: No budget"));
    }

    // --- closure ---

    @Test
    void openAndMitigatingRisksBlockClosureUnlessTransferred() {
        RiskId occurred = RiskId.of("00000000-0000-0000-0000-0000000000a4");
        RiskId closed = RiskId.of("00000000-0000-0000-0000-0000000000a5");
        RiskId transferredMitigating = RiskId.of("00000000-0000-0000-0000-0000000000a6");
        RiskRegister register = new RiskRegister();
        register.on(identified(SUPPLIER, 3, 4, RiskResponse.MITIGATE));
        register.on(identified(OUTAGE, 2, 5, RiskResponse.ACCEPT));
        register.on(new RiskMitigationStartedEvent(PROJECT, OUTAGE));
        register.on(identified(INSURED, 5, 5, RiskResponse.TRANSFER));
        register.on(identified(transferredMitigating, 5, 5, RiskResponse.TRANSFER));
        register.on(new RiskMitigationStartedEvent(PROJECT, transferredMitigating));
        register.on(identified(occurred, 4, 4, RiskResponse.AVOID));
        register.on(new RiskOccurredEvent(PROJECT, occurred, RiskStatus.OPEN, "Happened", null));
        register.on(identified(closed, 4, 4, RiskResponse.AVOID));
        register.on(new RiskClosedEvent(PROJECT, closed, RiskStatus.OPEN, "Gone"));

        List<ClosureBlocker> blockers = register.closureBlockers();

        assertThat(blockers).extracting(ClosureBlocker::condition).containsOnly(ClosureBlocker.OPEN_RISK);
        assertThat(blockers).extracting(ClosureBlocker::subjectId)
                .containsExactly(SUPPLIER.toString(), OUTAGE.toString());
        assertThat(blockers.get(0).description()).contains("OPEN", "MITIGATE", "exposure 12");
        assertThat(blockers.get(1).description()).contains("MITIGATING", "exposure 10");
    }

    @Test
    void emptyRegisterBlocksNothing() {
        assertThat(new RiskRegister().closureBlockers()).isEmpty();
    }
}
