package dev.portfolioledger.command.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.changerequest.ChangeRequestSubmittedEvent;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.ApproveProjectCommand;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.DeliverableAddedEvent;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.axon.config.AxonInfrastructureConfiguration;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.Currency;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validation belongs to commands: an event stored under yesterday's rules loads and replays under
 * today's stricter ones. The rules tightened so far (deliverables held to the project window; name
 * and text limits) refuse these values in a command, and must not make the stored streams that
 * hold them unloadable.
 */
class StoredEventsUnderNewerRulesTest {

    private static final ObjectMapper MAPPER = new AxonInfrastructureConfiguration().defaultAxonObjectMapper();
    private static final ProjectId PROJECT = ProjectId.of("00000000-0000-0000-0000-0000000000c1");
    private static final PortfolioId PORTFOLIO = PortfolioId.of("00000000-0000-0000-0000-00000000000a");
    private static final String TOO_LONG_NAME = "N".repeat(Checks.NAME_MAX + 100);

    @Test
    void anEventWhoseValuesTodaysCommandsRefuseStillDeserializes() throws Exception {
        // as the JDBC event store holds it: a deliverable named beyond today's limit, planned
        // years outside its project's window, at a negative cost
        String stored = """
                {"projectId":"00000000-0000-0000-0000-0000000000c1","deliverable":{
                 "deliverableId":"00000000-0000-0000-0000-0000000000d1","name":"%s","description":null,
                 "acceptanceCriteria":null,"plannedCost":{"amount":-5.00,"currency":"EUR"},
                 "plannedStart":"2031-01-01","plannedFinish":"2030-12-31"}}""".formatted(TOO_LONG_NAME);

        DeliverableAddedEvent event = MAPPER.readValue(stored, DeliverableAddedEvent.class);

        assertThat(event.deliverable().name()).hasSize(Checks.NAME_MAX + 100);
        assertThat(event.deliverable().plannedFinish()).isBefore(event.deliverable().plannedStart());
        assertThat(event.deliverable().plannedCost().amount()).isNegative();
        String submitted = """
                {"projectId":"00000000-0000-0000-0000-0000000000c1",
                 "changeRequestId":"00000000-0000-0000-0000-0000000000f1","title":"%s","justification":"%s",
                 "changes":[],"submittedBy":"alice"}""".formatted(TOO_LONG_NAME, "J".repeat(Checks.TEXT_MAX + 1));
        assertThat(MAPPER.readValue(submitted, ChangeRequestSubmittedEvent.class).changes()).isEmpty();
    }

    @Test
    void aStreamRecordedBeforeTheProjectWindowRuleStillReplaysAndTakesCommands() {
        // stored before deliverables were held to the project window (2026-12-02)
        DeliverablePlan late = new DeliverablePlan(DeliverableId.of("00000000-0000-0000-0000-0000000000d1"),
                TOO_LONG_NAME, null, null, Money.of("1000", "EUR"), LocalDate.of(2027, 3, 1), LocalDate.of(2030, 6, 30));
        AggregateTestFixture<Project> fixture = new AggregateTestFixture<>(Project.class);
        fixture.given(new ProjectProposedEvent(PROJECT, PORTFOLIO, null, "Web shop", null, "Pia", "Sam",
                                               Methodology.SCRUM, LocalDate.of(2027, 1, 4), LocalDate.of(2027, 6, 30), Currency.getInstance("EUR")),
                      new DeliverableAddedEvent(PROJECT, late))
                .when(new ApproveProjectCommand(PROJECT))
                .expectEvents(new ProjectApprovedEvent(PROJECT),
                              new BaselineEstablishedEvent(PROJECT, 1, List.of(late), List.of(), List.of()));
    }
}
