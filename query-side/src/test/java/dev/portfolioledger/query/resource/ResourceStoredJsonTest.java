package dev.portfolioledger.query.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.LeaveId;
import dev.portfolioledger.api.resource.ResourceAllocatedEvent;
import dev.portfolioledger.api.resource.ResourceLeaveRecordedEvent;
import dev.portfolioledger.api.resource.ResourceRetiredEvent;
import dev.portfolioledger.axon.config.AxonInfrastructureConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.portfolioledger.query.resource.ResourceFixtures.APOLLO;
import static dev.portfolioledger.query.resource.ResourceFixtures.REGISTERED;
import static dev.portfolioledger.query.resource.ResourceFixtures.RESOURCE;
import static dev.portfolioledger.query.resource.ResourceFixtures.allocation;
import static dev.portfolioledger.query.resource.ResourceFixtures.day;
import static dev.portfolioledger.query.resource.ResourceFixtures.fold;
import static dev.portfolioledger.query.resource.ResourceFixtures.period;
import static org.assertj.core.api.Assertions.assertThat;

/** The view document round-trips through the Axon object mapper, which resource_view and view_version use. */
class ResourceStoredJsonTest {

    private final ObjectMapper mapper = new AxonInfrastructureConfiguration().defaultAxonObjectMapper();

    @Test
    void aResourceWithEveryPartRoundTrips() throws Exception {
        ResourceView view = fold(REGISTERED,
                                 new ResourceAllocatedEvent(RESOURCE, allocation(AllocationId.random(), APOLLO, 100,
                                                                                 "2027-03-01", "2027-03-31"),
                                                            "Crunch", List.of(period("2027-03-01", "2027-03-31"))),
                                 new ResourceLeaveRecordedEvent(RESOURCE, LeaveId.random(),
                                                                period("2027-04-01", "2027-04-02"), "Holiday"),
                                 new ResourceRetiredEvent(RESOURCE, day("2027-12-31")));

        String json = mapper.writeValueAsString(view);

        assertThat(mapper.readValue(json, ResourceView.class)).isEqualTo(view);
        assertThat(json).contains("\"projectId\":\"" + APOLLO + "\"").doesNotContain("\"overallocated\"")
                .doesNotContain("\"period\"");
    }
}
