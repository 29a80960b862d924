package dev.portfolioledger.command.project;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.changerequest.ChangeKind;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.changerequest.SubmitChangeRequestCommand;
import dev.portfolioledger.api.changerequest.AssessChangeRequestCommand;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.ProjectId;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Proposed changes and change request commands are refused when malformed, per kind. */
class ProposedChangeShapeTest {

    private static final ProjectId PROJECT = ProjectId.of("00000000-0000-0000-0000-0000000000c1");
    private static final ChangeRequestId CR = ChangeRequestId.of("00000000-0000-0000-0000-0000000000f1");
    private static final DeliverableId BUILD = DeliverableId.of("00000000-0000-0000-0000-0000000000d2");
    private static final MilestoneId GO_LIVE = MilestoneId.of("00000000-0000-0000-0000-0000000000e1");
    private static final LocalDate MAR = LocalDate.of(2027, 3, 1);
    private static final LocalDate JUN = LocalDate.of(2027, 6, 30);
    private static final DeliverablePlan BUILD_PLAN =
            new DeliverablePlan(BUILD, " Build ", " ", null, Money.of("48000", "EUR"), MAR, JUN);

    private static void assertValidationFailed(ThrowingCallable building) {
        assertThatThrownBy(building).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void addDeliverableCarriesTheTrimmedPlan() {
        ProposedChange change = ProposedChange.addDeliverable(BUILD_PLAN);
        assertThat(change.kind()).isEqualTo(ChangeKind.ADD_DELIVERABLE);
        assertThat(change.deliverable().name()).isEqualTo("Build");
        assertThat(change.deliverable().description()).isNull();
        assertThat(change.targetDeliverableId()).isEqualTo(BUILD);
    }

    @Test
    void addDeliverableNeedsAPlan() {
        assertValidationFailed(() -> ProposedChange.addDeliverable(null));
    }

    @Test
    void addedDeliverableNeedsAName() {
        assertValidationFailed(() -> ProposedChange.addDeliverable(
                new DeliverablePlan(BUILD, "  ", null, null, Money.of("1", "EUR"), MAR, JUN)));
    }

    @Test
    void modifiedDeliverableCostMustNotBeNegative() {
        assertValidationFailed(() -> ProposedChange.modifyDeliverable(
                new DeliverablePlan(BUILD, "Build", null, null, Money.of("-1", "EUR"), MAR, JUN)));
    }

    @Test
    void modifiedDeliverableMustNotFinishBeforeItStarts() {
        assertValidationFailed(() -> ProposedChange.modifyDeliverable(
                new DeliverablePlan(BUILD, "Build", null, null, Money.of("1", "EUR"), JUN, MAR)));
    }

    @Test
    void removeDeliverableNeedsAnId() {
        assertValidationFailed(() -> ProposedChange.removeDeliverable(null));
        assertThat(ProposedChange.removeDeliverable(BUILD).targetDeliverableId()).isEqualTo(BUILD);
    }

    @Test
    void moveMilestoneNeedsMilestoneAndDate() {
        assertValidationFailed(() -> ProposedChange.moveMilestone(null, JUN));
        assertValidationFailed(() -> ProposedChange.moveMilestone(GO_LIVE, null));
        assertThat(ProposedChange.moveMilestone(GO_LIVE, JUN).newDueDate()).isEqualTo(JUN);
    }

    @Test
    void changeBudgetNeedsCategoryAndNonNegativeAmount() {
        assertValidationFailed(() -> ProposedChange.changeBudget(null, Money.of("1", "EUR")));
        assertValidationFailed(() -> ProposedChange.changeBudget(CostCategory.LABOUR, null));
        assertValidationFailed(() -> ProposedChange.changeBudget(CostCategory.LABOUR, Money.of("-1", "EUR")));
        assertThat(ProposedChange.changeBudget(CostCategory.LABOUR, Money.of("0", "EUR")).category())
                .isEqualTo(CostCategory.LABOUR);
    }

    @Test
    void fieldsOfAnotherKindAreRefused() {
        assertValidationFailed(() -> new ProposedChange(ChangeKind.REMOVE_DELIVERABLE, null, BUILD, GO_LIVE,
                null, null, null));
        assertValidationFailed(() -> new ProposedChange(ChangeKind.CHANGE_BUDGET, null, null, null, JUN,
                CostCategory.LABOUR, Money.of("1", "EUR")));
        assertValidationFailed(() -> new ProposedChange(ChangeKind.ADD_DELIVERABLE, BUILD_PLAN, BUILD, null,
                null, null, null));
    }

    @Test
    void kindIsRequired() {
        assertValidationFailed(() -> new ProposedChange(null, null, BUILD, null, null, null, null));
    }

    @Test
    void changeRequestNeedsOneToAHundredChanges() {
        ProposedChange change = ProposedChange.removeDeliverable(BUILD);
        assertValidationFailed(() -> new SubmitChangeRequestCommand(PROJECT, CR, "Title", "Why", List.of()));
        assertValidationFailed(() -> new SubmitChangeRequestCommand(PROJECT, CR, "Title", "Why", null));
        assertValidationFailed(() -> new SubmitChangeRequestCommand(PROJECT, CR, "Title", "Why",
                Collections.nCopies(SubmitChangeRequestCommand.MAX_CHANGES + 1, change)));
        assertThat(new SubmitChangeRequestCommand(PROJECT, CR, "Title", "Why",
                Collections.nCopies(SubmitChangeRequestCommand.MAX_CHANGES, change)).changes())
                .hasSize(SubmitChangeRequestCommand.MAX_CHANGES);
    }

    @Test
    void changeRequestNeedsTitleAndJustification() {
        List<ProposedChange> changes = List.of(ProposedChange.removeDeliverable(BUILD));
        assertValidationFailed(() -> new SubmitChangeRequestCommand(PROJECT, CR, " ", "Why", changes));
        assertValidationFailed(() -> new SubmitChangeRequestCommand(PROJECT, CR, "Title", null, changes));
    }

    @Test
    void assessmentMayReportSavings() {
        assertThat(new AssessChangeRequestCommand(PROJECT, CR, Money.of("-100", "EUR"), -5, null).costImpact())
                .isEqualTo(Money.of("-100", "EUR"));
        assertValidationFailed(() -> new AssessChangeRequestCommand(PROJECT, CR, null, 0, null));
    }
}
