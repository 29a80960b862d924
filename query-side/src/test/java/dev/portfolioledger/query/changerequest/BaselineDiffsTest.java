package dev.portfolioledger.query.changerequest;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.BudgetLine;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.MilestonePlan;
import dev.portfolioledger.api.project.ProjectId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineDiffsTest {

    private static final ProjectId PROJECT = ProjectId.random();
    private static final Instant AT = Instant.parse("2027-03-01T10:00:00Z");

    private static final DeliverablePlan DESIGN = deliverable("Design", "12000.50", 1, 2);
    private static final DeliverablePlan BUILD = deliverable("Build", "48000", 3, 5);
    private static final DeliverablePlan TRAINING = deliverable("Training", "3000", 6, 6);
    private static final MilestonePlan GO_LIVE = new MilestonePlan(MilestoneId.random(), "Go-live",
                                                                   LocalDate.of(2027, 6, 30),
                                                                   List.of(BUILD.deliverableId()));
    private static final MilestonePlan KICK_OFF = new MilestonePlan(MilestoneId.random(), "Kick-off",
                                                                    LocalDate.of(2027, 1, 4), List.of());

    private static final ChangeRequestId CR2 = ChangeRequestId.random();
    private static final ChangeRequestId CR3 = ChangeRequestId.random();
    private static final ChangeRequestId CR4 = ChangeRequestId.random();

    private static DeliverablePlan deliverable(String name, String cost, int startMonth, int finishMonth) {
        return new DeliverablePlan(DeliverableId.random(), name, name + " work", "Signed off",
                                   Money.of(cost, "EUR"), LocalDate.of(2027, startMonth, 1),
                                   LocalDate.of(2027, finishMonth, 28));
    }

    private static final DeliverablePlan BUILD_LONGER = new DeliverablePlan(
            BUILD.deliverableId(), "Build", "Build work", "Signed off", Money.of("52000", "EUR"),
            LocalDate.of(2027, 3, 1), LocalDate.of(2027, 6, 28));

    /** v1: design, build, go-live, labour 60000 and travel 2000. */
    private static final BaselineVersion V1 = BaselineVersion.of(new BaselineEstablishedEvent(
            PROJECT, 1, List.of(DESIGN, BUILD), List.of(KICK_OFF, GO_LIVE),
            List.of(new BudgetLine(CostCategory.LABOUR, Money.of("60000", "EUR")),
                    new BudgetLine(CostCategory.TRAVEL, Money.of("2000", "EUR")))), AT);
    /** v2 (CR2): build takes longer and costs more, go-live moves, labour up. */
    private static final BaselineVersion V2 = BaselineVersion.of(new BaselineRevisedEvent(
            PROJECT, 2, CR2, List.of(ProposedChange.modifyDeliverable(BUILD_LONGER),
                                     ProposedChange.moveMilestone(GO_LIVE.milestoneId(), LocalDate.of(2027, 7, 30)),
                                     ProposedChange.changeBudget(CostCategory.LABOUR, Money.of("64000", "EUR")))),
            AT.plusSeconds(60));
    /** v3 (CR3): training added, design removed, travel cleared, equipment planned. */
    private static final BaselineVersion V3 = BaselineVersion.of(new BaselineRevisedEvent(
            PROJECT, 3, CR3, List.of(ProposedChange.addDeliverable(TRAINING),
                                     ProposedChange.removeDeliverable(DESIGN.deliverableId()),
                                     ProposedChange.changeBudget(CostCategory.TRAVEL, Money.of("0", "EUR")),
                                     ProposedChange.changeBudget(CostCategory.EQUIPMENT, Money.of("900", "EUR")))),
            AT.plusSeconds(120));
    /** v4 (CR4): go-live moves again, labour set to the same amount with another scale. */
    private static final BaselineVersion V4 = BaselineVersion.of(new BaselineRevisedEvent(
            PROJECT, 4, CR4, List.of(ProposedChange.moveMilestone(GO_LIVE.milestoneId(), LocalDate.of(2027, 8, 31)),
                                     ProposedChange.changeBudget(CostCategory.LABOUR, Money.of("64000.00", "EUR")))),
            AT.plusSeconds(180));
    private static final List<BaselineVersion> VERSIONS = List.of(V1, V2, V3, V4);

    @Test
    void changedDeliverablesAreComparedFieldByFieldWithTheirCause() {
        BaselineDiff diff = BaselineDiffs.diff(VERSIONS, 1, 2);

        assertThat(diff.fromVersion()).isEqualTo(1);
        assertThat(diff.toVersion()).isEqualTo(2);
        assertThat(diff.addedDeliverables()).isEmpty();
        assertThat(diff.removedDeliverables()).isEmpty();
        assertThat(diff.changedDeliverables()).containsExactly(new BaselineDiff.ChangedDeliverable(
                BUILD.deliverableId().toString(), "Build",
                List.of(new BaselineDiff.FieldChange("plannedCost", "48000 EUR", "52000 EUR"),
                        new BaselineDiff.FieldChange("plannedFinish", "2027-05-28", "2027-06-28")),
                List.of(CR2.toString())));
        assertThat(diff.movedMilestones()).containsExactly(new BaselineDiff.MovedMilestone(
                GO_LIVE.milestoneId().toString(), "Go-live", LocalDate.of(2027, 6, 30), LocalDate.of(2027, 7, 30),
                List.of(CR2.toString())));
        assertThat(diff.budgetChanges()).containsExactly(new BaselineDiff.BudgetChange(
                CostCategory.LABOUR, Money.of("60000", "EUR"), Money.of("64000", "EUR"), List.of(CR2.toString())));
    }

    @Test
    void addedAndRemovedDeliverablesAndBudgetLinesOverSeveralVersions() {
        BaselineDiff diff = BaselineDiffs.diff(VERSIONS, 1, 4);

        assertThat(diff.addedDeliverables()).containsExactly(
                new BaselineDiff.DeliverableDiff(TRAINING, List.of(CR3.toString())));
        assertThat(diff.removedDeliverables()).containsExactly(
                new BaselineDiff.DeliverableDiff(DESIGN, List.of(CR3.toString())));
        assertThat(diff.changedDeliverables()).extracting(BaselineDiff.ChangedDeliverable::deliverableId)
                .containsExactly(BUILD.deliverableId().toString());
        assertThat(diff.movedMilestones()).containsExactly(new BaselineDiff.MovedMilestone(
                GO_LIVE.milestoneId().toString(), "Go-live", LocalDate.of(2027, 6, 30), LocalDate.of(2027, 8, 31),
                List.of(CR2.toString(), CR4.toString())));
        assertThat(diff.budgetChanges()).containsExactly(
                new BaselineDiff.BudgetChange(CostCategory.LABOUR, Money.of("60000", "EUR"),
                                              Money.of("64000.00", "EUR"), List.of(CR2.toString(), CR4.toString())),
                new BaselineDiff.BudgetChange(CostCategory.TRAVEL, Money.of("2000", "EUR"), null,
                                              List.of(CR3.toString())),
                new BaselineDiff.BudgetChange(CostCategory.EQUIPMENT, null, Money.of("900", "EUR"),
                                              List.of(CR3.toString())));
    }

    @Test
    void onlyTheVersionsInTheRangeAreAttributedAndSameValuesAreNoChange() {
        BaselineDiff diff = BaselineDiffs.diff(VERSIONS, 3, 4);

        assertThat(diff.addedDeliverables()).isEmpty();
        assertThat(diff.removedDeliverables()).isEmpty();
        assertThat(diff.changedDeliverables()).isEmpty();
        assertThat(diff.movedMilestones()).singleElement().satisfies(m -> {
            assertThat(m.oldDueDate()).isEqualTo(LocalDate.of(2027, 7, 30));
            assertThat(m.changeRequestIds()).containsExactly(CR4.toString());
        });
        // 64000 and 64000.00 are the same budget
        assertThat(diff.budgetChanges()).isEmpty();
    }

    @Test
    void aVersionComparedWithItselfHasNoDifferences() {
        BaselineDiff diff = BaselineDiffs.diff(VERSIONS, 2, 2);

        assertThat(diff.addedDeliverables()).isEmpty();
        assertThat(diff.removedDeliverables()).isEmpty();
        assertThat(diff.changedDeliverables()).isEmpty();
        assertThat(diff.movedMilestones()).isEmpty();
        assertThat(diff.budgetChanges()).isEmpty();
    }

    @Test
    void fieldChangesListEveryDifferingFieldWithUnsetValuesAsNull() {
        DeliverablePlan renamed = new DeliverablePlan(DESIGN.deliverableId(), "UX design", null, "Approved",
                                                      Money.of("12000.5", "EUR"), LocalDate.of(2027, 1, 15),
                                                      DESIGN.plannedFinish());

        assertThat(BaselineDiffs.fieldChanges(DESIGN, renamed)).containsExactly(
                new BaselineDiff.FieldChange("name", "Design", "UX design"),
                new BaselineDiff.FieldChange("description", "Design work", null),
                new BaselineDiff.FieldChange("acceptanceCriteria", "Signed off", "Approved"),
                new BaselineDiff.FieldChange("plannedStart", "2027-01-01", "2027-01-15"));
    }

    @Test
    void fromAfterToIsRefused() {
        assertThatThrownBy(() -> BaselineDiffs.diff(VERSIONS, 3, 2))
                .isInstanceOfSatisfying(RuleViolation.class,
                                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED))
                .hasMessageContaining("after");
    }

    @Test
    void unknownVersionsAreRefused() {
        assertThatThrownBy(() -> BaselineDiffs.diff(VERSIONS, 1, 5))
                .isInstanceOfSatisfying(RuleViolation.class,
                                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED))
                .hasMessageContaining("5");
        assertThatThrownBy(() -> BaselineDiffs.diff(VERSIONS, 0, 2))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> BaselineDiffs.diff(List.of(), 1, 1))
                .isInstanceOfSatisfying(RuleViolation.class,
                                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED))
                .hasMessageContaining("no baseline");
    }
}
