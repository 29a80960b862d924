package dev.portfolioledger.command.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestAssessedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ChangeRequestSubmittedEvent;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.axon.config.AxonInfrastructureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Change request events survive the event store's Jackson mapper unchanged, every change kind included. */
class ChangeRequestEventSerializationTest {

    private static final ObjectMapper MAPPER = new AxonInfrastructureConfiguration().defaultAxonObjectMapper();
    private static final ProjectId PROJECT = ProjectId.of("00000000-0000-0000-0000-0000000000c1");
    private static final ChangeRequestId CR = ChangeRequestId.of("00000000-0000-0000-0000-0000000000f1");
    private static final DeliverableId BUILD = DeliverableId.of("00000000-0000-0000-0000-0000000000d2");
    private static final MilestoneId GO_LIVE = MilestoneId.of("00000000-0000-0000-0000-0000000000e1");

    private static final List<ProposedChange> EVERY_KIND = List.of(
            ProposedChange.addDeliverable(new DeliverablePlan(DeliverableId.of("00000000-0000-0000-0000-0000000000d3"),
                    "Training", null, "All users trained", Money.of("5000.00", "EUR"),
                    LocalDate.of(2027, 6, 1), LocalDate.of(2027, 6, 30))),
            ProposedChange.modifyDeliverable(new DeliverablePlan(BUILD, "Build", "Bigger", null,
                    Money.of("55000", "EUR"), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 6, 30))),
            ProposedChange.removeDeliverable(BUILD),
            ProposedChange.moveMilestone(GO_LIVE, LocalDate.of(2027, 6, 15)),
            ProposedChange.changeBudget(CostCategory.LABOUR, Money.of("65000", "EUR")));

    private static <T> T roundTrip(T event, Class<T> type) throws Exception {
        return MAPPER.readValue(MAPPER.writeValueAsString(event), type);
    }

    @Test
    void submittedEventRoundTrips() throws Exception {
        var event = new ChangeRequestSubmittedEvent(PROJECT, CR, "Add training", "Users need it", EVERY_KIND, "alice");
        assertThat(roundTrip(event, ChangeRequestSubmittedEvent.class)).isEqualTo(event);
        assertThat(MAPPER.writeValueAsString(event)).contains("\"changeRequestId\":\"" + CR + "\"");
    }

    @Test
    void baselineRevisedEventRoundTrips() throws Exception {
        var event = new BaselineRevisedEvent(PROJECT, 2, CR, EVERY_KIND);
        assertThat(roundTrip(event, BaselineRevisedEvent.class)).isEqualTo(event);
    }

    @Test
    void assessedEventRoundTripsNegativeCost() throws Exception {
        var event = new ChangeRequestAssessedEvent(PROJECT, CR, Money.of("-1500.50", "EUR"), -3, null, "bob");
        assertThat(roundTrip(event, ChangeRequestAssessedEvent.class)).isEqualTo(event);
    }
}
