package dev.portfolioledger.app.resource;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.Processors;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.api.resource.ReleaseProjectAllocationsCommand;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release process against the real app: cancelling a project releases its resources' future
 * allocations, caused by the cancellation event, and a replay of the process releases nothing twice.
 */
class ResourceReleaseProcessGraphQlTest extends GraphQlIntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private CommandBus commandBus;

    private Processors processors;
    /** The release commands as dispatched (after the audit stamping), to see what they carry. */
    private final List<CommandMessage<?>> sent = new CopyOnWriteArrayList<>();
    private Registration recording;

    @BeforeEach
    void setUp() {
        processors = new Processors(processing, jdbc);
        recording = commandBus.registerDispatchInterceptor(messages -> (index, command) -> {
            if (command.getPayload() instanceof ReleaseProjectAllocationsCommand) {
                sent.add(command);
            }
            return command;
        });
    }

    @AfterEach
    void stopRecording() {
        recording.cancel();
    }

    private List<CommandMessage<?>> sentTo(String resourceId) {
        return sent.stream().filter(command -> ((ReleaseProjectAllocationsCommand) command.getPayload()).resourceId()
                .toString().equals(resourceId)).toList();
    }

    private String newResource(String portfolioId) {
        String resourceId = UUID.randomUUID().toString();
        Map<String, Object> input = new HashMap<>();
        input.put("resourceId", resourceId);
        input.put("portfolioId", portfolioId);
        input.put("name", "Grace Hopper");
        input.put("role", "Architect");
        input.put("capacityPercent", 100);
        input.put("costRate", Map.of("amount", "90.00", "currency", "EUR"));
        input.put("rateEffectiveFrom", "2020-01-01");
        as("resources").documentName("registerResource").variable("input", input).execute()
                .path("registerResource.correlationId").hasValue();
        return resourceId;
    }

    private String activeProject(String portfolioId) {
        String projectId = newProject(portfolioId, null);
        transition("approveProject", projectId, "pmo");
        transition("startProject", projectId, "pm");
        return projectId;
    }

    private String allocate(String resourceId, String projectId, LocalDate start, LocalDate end) {
        return as("resources").documentName("allocateResource").variable("input", Map.of("resourceId", resourceId,
                        "projectId", projectId, "percent", 40, "start", start.toString(), "end", end.toString()))
                .execute().path("allocateResource.allocationId").entity(String.class).get();
    }

    private List<Map<String, Object>> releases(String resourceId) {
        return jdbc.queryForList("SELECT convert_from(payload, 'UTF8')::jsonb AS payload,"
                + " convert_from(metadata, 'UTF8')::jsonb ->> 'causationId' AS causation,"
                + " convert_from(metadata, 'UTF8')::jsonb ->> 'correlationId' AS correlation,"
                + " convert_from(metadata, 'UTF8')::jsonb ->> 'actor' AS actor,"
                + " convert_from(metadata, 'UTF8')::jsonb ->> 'reason' AS reason"
                + " FROM domainevententry WHERE aggregateidentifier = ?"
                + " AND payloadtype = 'dev.portfolioledger.api.resource.ResourceReleasedEvent' ORDER BY sequencenumber",
                resourceId);
    }

    @Test
    void cancellingAProjectReleasesItsFutureAllocationsOnceEvenAfterAReplay() {
        String portfolioId = newPortfolio();
        String cancelled = activeProject(portfolioId);
        String kept = activeProject(portfolioId);
        String first = newResource(portfolioId);
        String second = newResource(portfolioId);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String running = allocate(first, cancelled, today.minusDays(10), today.plusDays(30));
        allocate(first, kept, today.minusDays(10), today.plusDays(30));
        String future = allocate(second, cancelled, today.plusDays(5), today.plusDays(20));
        String past = allocate(second, cancelled, today.minusDays(30), today.minusDays(20));

        as("pmo").documentName("cancelProject")
                .variable("input", Map.of("projectId", cancelled, "reason", "Funding withdrawn")).execute()
                .path("cancelProject.project.status").entity(String.class).isEqualTo("CANCELLED");
        processors.awaitHead(ProcessingGroups.RESOURCE_RELEASE);

        Map<String, Object> cancellation = jdbc.queryForMap("SELECT eventidentifier,"
                + " convert_from(metadata, 'UTF8')::jsonb ->> 'correlationId' AS correlation FROM domainevententry"
                + " WHERE aggregateidentifier = ? AND payloadtype = 'dev.portfolioledger.api.project.ProjectCancelledEvent'",
                cancelled);
        List<Map<String, Object>> firstReleases = releases(first);
        List<Map<String, Object>> secondReleases = releases(second);
        assertThat(firstReleases).hasSize(1);
        assertThat(secondReleases).as("the past allocation %s stays", past).hasSize(1);
        for (String resourceId : List.of(first, second)) {
            assertThat(sentTo(resourceId)).hasSize(1);
            CommandMessage<?> command = sentTo(resourceId).get(0);
            assertThat(command.getMetaData()).as("the command's cause is the project's event")
                    .containsEntry("causationId", cancellation.get("eventidentifier").toString())
                    .containsEntry("correlationId", cancellation.get("correlation"))
                    .containsEntry("actor", "system:resource-release");
            assertThat(((ReleaseProjectAllocationsCommand) command.getPayload()).releaseFrom()).isEqualTo(today);
            assertThat(releases(resourceId).get(0).get("causation")).as("the release's cause is that command")
                    .isEqualTo(command.getIdentifier());
        }
        for (Map<String, Object> release : List.of(firstReleases.get(0), secondReleases.get(0))) {
            assertThat(release.get("correlation")).isEqualTo(cancellation.get("correlation"));
            assertThat(release.get("actor")).isEqualTo("system:resource-release");
            assertThat(release.get("reason")).isEqualTo("Project cancelled: Funding withdrawn");
        }
        assertThat(firstReleases.get(0).get("payload").toString()).contains(running)
                .contains("\"remaining\": {\"end\": \"" + today.minusDays(1) + "\"");
        assertThat(secondReleases.get(0).get("payload").toString()).contains(future).contains("\"remaining\": null");

        long before = eventCount();
        processors.rebuild(ProcessingGroups.RESOURCE_RELEASE, jdbc -> { });
        assertThat(sentTo(first)).as("the replay handled the cancellation again").hasSize(2);
        assertThat(releases(first)).hasSize(1);
        assertThat(releases(second)).hasSize(1);
        assertThat(eventCount()).as("a replay sends releases that change nothing").isEqualTo(before);
    }

    @Test
    void closingAProjectReleasesItsFutureAllocations() {
        String portfolioId = newPortfolio();
        String closed = activeProject(portfolioId);
        String resourceId = newResource(portfolioId);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        allocate(resourceId, closed, today.minusDays(10), today.plusDays(30));

        as("pm").documentName("closeProject").variable("input", Map.of("projectId", closed, "objectives", List.of(),
                        "lessonsLearned", List.of(Map.of("category", "RESOURCES", "text", "Book people early")))).execute()
                .path("closeProject.project.status").entity(String.class).isEqualTo("CLOSED");
        processors.awaitHead(ProcessingGroups.RESOURCE_RELEASE);

        assertThat(sentTo(resourceId)).singleElement().satisfies(command ->
                assertThat(((ReleaseProjectAllocationsCommand) command.getPayload()).releaseFrom()).isEqualTo(today));
        assertThat(releases(resourceId)).singleElement().satisfies(release ->
                assertThat(release.get("reason")).isEqualTo("Project closed"));
    }
}
