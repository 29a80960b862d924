package dev.portfolioledger.query.project;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.BudgetLine;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.MilestonePlan;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import org.junit.jupiter.api.Test;

import java.util.Currency;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How an approved change request's BaselineRevisedEvent changes the plan view. */
class ProjectPlanRevisionTest {

    private static final ProjectId PROJECT = ProjectId.random();
    private static final DeliverablePlan DESIGN = deliverable("Design", "12000");
    private static final DeliverablePlan BUILD = deliverable("Build", "48000");
    private static final MilestonePlan SIGN_OFF = new MilestonePlan(MilestoneId.random(), "Sign-off",
            LocalDate.of(2027, 3, 31), List.of(DESIGN.deliverableId(), BUILD.deliverableId()));

    private static DeliverablePlan deliverable(String name, String cost) {
        return new DeliverablePlan(DeliverableId.random(), name, null, null, Money.of(cost, "EUR"),
                                   LocalDate.of(2027, 1, 4), LocalDate.of(2027, 3, 31));
    }

    private static ProjectPlan baselined() {
        ProjectPlan plan = ProjectPlanEvolution.apply(null, new ProjectProposedEvent(PROJECT, PortfolioId.random(),
                null, "CRM", null, "alice", "bob", Methodology.SCRUM, LocalDate.of(2027, 1, 4),
                LocalDate.of(2027, 12, 17), Currency.getInstance("EUR")));
        return ProjectPlanEvolution.apply(plan, new BaselineEstablishedEvent(PROJECT, 1, List.of(DESIGN, BUILD),
                List.of(SIGN_OFF), List.of(new BudgetLine(CostCategory.LABOUR, Money.of("50000", "EUR")))));
    }

    private static ProjectPlan revise(ProjectPlan plan, int version, ProposedChange... changes) {
        return ProjectPlanEvolution.apply(plan, new BaselineRevisedEvent(PROJECT, version, ChangeRequestId.random(),
                                                                         List.of(changes)));
    }

    @Test
    void revisionAppliesEveryChangeAndTakesTheNewVersion() {
        DeliverablePlan training = deliverable("Training", "2000");
        DeliverablePlan cheaperDesign = new DeliverablePlan(DESIGN.deliverableId(), "Design", null, null,
                Money.of("9000", "EUR"), DESIGN.plannedStart(), DESIGN.plannedFinish());

        ProjectPlan revised = revise(baselined(), 2,
                ProposedChange.modifyDeliverable(cheaperDesign),
                ProposedChange.removeDeliverable(BUILD.deliverableId()),
                ProposedChange.addDeliverable(training),
                ProposedChange.moveMilestone(SIGN_OFF.milestoneId(), LocalDate.of(2027, 4, 30)),
                ProposedChange.changeBudget(CostCategory.LABOUR, Money.of("55000", "EUR")),
                ProposedChange.changeBudget(CostCategory.TRAVEL, Money.of("800", "EUR")));

        assertThat(revised.baselineVersion()).isEqualTo(2);
        assertThat(revised.deliverables()).containsExactly(cheaperDesign, training);
        assertThat(revised.milestones()).singleElement().satisfies(m -> {
            assertThat(m.dueDate()).isEqualTo(LocalDate.of(2027, 4, 30));
            assertThat(m.deliverableIds()).containsExactly(DESIGN.deliverableId());
        });
        assertThat(revised.budget()).containsExactly(
                new BudgetLine(CostCategory.LABOUR, Money.of("55000", "EUR")),
                new BudgetLine(CostCategory.TRAVEL, Money.of("800", "EUR")));
    }

    @Test
    void budgetChangeToZeroClearsTheLine() {
        ProjectPlan revised = revise(baselined(), 2,
                ProposedChange.changeBudget(CostCategory.LABOUR, Money.of("0", "EUR")));
        assertThat(revised.budget()).isEmpty();
    }

    @Test
    void revisionThatDoesNotFitThePlanFailsLoudly() {
        ProjectPlan plan = revise(baselined(), 2, ProposedChange.removeDeliverable(BUILD.deliverableId()));
        assertThatThrownBy(() -> revise(plan, 3, ProposedChange.removeDeliverable(BUILD.deliverableId())))
                .isInstanceOf(IllegalStateException.class);
    }
}
