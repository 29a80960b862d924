package dev.portfolioledger.app.resource;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resource mutations over real HTTP on the real database. The payloads' {@code resource} is
 * the query side's to resolve, so these tests read what was stored from the event table.
 */
class ResourceMutationGraphQlTest extends GraphQlIntegrationTest {

    private static final String ALLOCATION_START = "2027-01-04";
    private static final String ALLOCATION_END = "2027-01-29";

    // --- helpers ---

    private Map<String, Object> registration(String portfolioId) {
        Map<String, Object> input = new HashMap<>();
        input.put("resourceId", UUID.randomUUID().toString());
        input.put("portfolioId", portfolioId);
        input.put("name", "Ada Lovelace");
        input.put("role", "Developer");
        input.put("skills", List.of(Map.of("name", "Java", "level", 4)));
        input.put("capacityPercent", 100);
        input.put("costRate", Map.of("amount", "80.00", "currency", "EUR"));
        input.put("rateEffectiveFrom", "2027-01-01");
        return input;
    }

    private String newResource(String portfolioId) {
        Map<String, Object> input = registration(portfolioId);
        as("resources").documentName("registerResource").variable("input", input).execute()
                .path("registerResource.correlationId").hasValue();
        return (String) input.get("resourceId");
    }

    private String activeProject(String portfolioId) {
        String projectId = newProject(portfolioId, null);
        transition("approveProject", projectId, "pmo");
        transition("startProject", projectId, "pm");
        return projectId;
    }

    private static Map<String, Object> allocation(String resourceId, String projectId, int percent) {
        Map<String, Object> input = new HashMap<>();
        input.put("resourceId", resourceId);
        input.put("projectId", projectId);
        input.put("percent", percent);
        input.put("start", ALLOCATION_START);
        input.put("end", ALLOCATION_END);
        return input;
    }

    private String allocate(String resourceId, String projectId, int percent) {
        return as("resources").documentName("allocateResource")
                .variable("input", allocation(resourceId, projectId, percent)).execute()
                .path("allocateResource.allocationId").entity(String.class).get();
    }

