package dev.portfolioledger.query.changerequest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.project.BudgetLine;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.MilestonePlan;
import dev.portfolioledger.axon.config.AxonInfrastructureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON columns round-trip through the Axon object mapper, which the repository uses. */
class StoredJsonTest {

    private final ObjectMapper mapper = new AxonInfrastructureConfiguration().defaultAxonObjectMapper();

    private static final DeliverablePlan DESIGN = new DeliverablePlan(
            DeliverableId.random(), "Design", null, "Signed off", Money.of("12000.50", "EUR"),
            LocalDate.of(2027, 1, 4), LocalDate.of(2027, 2, 26));

    @Test
    void proposedChangesOfEveryKindRoundTrip() throws Exception {
        List<ProposedChange> changes = List.of(
                ProposedChange.addDeliverable(DESIGN),
                ProposedChange.modifyDeliverable(DESIGN),
                ProposedChange.removeDeliverable(DeliverableId.random()),
                ProposedChange.moveMilestone(MilestoneId.random(), LocalDate.of(2027, 7, 1)),
                ProposedChange.changeBudget(CostCategory.LABOUR, Money.of("0.00", "EUR")));

        String json = mapper.writeValueAsString(changes);

        assertThat(mapper.readValue(json, new TypeReference<List<ProposedChange>>() {
        })).isEqualTo(changes);
    }

    @Test
    void theEstablishedPlanRoundTrips() throws Exception {
        BaselineVersion.EstablishedPlan plan = new BaselineVersion.EstablishedPlan(
                List.of(DESIGN),
                List.of(new MilestonePlan(MilestoneId.random(), "Go-live", LocalDate.of(2027, 6, 30),
                                          List.of(DESIGN.deliverableId()))),
                List.of(new BudgetLine(CostCategory.TRAVEL, Money.of("2000", "EUR"))));

        String json = mapper.writeValueAsString(plan);

        assertThat(mapper.readValue(json, BaselineVersion.EstablishedPlan.class)).isEqualTo(plan);
    }
}
