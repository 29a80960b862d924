package dev.portfolioledger.query.changerequest;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestApprovedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestAssessedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ChangeRequestRejectedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestStatus;
import dev.portfolioledger.api.changerequest.ChangeRequestSubmittedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestClosedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestWithdrawnEvent;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeRequestEvolutionTest {

    private static final ProjectId PROJECT = ProjectId.random();
    private static final ChangeRequestId REQUEST = ChangeRequestId.random();
    private static final Instant T0 = Instant.parse("2027-02-01T09:00:00Z");
    private static final Instant T1 = Instant.parse("2027-02-02T09:00:00Z");
    private static final Instant T2 = Instant.parse("2027-02-03T09:00:00Z");
    private static final List<ProposedChange> CHANGES = List.of(
            ProposedChange.changeBudget(CostCategory.LABOUR, Money.of("5000", "EUR")),
            ProposedChange.moveMilestone(MilestoneId.random(), LocalDate.of(2027, 7, 1)));
    private static final ChangeRequestSubmittedEvent SUBMITTED = new ChangeRequestSubmittedEvent(
            PROJECT, REQUEST, "More labour", "Scope grew", CHANGES, "carol");
    private static final ChangeRequestAssessedEvent ASSESSED = new ChangeRequestAssessedEvent(
            PROJECT, REQUEST, Money.of("-250.50", "EUR"), 14, "Low risk", "dave");

    private static ChangeRequestView submitted() {
        return ChangeRequestEvolution.apply(null, SUBMITTED, T0, 7);
    }

    @Test
    void submissionMakesAnOpenRequestWithItsChanges() {
        ChangeRequestView view = submitted();

        assertThat(view.projectId()).isEqualTo(PROJECT);
        assertThat(view.changeRequestId()).isEqualTo(REQUEST);
        assertThat(view.position()).isEqualTo(7);
        assertThat(view.title()).isEqualTo("More labour");
        assertThat(view.justification()).isEqualTo("Scope grew");
        assertThat(view.changes()).isEqualTo(CHANGES);
        assertThat(view.status()).isEqualTo(ChangeRequestStatus.SUBMITTED);
        assertThat(view.submittedBy()).isEqualTo("carol");
        assertThat(view.submittedAt()).isEqualTo(T0);
        assertThat(view.assessment()).isNull();
        assertThat(view.decidedBy()).isNull();
        assertThat(view.decidedAt()).isNull();
        assertThat(view.baselineVersion()).isNull();
    }

    @Test
    void assessmentRecordsTheImpactAndWhen() {
        ChangeRequestView view = ChangeRequestEvolution.apply(submitted(), ASSESSED, T1, 8);

        assertThat(view.status()).isEqualTo(ChangeRequestStatus.ASSESSED);
        assertThat(view.assessment()).isEqualTo(new ChangeRequestAssessment(
                Money.of("-250.50", "EUR"), 14, "Low risk", "dave", T1));
        assertThat(view.position()).isEqualTo(7);
        assertThat(view.submittedAt()).isEqualTo(T0);
    }

    @Test
    void approvalAndTheRevisionRecordApproverAndBaselineVersion() {
        ChangeRequestView assessed = ChangeRequestEvolution.apply(submitted(), ASSESSED, T1, 8);
        ChangeRequestView approved = ChangeRequestEvolution.apply(
                assessed, new ChangeRequestApprovedEvent(PROJECT, REQUEST, "erin"), T2, 9);
        ChangeRequestView revised = ChangeRequestEvolution.apply(
                approved, new BaselineRevisedEvent(PROJECT, 3, REQUEST, CHANGES), T2, 10);

        assertThat(approved.status()).isEqualTo(ChangeRequestStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("erin");
        assertThat(approved.decidedAt()).isEqualTo(T2);
        assertThat(approved.baselineVersion()).isNull();
        assertThat(revised.baselineVersion()).isEqualTo(3);
        assertThat(revised.assessment()).isEqualTo(assessed.assessment());
        assertThat(revised.rejectionReason()).isNull();
    }

    @Test
    void rejectionRecordsTheReasonAndWhoRejected() {
        ChangeRequestView assessed = ChangeRequestEvolution.apply(submitted(), ASSESSED, T1, 8);
        ChangeRequestView rejected = ChangeRequestEvolution.apply(
                assessed, new ChangeRequestRejectedEvent(PROJECT, REQUEST, "Too costly", "erin"), T2, 9);

        assertThat(rejected.status()).isEqualTo(ChangeRequestStatus.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo("Too costly");
        assertThat(rejected.decidedBy()).isEqualTo("erin");
        assertThat(rejected.decidedAt()).isEqualTo(T2);
        assertThat(rejected.baselineVersion()).isNull();
    }

    @Test
    void withdrawalIsDecidedByTheSubmitter() {
        ChangeRequestView withdrawn = ChangeRequestEvolution.apply(
                submitted(), new ChangeRequestWithdrawnEvent(PROJECT, REQUEST), T1, 8);

        assertThat(withdrawn.status()).isEqualTo(ChangeRequestStatus.WITHDRAWN);
        assertThat(withdrawn.decidedBy()).isEqualTo("carol");
        assertThat(withdrawn.decidedAt()).isEqualTo(T1);
        assertThat(withdrawn.assessment()).isNull();
    }

    @Test
    void closingWithTheCancelledProjectRecordsWhoAndWhy() {
        ChangeRequestView assessed = ChangeRequestEvolution.apply(submitted(), ASSESSED, T1, 8);
        ChangeRequestView closed = ChangeRequestEvolution.apply(assessed,
                new ChangeRequestClosedEvent(PROJECT, REQUEST, "pmo", "Project cancelled: No budget"), T2, 9);

        assertThat(closed.status()).isEqualTo(ChangeRequestStatus.CLOSED);
        assertThat(closed.status().isOpen()).isFalse();
        assertThat(closed.decidedBy()).isEqualTo("pmo");
        assertThat(closed.decidedAt()).isEqualTo(T2);
        assertThat(closed.closureReason()).isEqualTo("Project cancelled: No budget");
        assertThat(closed.rejectionReason()).isNull();
        assertThat(closed.assessment()).isEqualTo(assessed.assessment());
    }

    @Test
    void eventsOfOtherRequestsAndOtherEventsLeaveTheRequestAlone() {
        ChangeRequestView view = submitted();
        ChangeRequestId other = ChangeRequestId.random();

        assertThat(ChangeRequestEvolution.apply(view, new ChangeRequestWithdrawnEvent(PROJECT, other), T1, 8))
                .isSameAs(view);
        assertThat(ChangeRequestEvolution.apply(view, new ChangeRequestSubmittedEvent(
                PROJECT, other, "Other", "Why", CHANGES, "x"), T1, 8)).isSameAs(view);
        assertThat(ChangeRequestEvolution.apply(view, new ProjectStartedEvent(PROJECT), T1, 8)).isSameAs(view);
    }

    @Test
    void aRedeliveredSubmissionKeepsTheRequestAsItIs() {
        ChangeRequestView assessed = ChangeRequestEvolution.apply(submitted(), ASSESSED, T1, 8);

        assertThat(ChangeRequestEvolution.apply(assessed, SUBMITTED, T0, 7)).isSameAs(assessed);
    }

    @Test
    void anEventForARequestNeverSubmittedFailsLoudly() {
        assertThatThrownBy(() -> ChangeRequestEvolution.apply(null, ASSESSED, T1, 8))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(REQUEST.toString());
    }

    @Test
    void theViewIsImmutable() {
        ChangeRequestView view = submitted();

        assertThatThrownBy(() -> view.changes().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
