package dev.portfolioledger.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.axon.audit.AuditMetadata;
import dev.portfolioledger.axon.config.AxonInfrastructureConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.Currency;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditTrailProjectionTest {

    private static final Instant RECORDED_AT = Instant.parse("2026-11-28T09:15:00.123456Z");

    private final ObjectMapper objectMapper = new AxonInfrastructureConfiguration().defaultAxonObjectMapper();
    private final List<AuditEntry> recorded = new ArrayList<>();
    private final List<List<AuditEntry>> writes = new ArrayList<>();
    private final AuditTrailProjection projection = new AuditTrailProjection(
            new AuditEntries(null, objectMapper) {
                @Override
                public void recordAll(List<AuditEntry> entries) {
                    writes.add(List.copyOf(entries));
                    recorded.addAll(entries);
                }
            }, JacksonSerializer.builder().objectMapper(objectMapper).build());

    /** Handles the events as one processor batch does: in one unit of work, then commits it. */
    private void handleInOneBatch(EventMessage<?>... events) {
        DefaultUnitOfWork<EventMessage<?>> batch = DefaultUnitOfWork.startAndGet(events[0]);
        try {
            for (EventMessage<?> event : events) {
                projection.on(event, batch);
            }
        } catch (RuntimeException e) {
            batch.rollback(e);
            throw e;
        }
        batch.commit();
    }

    private static Map<String, Object> fullMetadata() {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(AuditMetadata.ACTOR, "alice");
        metadata.put(AuditMetadata.REASON, "Budget withdrawn");
        metadata.put(AuditMetadata.CORRELATION_ID, "corr-1");
        metadata.put(AuditMetadata.CAUSATION_ID, "cmd-1");
        metadata.put(AuditMetadata.REQUEST_ID, "req-1");
        metadata.put(AuditMetadata.COMMAND_NAME, "CancelProjectCommand");
        return metadata;
    }

    @Test
    void recordsAnEventWithItsAuditMetadataUnchanged() {
        ProjectId project = ProjectId.random();
        var event = new GenericDomainEventMessage<>("Project", project.toString(), 4,
                new ProjectCancelledEvent(project, ProjectStatus.ACTIVE, "Budget withdrawn"),
                fullMetadata(), "event-1", RECORDED_AT);

        handleInOneBatch(event);

        assertThat(recorded).singleElement().satisfies(entry -> {
            assertThat(entry.eventId()).isEqualTo("event-1");
            assertThat(entry.eventType()).isEqualTo("ProjectCancelledEvent");
            assertThat(entry.aggregateId()).isEqualTo(project.toString());
            assertThat(entry.aggregateType()).isEqualTo("Project");
            assertThat(entry.sequenceNumber()).isEqualTo(4);
            assertThat(entry.globalIndex()).isEqualTo(AuditTrailProjection.UNKNOWN_INDEX);
            assertThat(entry.recordedAt()).isEqualTo(RECORDED_AT);
            assertThat(entry.actor()).isEqualTo("alice");
            assertThat(entry.reason()).isEqualTo("Budget withdrawn");
            assertThat(entry.correlationId()).isEqualTo("corr-1");
            assertThat(entry.causationId()).isEqualTo("cmd-1");
            assertThat(entry.requestId()).isEqualTo("req-1");
            assertThat(entry.commandName()).isEqualTo("CancelProjectCommand");
            assertThat(json(entry.payload())).isEqualTo(Map.of(
                    "projectId", project.toString(), "previousStatus", "ACTIVE", "reason", "Budget withdrawn"));
        });
    }

    @Test
    void writesPayloadValuesAsJsonStrings() {
        ProjectId project = ProjectId.random();
        PortfolioId portfolio = PortfolioId.random();
        var event = new GenericDomainEventMessage<>("Project", project.toString(), 0,
                new ProjectProposedEvent(project, portfolio, null, "CRM", null, "alice", "bob", Methodology.AGILE,
                                         LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31), Currency.getInstance("EUR")),
                fullMetadata(), "event-2", RECORDED_AT);
        handleInOneBatch(event);

        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) json(recorded.get(0).payload());
        assertThat(payload)
                .containsEntry("portfolioId", portfolio.toString())
                .containsEntry("plannedStart", "2026-03-01")
                .containsEntry("methodology", "AGILE")
                .containsEntry("programId", null);
    }

    @Test
    void optionalMetadataMayBeAbsent() {
        Map<String, Object> metadata = fullMetadata();
        metadata.remove(AuditMetadata.REASON);
        metadata.remove(AuditMetadata.REQUEST_ID);
        metadata.remove(AuditMetadata.COMMAND_NAME);
        ProjectId project = ProjectId.random();
        var event = new GenericDomainEventMessage<>("Project", project.toString(), 1,
                new ProjectCancelledEvent(project, ProjectStatus.PROPOSED, "x"), metadata, "event-3", RECORDED_AT);
        handleInOneBatch(event);

        assertThat(recorded.get(0).reason()).isNull();
        assertThat(recorded.get(0).requestId()).isNull();
        assertThat(recorded.get(0).commandName()).isNull();
    }

    @Test
    void refusesAnEventWithoutActorRatherThanInventingOne() {
        Map<String, Object> metadata = fullMetadata();
        metadata.remove(AuditMetadata.ACTOR);
        ProjectId project = ProjectId.random();
        var event = new GenericDomainEventMessage<>("Project", project.toString(), 1,
                new ProjectCancelledEvent(project, ProjectStatus.PROPOSED, "x"), metadata, "event-4", RECORDED_AT);
        assertThatThrownBy(() -> handleInOneBatch(event))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("actor");
        assertThat(recorded).isEmpty();
    }

    @Test
    void refusesAnEventThatNoAggregateApplied() {
        var event = GenericEventMessage.asEventMessage("not from an aggregate").andMetaData(fullMetadata());
        assertThatThrownBy(() -> handleInOneBatch(event))
                .isInstanceOf(IllegalStateException.class);
        assertThat(recorded).isEmpty();
    }

    @Test
    void writesABatchsEntriesTogetherWhenItCommitsInEventOrder() {
        ProjectId project = ProjectId.random();
        var first = new GenericDomainEventMessage<>("Project", project.toString(), 1,
                new ProjectCancelledEvent(project, ProjectStatus.PROPOSED, "x"), fullMetadata(), "event-5", RECORDED_AT);
        var second = new GenericDomainEventMessage<>("Project", project.toString(), 2,
                new ProjectCancelledEvent(project, ProjectStatus.PROPOSED, "y"), fullMetadata(), "event-6", RECORDED_AT);
        DefaultUnitOfWork<EventMessage<?>> batch = DefaultUnitOfWork.startAndGet(first);

        projection.on(first, batch);
        projection.on(second, batch);
        assertThat(writes).as("nothing is written before the batch commits").isEmpty();
        batch.commit();

        assertThat(writes).singleElement().satisfies(entries ->
                assertThat(entries).extracting(AuditEntry::eventId).containsExactly("event-5", "event-6"));
    }

    @Test
    void writesNothingWhenTheBatchRollsBack() {
        ProjectId project = ProjectId.random();
        var event = new GenericDomainEventMessage<>("Project", project.toString(), 1,
                new ProjectCancelledEvent(project, ProjectStatus.PROPOSED, "x"), fullMetadata(), "event-7", RECORDED_AT);
        DefaultUnitOfWork<EventMessage<?>> batch = DefaultUnitOfWork.startAndGet(event);

        projection.on(event, batch);
        batch.rollback(new IllegalStateException("a later event failed"));

        assertThat(writes).isEmpty();
    }

    /** The payload as the audit table receives it, read back as JSON values. */
    private Object json(Object payload) {
        try {
            return objectMapper.readValue(objectMapper.writeValueAsString(payload), Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
