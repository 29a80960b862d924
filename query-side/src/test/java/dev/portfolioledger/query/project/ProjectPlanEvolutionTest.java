package dev.portfolioledger.query.project;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.BudgetLine;
import dev.portfolioledger.api.project.BudgetLinePlannedEvent;
import dev.portfolioledger.api.project.CostCategory;
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
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectObjectivesDefinedEvent;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import org.junit.jupiter.api.Test;

import java.util.Currency;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectPlanEvolutionTest {

    private static final ProjectId PROJECT = ProjectId.random();
    private static final ProjectProposedEvent PROPOSED = new ProjectProposedEvent(
            PROJECT, PortfolioId.random(), null, "CRM rollout", null, "alice", "bob",
            Methodology.WATERFALL, LocalDate.of(2027, 1, 4), LocalDate.of(2027, 12, 17), Currency.getInstance("EUR"));

    private static final DeliverablePlan DESIGN = deliverable("Design", "12000.50", 1, 2);
    private static final DeliverablePlan BUILD = deliverable("Build", "48000", 3, 5);
    private static final DeliverablePlan TEST = deliverable("Test", "9000", 6, 7);

    private static DeliverablePlan deliverable(String name, String cost, int startMonth, int finishMonth) {
        return new DeliverablePlan(DeliverableId.random(), name, name + " work", "Signed off",
                                   Money.of(cost, "EUR"), LocalDate.of(2027, startMonth, 1),
                                   LocalDate.of(2027, finishMonth, 28));
    }

    private static MilestonePlan milestone(String name, DeliverablePlan... marked) {
        return new MilestonePlan(MilestoneId.random(), name, LocalDate.of(2027, 6, 30),
                                 List.of(marked).stream().map(DeliverablePlan::deliverableId).toList());
    }

    private static BudgetLinePlannedEvent budget(CostCategory category, String amount) {
        return new BudgetLinePlannedEvent(PROJECT, new BudgetLine(category, Money.of(amount, "EUR")));
    }

    private static ProjectPlan fold(Object... events) {
        ProjectPlan plan = null;
        for (Object event : events) {
            plan = ProjectPlanEvolution.apply(plan, event);
        }
        return plan;
    }

    private static DeliverableAddedEvent added(DeliverablePlan deliverable) {
        return new DeliverableAddedEvent(PROJECT, deliverable);
    }

    @Test
    void proposalStartsAnEmptyPlanWithoutBaseline() {
        assertThat(fold(PROPOSED)).isEqualTo(ProjectPlan.empty(PROJECT));
        assertThat(fold(PROPOSED).baselineVersion()).isNull();
    }

    @Test
    void addedDeliverablesKeepTheOrderTheyWereAddedIn() {
        ProjectPlan plan = fold(PROPOSED, added(DESIGN), added(BUILD), added(TEST));

        assertThat(plan.deliverables()).containsExactly(DESIGN, BUILD, TEST);
    }

    @Test
    void revisedDeliverableIsReplacedInPlace() {
        DeliverablePlan cheaperBuild = new DeliverablePlan(BUILD.deliverableId(), "Build v2", null, null,
                                                           Money.of("40000", "EUR"), BUILD.plannedStart(),
                                                           BUILD.plannedFinish());

        ProjectPlan plan = fold(PROPOSED, added(DESIGN), added(BUILD), added(TEST),
                                new DeliverableRevisedEvent(PROJECT, cheaperBuild));

        assertThat(plan.deliverables()).containsExactly(DESIGN, cheaperBuild, TEST);
    }

    @Test
    void removedDeliverableIsGoneAndUnlinkedFromMilestones() {
        MilestonePlan designAndBuild = milestone("Ready to test", DESIGN, BUILD);
        MilestonePlan buildOnly = milestone("Built", BUILD);
        MilestonePlan designOnly = milestone("Designed", DESIGN);

        ProjectPlan plan = fold(PROPOSED, added(DESIGN), added(BUILD),
                                new MilestoneScheduledEvent(PROJECT, designAndBuild),
                                new MilestoneScheduledEvent(PROJECT, buildOnly),
                                new MilestoneScheduledEvent(PROJECT, designOnly),
                                new DeliverableRemovedEvent(PROJECT, BUILD.deliverableId()));

        assertThat(plan.deliverables()).containsExactly(DESIGN);
        assertThat(plan.milestones()).extracting(MilestonePlan::deliverableIds).containsExactly(
                List.of(DESIGN.deliverableId()), List.of(), List.of(DESIGN.deliverableId()));
        assertThat(plan.milestones()).extracting(MilestonePlan::milestoneId).containsExactly(
                designAndBuild.milestoneId(), buildOnly.milestoneId(), designOnly.milestoneId());
    }

    @Test
    void scheduledMilestonesKeepTheirOrderAndLinks() {
        MilestonePlan first = milestone("Designed", DESIGN);
        MilestonePlan second = milestone("Built", BUILD, DESIGN);

        ProjectPlan plan = fold(PROPOSED, added(DESIGN), added(BUILD),
                                new MilestoneScheduledEvent(PROJECT, first),
                                new MilestoneScheduledEvent(PROJECT, second));

        assertThat(plan.milestones()).containsExactly(first, second);
        assertThat(plan.milestones().get(1).deliverableIds())
                .containsExactly(BUILD.deliverableId(), DESIGN.deliverableId());
    }

    @Test
    void revisedMilestoneIsReplacedInPlace() {
        MilestonePlan first = milestone("Designed", DESIGN);
        MilestonePlan second = milestone("Built", BUILD);
        MilestonePlan moved = new MilestonePlan(first.milestoneId(), "Design signed off",
                                                LocalDate.of(2027, 3, 1), List.of());

        ProjectPlan plan = fold(PROPOSED, added(DESIGN), added(BUILD),
                                new MilestoneScheduledEvent(PROJECT, first),
                                new MilestoneScheduledEvent(PROJECT, second),
                                new MilestoneRevisedEvent(PROJECT, moved));

        assertThat(plan.milestones()).containsExactly(moved, second);
    }

    @Test
    void removedMilestoneIsGoneAndItsDeliverablesStay() {
        MilestonePlan first = milestone("Designed", DESIGN);
        MilestonePlan second = milestone("Built", BUILD);

        ProjectPlan plan = fold(PROPOSED, added(DESIGN), added(BUILD),
                                new MilestoneScheduledEvent(PROJECT, first),
                                new MilestoneScheduledEvent(PROJECT, second),
                                new MilestoneRemovedEvent(PROJECT, first.milestoneId()));

        assertThat(plan.milestones()).containsExactly(second);
        assertThat(plan.deliverables()).containsExactly(DESIGN, BUILD);
    }

    @Test
    void budgetLinesAreSetPerCategoryInPlaceAndInTheOrderFirstPlanned() {
        ProjectPlan plan = fold(PROPOSED, budget(CostCategory.LABOUR, "50000"),
                                budget(CostCategory.CONTINGENCY, "5000.00"),
                                budget(CostCategory.LABOUR, "45000"));

        assertThat(plan.budget()).containsExactly(
                new BudgetLine(CostCategory.LABOUR, Money.of("45000", "EUR")),
                new BudgetLine(CostCategory.CONTINGENCY, Money.of("5000.00", "EUR")));
    }

    @Test
    void approvalKeepsBudgetLinesInTheOrderFirstPlanned() {
        // stored approvals list their lines in category order (LABOUR before MATERIALS)
        BaselineEstablishedEvent inCategoryOrder = new BaselineEstablishedEvent(PROJECT, 1, List.of(), List.of(),
                List.of(new BudgetLine(CostCategory.LABOUR, Money.of("45000", "EUR")),
                        new BudgetLine(CostCategory.MATERIALS, Money.of("8000", "EUR"))));
        ProjectPlan plan = fold(PROPOSED, budget(CostCategory.MATERIALS, "8000"), budget(CostCategory.LABOUR, "45000"),
                                new ProjectApprovedEvent(PROJECT), inCategoryOrder);

        assertThat(plan.budget()).extracting(BudgetLine::category)
                .containsExactly(CostCategory.MATERIALS, CostCategory.LABOUR);
        assertThat(plan.baselineVersion()).isEqualTo(1);
    }

    @Test
    void zeroClearsABudgetLine() {
        ProjectPlan plan = fold(PROPOSED, budget(CostCategory.LABOUR, "50000"), budget(CostCategory.TRAVEL, "300"),
                                budget(CostCategory.TRAVEL, "0.00"));

        assertThat(plan.budget()).containsExactly(new BudgetLine(CostCategory.LABOUR, Money.of("50000", "EUR")));
    }

    @Test
    void zeroForACategoryWithoutLineChangesNothing() {
        ProjectPlan before = fold(PROPOSED, budget(CostCategory.LABOUR, "50000"));

        assertThat(ProjectPlanEvolution.apply(before, budget(CostCategory.TRAVEL, "0"))).isEqualTo(before);
    }

    @Test
    void objectivesAreReplacedAsAWhole() {
        ProjectPlan plan = fold(PROPOSED,
                                new ProjectObjectivesDefinedEvent(PROJECT, List.of("Cut order time", "Retire CRM")),
                                new ProjectObjectivesDefinedEvent(PROJECT, List.of("Cut order time by half")));

        assertThat(plan.objectives()).containsExactly("Cut order time by half");
    }

    @Test
    void baselineEstablishedSetsVersionOneAndFreezesItsContent() {
        MilestonePlan designed = milestone("Designed", DESIGN);
        BudgetLine labour = new BudgetLine(CostCategory.LABOUR, Money.of("50000", "EUR"));
        ProjectPlan planned = fold(PROPOSED, added(DESIGN), new MilestoneScheduledEvent(PROJECT, designed),
                                   budget(CostCategory.LABOUR, "50000"),
                                   new ProjectObjectivesDefinedEvent(PROJECT, List.of("Cut order time")));

        ProjectPlan baselined = ProjectPlanEvolution.apply(
                ProjectPlanEvolution.apply(planned, new ProjectApprovedEvent(PROJECT)),
                new BaselineEstablishedEvent(PROJECT, 1, List.of(DESIGN), List.of(designed), List.of(labour)));

        assertThat(baselined).isEqualTo(new ProjectPlan(PROJECT, List.of(DESIGN), List.of(designed),
                                                        List.of(labour), List.of("Cut order time"), 1));
    }

    @Test
    void baselineLeavesOutZeroBudgetLines() {
        BudgetLine zero = new BudgetLine(CostCategory.TRAVEL, Money.of("0", "EUR"));

        ProjectPlan plan = fold(PROPOSED, new BaselineEstablishedEvent(PROJECT, 1, List.of(), List.of(), List.of(zero)));

        assertThat(plan.budget()).isEmpty();
    }

    @Test
    void eventsThatDoNotTouchThePlanLeaveItAsItIs() {
        ProjectPlan planned = fold(PROPOSED, added(DESIGN));

        assertThat(ProjectPlanEvolution.apply(planned, new ProjectApprovedEvent(PROJECT))).isSameAs(planned);
    }

    @Test
    void cannotApplyAPlanEventBeforeTheProposal() {
        assertThatThrownBy(() -> ProjectPlanEvolution.apply(null, added(DESIGN)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DeliverableAddedEvent");
    }

    @Test
    void cannotAddADeliverableTwice() {
        ProjectPlan planned = fold(PROPOSED, added(DESIGN));

        assertThatThrownBy(() -> ProjectPlanEvolution.apply(planned, added(DESIGN)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already planned");
    }

    @Test
    void cannotReviseOrRemoveAnUnknownDeliverable() {
        ProjectPlan planned = fold(PROPOSED, added(DESIGN));

        assertThatThrownBy(() -> ProjectPlanEvolution.apply(planned, new DeliverableRevisedEvent(PROJECT, BUILD)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ProjectPlanEvolution.apply(
                planned, new DeliverableRemovedEvent(PROJECT, BUILD.deliverableId())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cannotScheduleAMilestoneTwiceOrReviseOrRemoveAnUnknownOne() {
        MilestonePlan designed = milestone("Designed", DESIGN);
        ProjectPlan planned = fold(PROPOSED, added(DESIGN), new MilestoneScheduledEvent(PROJECT, designed));
        MilestonePlan unknown = milestone("Unknown");

        assertThatThrownBy(() -> ProjectPlanEvolution.apply(planned, new MilestoneScheduledEvent(PROJECT, designed)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ProjectPlanEvolution.apply(planned, new MilestoneRevisedEvent(PROJECT, unknown)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ProjectPlanEvolution.apply(
                planned, new MilestoneRemovedEvent(PROJECT, unknown.milestoneId())))
                .isInstanceOf(IllegalStateException.class);
    }
}
