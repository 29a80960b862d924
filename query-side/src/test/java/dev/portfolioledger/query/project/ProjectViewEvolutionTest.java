package dev.portfolioledger.query.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioRenamedEvent;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.FinalFigures;
import dev.portfolioledger.api.project.LessonCategory;
import dev.portfolioledger.api.project.LessonLearned;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectClosedEvent;
import dev.portfolioledger.api.project.ProjectDetailsRevisedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectPutOnHoldEvent;
import dev.portfolioledger.api.project.ProjectResumedEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.api.project.ProjectStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectViewEvolutionTest {

    private static final ProjectId PROJECT = ProjectId.random();
    private static final PortfolioId PORTFOLIO = PortfolioId.random();
    private static final ProgramId PROGRAM = ProgramId.random();
    private static final Instant PROPOSED_AT = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-02-10T14:30:00Z");
    private static final Instant LATEST = Instant.parse("2026-03-01T08:00:00Z");

    private static final ProjectProposedEvent PROPOSED = new ProjectProposedEvent(
            PROJECT, PORTFOLIO, PROGRAM, "CRM rollout", "Replace the legacy CRM", "alice", "bob",
            Methodology.SCRUM, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31), Currency.getInstance("EUR"));

    private static ProjectView proposed() {
        return ProjectViewEvolution.apply(null, PROPOSED, PROPOSED_AT);
    }

    private static ProjectView active() {
        return fold(PROPOSED, new ProjectApprovedEvent(PROJECT), new ProjectStartedEvent(PROJECT));
    }

    /** Applies the events one day apart, starting at PROPOSED_AT. */
    private static ProjectView fold(Object... events) {
        ProjectView view = null;
        Instant at = PROPOSED_AT;
        for (Object event : events) {
            view = ProjectViewEvolution.apply(view, event, at);
            at = at.plusSeconds(86_400);
        }
        return view;
    }

    @Test
    void canApplyProjectProposed() {
        ProjectView view = proposed();

        assertThat(view).isEqualTo(new ProjectView(
                PROJECT, PORTFOLIO, PROGRAM, "CRM rollout", "Replace the legacy CRM", "alice", "bob",
                Methodology.SCRUM, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31),
                ProjectStatus.PROPOSED, null, null, null, PROPOSED_AT, PROPOSED_AT));
    }

    @Test
    void canApplyProjectProposedWithoutProgram() {
        ProjectProposedEvent direct = new ProjectProposedEvent(
                PROJECT, PORTFOLIO, null, "Audit prep", null, "carol", "dave",
                Methodology.KANBAN, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), Currency.getInstance("EUR"));

        ProjectView view = ProjectViewEvolution.apply(null, direct, PROPOSED_AT);

        assertThat(view.programId()).isNull();
        assertThat(view.description()).isNull();
        assertThat(view.portfolioId()).isEqualTo(PORTFOLIO);
    }

    @Test
    void canApplyProjectDetailsRevised() {
        ProjectDetailsRevisedEvent revised = new ProjectDetailsRevisedEvent(
                PROJECT, "CRM replacement", "New CRM for sales", "erin", "frank", Methodology.HYBRID,
                LocalDate.of(2026, 4, 1), LocalDate.of(2027, 1, 31));

        ProjectView view = ProjectViewEvolution.apply(proposed(), revised, LATER);

        assertThat(view).isEqualTo(new ProjectView(
                PROJECT, PORTFOLIO, PROGRAM, "CRM replacement", "New CRM for sales", "erin", "frank",
                Methodology.HYBRID, LocalDate.of(2026, 4, 1), LocalDate.of(2027, 1, 31),
                ProjectStatus.PROPOSED, null, null, null, PROPOSED_AT, LATER));
    }

    @Test
    void canApplyProjectApproved() {
        ProjectView view = ProjectViewEvolution.apply(proposed(), new ProjectApprovedEvent(PROJECT), LATER);

        assertThat(view.status()).isEqualTo(ProjectStatus.APPROVED);
        assertThat(view.approvedAt()).isEqualTo(LATER);
        assertThat(view.updatedAt()).isEqualTo(LATER);
        assertThat(view.createdAt()).isEqualTo(PROPOSED_AT);
        assertThat(view.startedAt()).isNull();
        assertThat(view.name()).isEqualTo("CRM rollout");
    }

    @Test
    void canApplyProjectStarted() {
        ProjectView approved = ProjectViewEvolution.apply(proposed(), new ProjectApprovedEvent(PROJECT), LATER);

        ProjectView view = ProjectViewEvolution.apply(approved, new ProjectStartedEvent(PROJECT), LATEST);

        assertThat(view.status()).isEqualTo(ProjectStatus.ACTIVE);
        assertThat(view.startedAt()).isEqualTo(LATEST);
        assertThat(view.approvedAt()).isEqualTo(LATER);
        assertThat(view.updatedAt()).isEqualTo(LATEST);
    }

    @Test
    void canApplyProjectPutOnHold() {
        ProjectView before = active();

        ProjectView view = ProjectViewEvolution.apply(before, new ProjectPutOnHoldEvent(PROJECT), LATEST);

        assertThat(view.status()).isEqualTo(ProjectStatus.ON_HOLD);
        assertThat(view.startedAt()).isEqualTo(before.startedAt());
        assertThat(view.updatedAt()).isEqualTo(LATEST);
    }

    @Test
    void canApplyProjectResumedKeepingFirstStart() {
        ProjectView onHold = ProjectViewEvolution.apply(active(), new ProjectPutOnHoldEvent(PROJECT), LATER);

        ProjectView view = ProjectViewEvolution.apply(onHold, new ProjectResumedEvent(PROJECT), LATEST);

        assertThat(view.status()).isEqualTo(ProjectStatus.ACTIVE);
        assertThat(view.startedAt()).isEqualTo(onHold.startedAt()).isNotEqualTo(LATEST);
        assertThat(view.updatedAt()).isEqualTo(LATEST);
    }

    @Test
    void canApplyProjectCancelledKeepingPreviousFieldsAndRecordingReason() {
        ProjectView before = active();

        ProjectView view = ProjectViewEvolution.apply(
                before, new ProjectCancelledEvent(PROJECT, ProjectStatus.ACTIVE, "Budget withdrawn"), LATEST);

        assertThat(view.status()).isEqualTo(ProjectStatus.CANCELLED);
        assertThat(view.cancellationReason()).isEqualTo("Budget withdrawn");
        assertThat(view.updatedAt()).isEqualTo(LATEST);
        assertThat(view).usingRecursiveComparison()
                .ignoringFields("status", "cancellationReason", "updatedAt")
                .isEqualTo(before);
    }

    @Test
    void canApplyProjectClosedKeepingPreviousFields() {
        ProjectView before = active();

        ProjectView view = ProjectViewEvolution.apply(before, new ProjectClosedEvent(PROJECT, LocalDate.of(2027, 7, 1), 1,
                new FinalFigures(Currency.getInstance("EUR"), BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE,
                        BigDecimal.ONE, BigDecimal.ONE, null),
                List.of(new LessonLearned(LessonCategory.OTHER, "Write it down")), List.of(), null, null), LATEST);

        assertThat(view.status()).isEqualTo(ProjectStatus.CLOSED);
        assertThat(view.updatedAt()).isEqualTo(LATEST);
        assertThat(view).usingRecursiveComparison().ignoringFields("status", "updatedAt").isEqualTo(before);
    }

    @Test
    void canApplyProjectCancelledWhileProposed() {
        ProjectView view = ProjectViewEvolution.apply(
                proposed(), new ProjectCancelledEvent(PROJECT, ProjectStatus.PROPOSED, "Not a priority"), LATER);

        assertThat(view.status()).isEqualTo(ProjectStatus.CANCELLED);
        assertThat(view.approvedAt()).isNull();
        assertThat(view.startedAt()).isNull();
    }

    @Test
    void foldOfAWholeHistoryEqualsTheViewStepByStep() {
        List<Object> history = List.of(PROPOSED, new ProjectApprovedEvent(PROJECT), new ProjectStartedEvent(PROJECT),
                                       new ProjectPutOnHoldEvent(PROJECT), new ProjectResumedEvent(PROJECT));

        ProjectView view = fold(history.toArray());

        assertThat(view.status()).isEqualTo(ProjectStatus.ACTIVE);
        assertThat(view.createdAt()).isEqualTo(PROPOSED_AT);
        assertThat(view.approvedAt()).isEqualTo(PROPOSED_AT.plusSeconds(86_400));
        assertThat(view.startedAt()).isEqualTo(PROPOSED_AT.plusSeconds(2 * 86_400));
        assertThat(view.updatedAt()).isEqualTo(PROPOSED_AT.plusSeconds(4 * 86_400));
    }

    @Test
    void aFoldOverAPrefixOfTheHistoryIsTheViewAsOfThatEvent() {
        ProjectView asOfApproval = fold(PROPOSED, new ProjectApprovedEvent(PROJECT));

        assertThat(asOfApproval.status()).isEqualTo(ProjectStatus.APPROVED);
        assertThat(asOfApproval.startedAt()).isNull();
    }

    @Test
    void ignoresEventsThatDoNotChangeAProject() {
        ProjectView before = proposed();

        ProjectView view = ProjectViewEvolution.apply(
                before, new PortfolioRenamedEvent(PORTFOLIO, "Old", "New"), LATER);

        assertThat(view).isSameAs(before);
    }

    @Test
    void cannotApplyAChangeToAProjectWithoutView() {
        assertThatThrownBy(() -> ProjectViewEvolution.apply(null, new ProjectApprovedEvent(PROJECT), LATER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ProjectApprovedEvent");
    }
}
