package dev.portfolioledger.command.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.Allocation;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.LeaveId;
import dev.portfolioledger.api.resource.Period;
import dev.portfolioledger.api.resource.ResourceAllocatedEvent;
import dev.portfolioledger.api.resource.ResourceCapacityChangedEvent;
import dev.portfolioledger.api.resource.ResourceCostRateChangedEvent;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.api.resource.ResourceLeaveRecordedEvent;
import dev.portfolioledger.api.resource.ResourceRegisteredEvent;
import dev.portfolioledger.api.resource.ResourceReleasedEvent;
import dev.portfolioledger.api.resource.Skill;
import dev.portfolioledger.api.resource.TimeEntryId;
import dev.portfolioledger.api.resource.TimeLogReversedEvent;
import dev.portfolioledger.api.resource.TimeLoggedEvent;
import dev.portfolioledger.api.resource.UpdateResourceSkillsCommand;
import dev.portfolioledger.axon.config.AxonInfrastructureConfiguration;
import org.axonframework.serialization.Revision;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots of {@link Resource} store its fields as JSON (Axon's snapshotter, general Jackson
 * serializer): what is written reads back to the same state, and the fields are pinned to the
 * snapshot revision.
 */
class ResourceSnapshotTest {

    private static final ResourceId RESOURCE = ResourceId.of("00000000-0000-0000-0000-0000000000a1");
    private static final ProjectId SHOP = ProjectId.of("00000000-0000-0000-0000-0000000000c1");
    private static final AllocationId A1 = AllocationId.of("00000000-0000-0000-0000-0000000000b1");
    private static final AllocationId A2 = AllocationId.of("00000000-0000-0000-0000-0000000000b2");
    private static final TimeEntryId T1 = TimeEntryId.of("00000000-0000-0000-0000-0000000000e1");
    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

    private final ObjectMapper mapper = new AxonInfrastructureConfiguration().defaultAxonObjectMapper();

    @Test
    void snapshotJsonReadsBackToTheSameState() {
        new AggregateTestFixture<>(Resource.class)
                .given(new ResourceRegisteredEvent(RESOURCE, PortfolioId.of("00000000-0000-0000-0000-00000000000a"),
                                "Ada", "Developer", List.of(new Skill("Java", 4)), 100, Money.of("80", "EUR"),
                                LocalDate.of(2027, 1, 1)),
                        new ResourceCapacityChangedEvent(RESOURCE, 80, MONDAY.plusDays(30)),
                        new ResourceCostRateChangedEvent(RESOURCE, Money.of("90", "EUR"), MONDAY.plusDays(10)),
                        new ResourceLeaveRecordedEvent(RESOURCE, LeaveId.random(), Period.of(MONDAY.plusDays(20),
                                MONDAY.plusDays(21)), "Holiday"),
                        new ResourceAllocatedEvent(RESOURCE, new Allocation(A1, SHOP, 50,
                                Period.of(MONDAY, MONDAY.plusDays(13))), null, List.of()),
                        new ResourceAllocatedEvent(RESOURCE, new Allocation(A2, SHOP, 40,
                                Period.of(MONDAY, MONDAY.plusDays(6))), "Go-live", List.of()),
                        new ResourceReleasedEvent(RESOURCE, A2, SHOP, MONDAY, null, "Done"),
                        new TimeLoggedEvent(RESOURCE, T1, SHOP, MONDAY, new BigDecimal("7.5"), null,
                                Money.of("80", "EUR"), Money.of("600.00", "EUR")),
                        new TimeLogReversedEvent(RESOURCE, T1, SHOP, MONDAY, new BigDecimal("7.5"),
                                Money.of("600.00", "EUR"), "Wrong day"))
                .andGivenCommands()
                .when(new UpdateResourceSkillsCommand(RESOURCE, List.of(new Skill("Java", 5))))
                .expectSuccessfulHandlerExecution()
                .expectState(resource -> {
                    String written = write(resource);
                    assertThat(written).contains("\"currency\":\"EUR\"", "\"" + A1 + "\"", "\"" + T1 + "\"",
                            "\"reversed\":true", "\"2027-03-31\":80");
                    assertThat(write(read(written))).isEqualTo(written);
                });
    }

    /** When this fails, the aggregate's shape changed: bump {@code @Revision} on {@link Resource} and update both. */
    @Test
    void snapshotFieldsArePinnedToTheRevision() {
        assertThat(Resource.class.getAnnotation(Revision.class).value()).isEqualTo("1");
        assertThat(Arrays.stream(Resource.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic())
                .map(field -> field.getName() + ": " + field.getGenericType().getTypeName()
                        .replaceAll("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*\\.", "")))
                .containsExactly(
                        "resourceId: ResourceId",
                        "portfolioId: PortfolioId",
                        "currency: Currency",
                        "capacity: NavigableMap<LocalDate, Integer>",
                        "rates: NavigableMap<LocalDate, Money>",
                        "allocations: Map<AllocationId, Allocation>",
                        "allocationIds: Set<AllocationId>",
                        "leave: Map<LeaveId, Period>",
                        "timeEntries: Map<TimeEntryId, Resource$TimeEntry>",
                        "retiredFrom: LocalDate");
    }

    private String write(Resource resource) {
        try {
            return mapper.writeValueAsString(resource);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Resource read(String json) {
        try {
            return mapper.readValue(json, Resource.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
