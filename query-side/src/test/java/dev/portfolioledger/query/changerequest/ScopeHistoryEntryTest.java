package dev.portfolioledger.query.changerequest;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestApprovedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ChangeRequestSubmittedEvent;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.ProjectId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeHistoryEntryTest {

    private static final ProjectId PROJECT = ProjectId.random();
    private static final ChangeRequestId REQUEST = ChangeRequestId.random();
    private static final Instant T0 = Instant.parse("2027-02-01T09:00:00Z");
    private static final Instant T1 = Instant.parse("2027-02-05T09:00:00Z");
    private static final List<ProposedChange> CHANGES =
            List.of(ProposedChange.changeBudget(CostCategory.LABOUR, Money.of("5000", "EUR")));

    @Test
    void versionOneHasNoRequestAndRevisionsNameSubmitterApproverAndJustification() {
        BaselineVersion v1 = BaselineVersion.of(new BaselineEstablishedEvent(PROJECT, 1, List.of(), List.of(),
                                                                             List.of()), T0);
        BaselineVersion v2 = BaselineVersion.of(new BaselineRevisedEvent(PROJECT, 2, REQUEST, CHANGES), T1);
        ChangeRequestView request = ChangeRequestView.submitted(new ChangeRequestSubmittedEvent(
                        PROJECT, REQUEST, "More labour", "Scope grew", CHANGES, "carol"), T0, 5)
                .on(new ChangeRequestApprovedEvent(PROJECT, REQUEST, "erin"), T1);

        List<ScopeHistoryEntry> history = ScopeHistoryEntry.of(List.of(v1, v2), Map.of(REQUEST, request));

        assertThat(history).hasSize(2);
        ScopeHistoryEntry first = history.get(0);
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.establishedAt()).isEqualTo(T0);
        assertThat(first.changeRequest()).isNull();
        assertThat(first.submittedBy()).isNull();
        assertThat(first.approvedBy()).isNull();
        assertThat(first.justification()).isNull();
        assertThat(first.changes()).isEmpty();
        ScopeHistoryEntry second = history.get(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.establishedAt()).isEqualTo(T1);
        assertThat(second.changeRequest()).isEqualTo(request);
        assertThat(second.submittedBy()).isEqualTo("carol");
        assertThat(second.approvedBy()).isEqualTo("erin");
        assertThat(second.justification()).isEqualTo("Scope grew");
        assertThat(second.changes()).isEqualTo(CHANGES);
    }
}