    /** The simple names of the resource's stored events, in order. */
    private List<String> events(String resourceId) {
        return jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ?"
                + " ORDER BY sequencenumber", String.class, resourceId).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private String lastPayload(String resourceId) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                + " WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1", String.class, resourceId);
    }

    private String lastMetadata(String resourceId, String key) {
        return jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8')::jsonb ->> ? FROM domainevententry"
                + " WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1", String.class, key, resourceId);
    }

    private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(input);
        changed.put(key, value);
        return changed;
    }

    // --- registerResource ---

    @Test
    void registerResourceStoresTheRegistrationUnderTheCorrelationId() {
        Map<String, Object> input = registration(newPortfolio());
        String correlationId = as("resources").documentName("registerResource").variable("input", input).execute()
                .path("registerResource.correlationId").entity(String.class).get();
        String resourceId = (String) input.get("resourceId");

        assertThat(events(resourceId)).containsExactly("ResourceRegisteredEvent");
        assertThat(lastMetadata(resourceId, "correlationId")).isEqualTo(correlationId);
        assertThat(lastMetadata(resourceId, "actor")).isEqualTo("resources");
    }

    @Test
    void serverChoosesTheResourceIdWhenAbsent() {
        Map<String, Object> input = registration(newPortfolio());
        input.remove("resourceId");
        as("resources").documentName("registerResource").variable("input", input).execute()
                .path("registerResource.correlationId").hasValue();
    }

    @Test
    void cannotRegisterInAnUnknownPortfolio() {
        assertRefused(as("resources").documentName("registerResource")
                .variable("input", registration(UUID.randomUUID().toString())), "NOT_FOUND");
    }

    @Test
    void cannotRegisterWithARateInAnotherCurrency() {
        assertRefused(as("resources").documentName("registerResource").variable("input",
                with(registration(newPortfolio()), "costRate", Map.of("amount", "80.00", "currency", "USD"))),
                "VALIDATION_FAILED");
    }

    @Test
    void cannotRegisterAResourceIdTwice() {
        Map<String, Object> input = registration(newPortfolio());
        as("resources").documentName("registerResource").variable("input", input).execute();
        long before = eventCount();
        assertRefused(as("resources").documentName("registerResource").variable("input", input), "ALREADY_EXISTS");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void cannotRegisterWithoutTheRole() {
        assertRefused(as("member").documentName("registerResource").variable("input", registration(newPortfolio())),
                "FORBIDDEN");
    }

    // --- profile ---

    @Test
    void updateResourceSkillsReplacesTheSkills() {
        String resourceId = newResource(newPortfolio());
        as("resources").documentName("updateResourceSkills").variable("input", Map.of("resourceId", resourceId,
                "skills", List.of(Map.of("name", "SQL", "level", 3)))).execute()
                .path("updateResourceSkills.correlationId").hasValue();
        assertThat(events(resourceId)).endsWith("ResourceSkillsRevisedEvent");
    }

    @Test
    void cannotNameASkillTwice() {
        String resourceId = newResource(newPortfolio());
        assertRefused(as("resources").documentName("updateResourceSkills").variable("input", Map.of(
                "resourceId", resourceId, "skills", List.of(Map.of("name", "SQL", "level", 3),
                        Map.of("name", "sql", "level", 4)))), "VALIDATION_FAILED");
    }

    @Test
    void cannotChangeAnUnknownResource() {
        assertRefused(as("resources").documentName("updateResourceSkills").variable("input", Map.of(
                "resourceId", UUID.randomUUID().toString(), "skills", List.of())), "NOT_FOUND");
    }

    @Test
    void capacityCutBelowTheAllocationsIsRefusedNamingTheDays() {
        String portfolioId = newPortfolio();
        String resourceId = newResource(portfolioId);
        String allocationId = allocate(resourceId, activeProject(portfolioId), 80);

        as("resources").documentName("changeResourceCapacity").variable("input", Map.of("resourceId", resourceId,
                "capacityPercent", 50, "effectiveFrom", "2027-01-25")).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            ResponseError error = errors.get(0);
            assertThat(error.getExtensions()).containsEntry("code", "CAPACITY_EXCEEDED")
                    .containsEntry("allocations", List.of(allocationId))
                    .containsEntry("days", List.of(Map.of("start", "2027-01-25", "end", ALLOCATION_END,
                            "allocatedPercent", 80, "capacityPercent", 50, "onLeave", false)));
        });
    }

    @Test
    void capacityCanBeCutWhereTheAllocationsFit() {
        String portfolioId = newPortfolio();
        String resourceId = newResource(portfolioId);
        allocate(resourceId, activeProject(portfolioId), 80);
        as("resources").documentName("changeResourceCapacity").variable("input", Map.of("resourceId", resourceId,
                "capacityPercent", 50, "effectiveFrom", "2027-02-01")).execute()
                .path("changeResourceCapacity.correlationId").hasValue();
        assertThat(events(resourceId)).endsWith("ResourceCapacityChangedEvent");
    }

    @Test
    void capacityIsAPercent() {
        String resourceId = newResource(newPortfolio());
        assertRefused(as("resources").documentName("changeResourceCapacity").variable("input", Map.of(
                "resourceId", resourceId, "capacityPercent", 101, "effectiveFrom", "2027-02-01")), "VALIDATION_FAILED");
    }

    @Test
    void costRateChangesFromADate() {
        String resourceId = newResource(newPortfolio());
        as("resources").documentName("changeResourceCostRate").variable("input", Map.of("resourceId", resourceId,
                "costRate", Map.of("amount", "95.00", "currency", "EUR"), "effectiveFrom", "2027-03-01")).execute()
                .path("changeResourceCostRate.correlationId").hasValue();
        assertThat(events(resourceId)).endsWith("ResourceCostRateChangedEvent");
    }

    @Test
    void cannotChangeTheCostRateToAnotherCurrency() {
        String resourceId = newResource(newPortfolio());
        assertRefused(as("resources").documentName("changeResourceCostRate").variable("input", Map.of(
                "resourceId", resourceId, "costRate", Map.of("amount", "95.00", "currency", "GBP"),
                "effectiveFrom", "2027-03-01")), "VALIDATION_FAILED");
    }

    @Test
    void leaveIsRecorded() {
        String resourceId = newResource(newPortfolio());
        as("resources").documentName("recordResourceLeave").variable("input", Map.of("resourceId", resourceId,
                "start", "2027-03-01", "end", "2027-03-05", "reason", "Holiday")).execute()
                .path("recordResourceLeave.correlationId").hasValue();
        assertThat(events(resourceId)).endsWith("ResourceLeaveRecordedEvent");
    }

    @Test
    void leaveCannotEndBeforeItStarts() {
        String resourceId = newResource(newPortfolio());
        assertRefused(as("resources").documentName("recordResourceLeave").variable("input", Map.of(
                "resourceId", resourceId, "start", "2027-03-05", "end", "2027-03-01")), "VALIDATION_FAILED");
    }

    @Test
    void leaveOverAllocatedDaysIsRefused() {
        String portfolioId = newPortfolio();
        String resourceId = newResource(portfolioId);
        allocate(resourceId, activeProject(portfolioId), 10);
        assertRefused(as("resources").documentName("recordResourceLeave").variable("input", Map.of(
                "resourceId", resourceId, "start", "2027-01-28", "end", "2027-02-05")), "CAPACITY_EXCEEDED");
    }

    @Test
    void retiredResourceCannotBeAllocatedAfterwards() {
        String portfolioId = newPortfolio();
        String resourceId = newResource(portfolioId);
        as("resources").documentName("retireResource").variable("input", Map.of("resourceId", resourceId,
                "retiredFrom", "2027-01-15")).execute().path("retireResource.correlationId").hasValue();
        assertRefused(as("resources").documentName("allocateResource")
                .variable("input", allocation(resourceId, activeProject(portfolioId), 10)), "CONFLICT");
    }

    @Test
    void cannotRetireWhileAllocated() {
        String portfolioId = newPortfolio();
        String resourceId = newResource(portfolioId);
        allocate(resourceId, activeProject(portfolioId), 10);
        assertRefused(as("resources").documentName("retireResource").variable("input", Map.of(
                "resourceId", resourceId, "retiredFrom", "2027-01-15")), "CONFLICT");
    }

    // --- allocations ---

    @Test
    void allocateResourceAnswersTheNewAllocationsId() {
        String portfolioId = newPortfolio();
        String resourceId = newResource(portfolioId);
        String allocationId = allocate(resourceId, activeProject(portfolioId), 60);

        assertThat(UUID.fromString(allocationId)).isNotNull();
        assertThat(lastPayload(resourceId)).contains(allocationId);
        assertThat(events(resourceId)).endsWith("ResourceAllocatedEvent");
    }

    @Test
    void allocationBeyondCapacityIsRefusedWithTheDaysAndAllocations() {
        String portfolioId = newPortfolio();
        String projectId = activeProject(portfolioId);
        String resourceId = newResource(portfolioId);
        String first = allocate(resourceId, projectId, 70);
        Map<String, Object> input = allocation(resourceId, projectId, 50);
        input.put("start", "2027-01-25");
        input.put("end", "2027-02-05");

        as("resources").documentName("allocateResource").variable("input", input).execute().errors()
                .satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getMessage()).contains("2027-01-25..2027-01-29 (120% of 100%)");
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "CAPACITY_EXCEEDED")
                            .containsEntry("allocations", List.of(first))
                            .containsEntry("days", List.of(Map.of("start", "2027-01-25", "end", ALLOCATION_END,
                                    "allocatedPercent", 120, "capacityPercent", 100, "onLeave", false)));
                });
    }

    @Test
    void overallocationWithAReasonIsRecorded() {
        String portfolioId = newPortfolio();
        String projectId = activeProject(portfolioId);
        String resourceId = newResource(portfolioId);
        allocate(resourceId, projectId, 70);
        Map<String, Object> input = allocation(resourceId, projectId, 50);
        input.put("allowOverallocation", true);
        input.put("reason", "Go-live fortnight");

        as("resources").documentName("allocateResource").variable("input", input).execute()
                .path("allocateResource.allocationId").hasValue();
        assertThat(lastPayload(resourceId)).contains("Go-live fortnight").contains("\"overallocatedDays\":[{");
    }

    @Test
    void allocationPercentIsBetweenOneAndOneHundred() {
        String resourceId = newResource(newPortfolio());
        assertRefused(as("resources").documentName("allocateResource")
                .variable("input", allocation(resourceId, UUID.randomUUID().toString(), 0)), "VALIDATION_FAILED");
        assertRefused(as("resources").documentName("allocateResource")
                .variable("input", allocation(resourceId, UUID.randomUUID().toString(), 101)), "VALIDATION_FAILED");
    }

    @Test
    void allocationCannotEndBeforeItStarts() {
        String resourceId = newResource(newPortfolio());
        Map<String, Object> input = allocation(resourceId, UUID.randomUUID().toString(), 10);
        input.put("end", "2027-01-01");
        assertRefused(as("resources").documentName("allocateResource").variable("input", input), "VALIDATION_FAILED");
    }

    @Test
    void cannotAllocateToAnUnknownProjectOrResource() {
        String portfolioId = newPortfolio();
        String resourceId = newResource(portfolioId);
        assertRefused(as("resources").documentName("allocateResource")
                .variable("input", allocation(resourceId, UUID.randomUUID().toString(), 10)), "NOT_FOUND");
        assertRefused(as("resources").documentName("allocateResource")
                .variable("input", allocation(UUID.randomUUID().toString(), activeProject(portfolioId), 10)),
                "NOT_FOUND");
    }

    @Test
    void cannotAllocateToAProposedProject() {
        String portfolioId = newPortfolio();
        String resourceId = newResource(portfolioId);
        assertRefused(as("resources").documentName("allocateResource")
                .variable("input", allocation(resourceId, newProject(portfolioId, null), 10)), "CONFLICT");
    }

    @Test
    void cannotAllocateToAProjectOfAnotherPortfolio() {
        String resourceId = newResource(newPortfolio());
        assertRefused(as("resources").documentName("allocateResource")
                .variable("input", allocation(resourceId, activeProject(newPortfolio()), 10)), "VALIDATION_FAILED");
    }

    @Test
    void teamMembersCannotAllocate() {
        String portfolioId = newPortfolio();
        String resourceId = newResource(portfolioId);
        assertRefused(as("member").documentName("allocateResource")
                .variable("input", allocation(resourceId, activeProject(portfolioId), 10)), "FORBIDDEN");
    }

    @Test
    void reallocationMovesTheShareInOneEvent() {
        String portfolioId = newPortfolio();
        String from = activeProject(portfolioId);
        String to = activeProject(portfolioId);
        String resourceId = newResource(portfolioId);
        allocate(resourceId, from, 60);
        long before = eventCount();

        String moved = as("resources").documentName("reallocateResource").variable("input", Map.of(
                "resourceId", resourceId, "fromProjectId", from, "toProjectId", to, "percent", 20,
                "start", "2027-01-11", "end", "2027-01-15", "reason", "Priorities")).execute()
                .path("reallocateResource.allocationId").entity(String.class).get();

        assertThat(events(resourceId)).endsWith("ResourceAllocatedEvent", "ResourceReallocatedEvent");
        assertThat(eventCount()).isEqualTo(before + 1);
        assertThat(lastPayload(resourceId)).contains(moved);
    }

    @Test
    void cannotReallocateMoreThanTheSourceHolds() {
        String portfolioId = newPortfolio();
        String from = activeProject(portfolioId);
        String to = activeProject(portfolioId);
        String resourceId = newResource(portfolioId);
        allocate(resourceId, from, 30);
        allocate(resourceId, to, 50);
        assertRefused(as("resources").documentName("reallocateResource").variable("input", Map.of(
                "resourceId", resourceId, "fromProjectId", from, "toProjectId", to, "percent", 60,
                "start", "2027-01-11", "end", "2027-01-15", "reason", "Overfill")), "CONFLICT");
    }

    @Test
    void reallocationNeedsAReason() {
        String resourceId = newResource(newPortfolio());
        assertRefused(as("resources").documentName("reallocateResource").variable("input", Map.of(
                "resourceId", resourceId, "fromProjectId", UUID.randomUUID().toString(),
                "toProjectId", UUID.randomUUID().toString(), "percent", 20, "start", "2027-01-11",
                "end", "2027-01-15", "reason", " ")), "VALIDATION_FAILED");
    }

    @Test
    void releaseIsIdempotent() {
        String portfolioId = newPortfolio();
        String resourceId = newResource(portfolioId);
        String allocationId = allocate(resourceId, activeProject(portfolioId), 60);
        Map<String, Object> input = Map.of("resourceId", resourceId, "allocationId", allocationId,
                "releaseFrom", "2027-01-18", "reason", "Done early");

        as("resources").documentName("releaseResource").variable("input", input).execute()
                .path("releaseResource.correlationId").hasValue();
        as("resources").documentName("releaseResource").variable("input", input).execute()
                .path("releaseResource.correlationId").hasValue();

        assertThat(events(resourceId)).containsExactly("ResourceRegisteredEvent", "ResourceAllocatedEvent",
                "ResourceReleasedEvent");
    }

    @Test
    void cannotReleaseAnUnknownAllocation() {
        String resourceId = newResource(newPortfolio());
        assertRefused(as("resources").documentName("releaseResource").variable("input", Map.of(
                "resourceId", resourceId, "allocationId", UUID.randomUUID().toString(),
                "releaseFrom", "2027-01-18")), "NOT_FOUND");
    }

    // --- time ---

    private Map<String, Object> timeEntry(String resourceId, String projectId, String date, String hours) {
        return Map.of("resourceId", resourceId, "projectId", projectId, "date", date, "hours", hours);
    }

    @Test
    void loggedTimeCarriesItsCostAndAnswersTheEntryId() {
        String portfolioId = newPortfolio();
        String projectId = activeProject(portfolioId);
        String resourceId = newResource(portfolioId);
        allocate(resourceId, projectId, 50);

        String timeEntryId = as("member").documentName("logTime")
                .variable("input", timeEntry(resourceId, projectId, "2027-01-05", "7.5")).execute()
                .path("logTime.timeEntryId").entity(String.class).get();

        assertThat(lastPayload(resourceId)).contains(timeEntryId).contains("\"amount\":600.00");
    }

    @Test
    void cannotLogTimeOutsideTheAllocation() {
        String portfolioId = newPortfolio();
        String projectId = activeProject(portfolioId);
        String resourceId = newResource(portfolioId);
        allocate(resourceId, projectId, 50);
        assertRefused(as("member").documentName("logTime")
                .variable("input", timeEntry(resourceId, projectId, "2027-02-01", "1")), "CONFLICT");
    }

    @Test
    void cannotLogMoreThan24Hours() {
        String resourceId = newResource(newPortfolio());
        assertRefused(as("member").documentName("logTime")
                .variable("input", timeEntry(resourceId, UUID.randomUUID().toString(), "2027-01-05", "24.5")),
                "VALIDATION_FAILED");
    }

    @Test
    void reversalIsRecordedOnce() {
        String portfolioId = newPortfolio();
        String projectId = activeProject(portfolioId);
        String resourceId = newResource(portfolioId);
        allocate(resourceId, projectId, 50);
        String timeEntryId = as("member").documentName("logTime")
                .variable("input", timeEntry(resourceId, projectId, "2027-01-05", "2")).execute()
                .path("logTime.timeEntryId").entity(String.class).get();
        Map<String, Object> reversal = Map.of("resourceId", resourceId, "timeEntryId", timeEntryId,
                "reason", "Wrong project");

        as("pm").documentName("reverseTimeLog").variable("input", reversal).execute()
                .path("reverseTimeLog.correlationId").hasValue();
        assertRefused(as("pm").documentName("reverseTimeLog").variable("input", reversal), "CONFLICT");
        assertThat(events(resourceId)).endsWith("TimeLoggedEvent", "TimeLogReversedEvent");
    }

    @Test
    void teamMembersCannotReverseTime() {
        String resourceId = newResource(newPortfolio());
        assertRefused(as("member").documentName("reverseTimeLog").variable("input", Map.of("resourceId", resourceId,
                "timeEntryId", UUID.randomUUID().toString(), "reason", "Typo")), "FORBIDDEN");
    }
}
