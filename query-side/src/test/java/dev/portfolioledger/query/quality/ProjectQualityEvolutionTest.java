package dev.portfolioledger.query.quality;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.api.quality.AcceptanceCapacity;
import dev.portfolioledger.api.quality.AcceptanceReviewRequiredEvent;
import dev.portfolioledger.api.quality.CommunicationChannel;
import dev.portfolioledger.api.quality.DeliverableAcceptedEvent;
import dev.portfolioledger.api.quality.QualityReviewRecordedEvent;
import dev.portfolioledger.api.quality.ReviewKind;
import dev.portfolioledger.api.quality.ReviewOutcome;
import dev.portfolioledger.api.quality.StakeholderDetails;
import dev.portfolioledger.api.quality.StakeholderDetailsRevisedEvent;
import dev.portfolioledger.api.quality.StakeholderId;
import dev.portfolioledger.api.quality.StakeholderRegisteredEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectQualityEvolutionTest {

    private static final ProjectId PROJECT = ProjectId.of("00000000-0000-0000-0000-0000000000c1");
    private static final DeliverableId DESIGN = DeliverableId.of("00000000-0000-0000-0000-0000000000d1");
    private static final StakeholderId CFO = StakeholderId.of("00000000-0000-0000-0000-0000000000a1");
    private static final StakeholderDetails CARLA = new StakeholderDetails("Carla", "CFO", 4, 5,
            CommunicationChannel.MEETING, true, "carla");
    private static final Instant T1 = Instant.parse("2027-01-04T09:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final Instant T3 = T2.plusSeconds(60);

    private static ProjectQualityView fold(Object... events) {
        ProjectQualityView view = null;
        Instant at = T1;
        for (Object event : events) {
            view = ProjectQualityEvolution.apply(view, event, at);
            at = at.plusSeconds(60);
        }
        return view;
    }

    private static ProjectProposedEvent proposed() {
        return new ProjectProposedEvent(PROJECT, PortfolioId.of("00000000-0000-0000-0000-00000000000a"), null,
                "Web shop", null, "pia", "sam", Methodology.SCRUM, LocalDate.of(2027, 1, 4), LocalDate.of(2027, 6, 30),
                Currency.getInstance("EUR"));
    }

    private static QualityReviewRecordedEvent reviewed(ReviewOutcome outcome) {
        return new QualityReviewRecordedEvent(PROJECT, DESIGN, ReviewKind.UAT, outcome, null, "Quinn", "pia");
    }

    @Test
    void aProposalStartsAnEmptyViewThatNeedsUat() {
        assertThat(fold(proposed())).isEqualTo(new ProjectQualityView(PROJECT, ReviewKind.UAT, List.of(), List.of()));
        assertThat(fold(proposed(), new AcceptanceReviewRequiredEvent(PROJECT, ReviewKind.TEST_PHASE)).requiredReview())
                .isEqualTo(ReviewKind.TEST_PHASE);
    }

    @Test
    void stakeholdersKeepTheirRegistrationTimeWhenRevised() {
        StakeholderDetails withdrawn = new StakeholderDetails("Carla", "CFO", 2, 2, CommunicationChannel.EMAIL,
                false, null);
        ProjectQualityView view = fold(proposed(), new StakeholderRegisteredEvent(PROJECT, CFO, CARLA),
                new StakeholderDetailsRevisedEvent(PROJECT, CFO, withdrawn));
        assertThat(view.stakeholders()).containsExactly(new StakeholderView(CFO, withdrawn, T2, T3));
        assertThat(view.stakeholders().get(0).engagement()).isEqualTo(StakeholderView.Engagement.MONITOR);
    }

    @Test
    void aFailedReviewAfterAcceptanceFlagsTheAcceptanceWhichStands() {
        ProjectQualityView view = fold(proposed(), new ProjectStartedEvent(PROJECT), reviewed(ReviewOutcome.PASSED),
                new DeliverableAcceptedEvent(PROJECT, DESIGN, "carla", AcceptanceCapacity.STAKEHOLDER, CFO,
                        ReviewKind.UAT, "Fine"),
                reviewed(ReviewOutcome.PASSED), reviewed(ReviewOutcome.FAILED));
        DeliverableQuality design = view.deliverable(DESIGN);
        assertThat(design.reviews()).extracting(QualityReviewView::afterAcceptance).containsExactly(false, true, true);
        assertThat(design.acceptance().acceptedBy()).isEqualTo("carla");
        assertThat(design.acceptance().failedAfterAcceptance()).isTrue();
    }

    @Test
    void theGridCountsEveryStakeholderInItsCellAndQuadrant() {
        StakeholderRegister register = StakeholderRegister.of(List.of(
                new StakeholderView(CFO, CARLA, T1, null),
                new StakeholderView(StakeholderId.random(), new StakeholderDetails("Ulf", null, 5, 3,
                        CommunicationChannel.CHAT, false, null), T1, null),
                new StakeholderView(StakeholderId.random(), new StakeholderDetails("Mo", null, 4, 5,
                        CommunicationChannel.CHAT, false, null), T1, null)));
        assertThat(register.grid()).hasSize(25);
        assertThat(register.grid().get(19)).isEqualTo(new StakeholderRegister.GridCell(4, 5, 2));
        assertThat(register.grid().get(22)).isEqualTo(new StakeholderRegister.GridCell(5, 3, 1));
        assertThat(register.grid().stream().mapToInt(StakeholderRegister.GridCell::count).sum()).isEqualTo(3);
        assertThat(register.quadrants()).isEqualTo(new StakeholderRegister.Quadrants(2, 0, 1, 0));
    }

    @Test
    void anEventThatDoesNotFitFailsLoudly() {
        assertThatThrownBy(() -> fold(reviewed(ReviewOutcome.PASSED))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fold(proposed(), new StakeholderDetailsRevisedEvent(PROJECT, CFO, CARLA)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fold(proposed(), new StakeholderRegisteredEvent(PROJECT, CFO, CARLA),
                new StakeholderRegisteredEvent(PROJECT, CFO, CARLA))).isInstanceOf(IllegalStateException.class);
        DeliverableAcceptedEvent accepted = new DeliverableAcceptedEvent(PROJECT, DESIGN, "sam",
                AcceptanceCapacity.SPONSOR, null, ReviewKind.UAT, null);
        assertThatThrownBy(() -> fold(proposed(), accepted, accepted)).isInstanceOf(IllegalStateException.class);
    }
}
