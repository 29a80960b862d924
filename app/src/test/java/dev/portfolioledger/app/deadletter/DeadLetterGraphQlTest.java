package dev.portfolioledger.app.deadletter;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.axon.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events that PostgreSQL refuses to store in a view (NUL, an unpaired surrogate) were stored in
 * the event store before commands refused such text; they abort the batch's transaction, which
 * used to stall the views and the audit trail for good. Here they are written straight into the
 * event table, as copies of real events with the next sequence number.
 */
class DeadLetterGraphQlTest extends GraphQlIntegrationTest {

    private static final String VIEWS = ProcessingGroups.VIEWS;
    private static final String AUDIT = ProcessingGroups.AUDIT;
    private static final String HISTORY = ProcessingGroups.HISTORY;
    private static final String POISON_REASON = "rename before poison";

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void poisonEventsAreParkedOnTheirOwnAndOperatorsRetryAndSkipThem() {
        String portfolioId = newPortfolio();
        String nulInName = newProgram(portfolioId);
        String surrogateInName = newProgram(portfolioId);
        String nulInReason = newProgram(portfolioId);
        String sameSegment = programInSegment(portfolioId, segmentOf(nulInName));
        String otherSegment = programInSegment(portfolioId, 1 - segmentOf(nulInName));
        for (String poisoned : List.of(nulInName, surrogateInName, nulInReason)) {
            rename(poisoned, unique("Renamed"));
        }

        insertCopyOfLastEvent(nulInName, payload -> payload.replaceFirst(
                "\"name\":\"[^\"]*\"", "\"name\":\"Bad\\\\u0000Name\""), metadata -> metadata);
        insertCopyOfLastEvent(surrogateInName, payload -> payload.replaceFirst(
                "\"name\":\"[^\"]*\"", "\"name\":\"Bad\\\\ud800Name\""), metadata -> metadata);
        insertCopyOfLastEvent(nulInReason, payload -> payload,
                metadata -> metadata.replace(POISON_REASON, "Because\\u0000poison"));

        // later changes of other aggregates, in the poison's segment and in the other, reach the views
        // (read your writes: no TIMEOUT) and the audit trail
        String sameName = unique("After poison");
        String otherName = unique("After poison");
        assertThat(rename(sameSegment, sameName)).isEqualTo(sameName);
        assertThat(rename(otherSegment, otherName)).isEqualTo(otherName);
        awaitAuditEntries(sameSegment, 2);
        awaitAuditEntries(otherSegment, 2);

        awaitParked(VIEWS, nulInName);
        awaitParked(AUDIT, nulInName, surrogateInName, nulInReason);
        // the history stores the name in its JSON document, which PostgreSQL refuses a NUL in too
        awaitParked(HISTORY, nulInName);
        assertThat(parkedSequences(VIEWS)).doesNotContain(nulInReason, sameSegment, otherSegment);
        assertThat(parkedSequences(HISTORY)).doesNotContain(nulInReason, sameSegment, otherSegment);
        assertThat(parkedSequences(AUDIT)).doesNotContain(sameSegment, otherSegment);
        long parkedBefore = parkedCount();

        // nothing is stuck across a restart of the processors: the parked letters stay parked
        for (String group : List.of(VIEWS, AUDIT, HISTORY)) {
            EventProcessor processor = processing.eventProcessor(group).orElseThrow();
            processor.shutDown();
            processor.start();
        }
        String afterRestart = unique("After restart");
        assertThat(rename(sameSegment, afterRestart)).isEqualTo(afterRestart);
        awaitAuditEntries(sameSegment, 3);
        assertThat(parkedCount()).isEqualTo(parkedBefore);

        health().jsonPath("$.status").isEqualTo("DEGRADED")
                .jsonPath("$.components.eventProcessors.status").isEqualTo("DEGRADED")
                .jsonPath("$.components.eventProcessors.details.deadLetters").isEqualTo((int) parkedBefore)
                .jsonPath("$.components.eventProcessors.details.audit.deadLetters")
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup = ?",
                        Integer.class, AUDIT));

        Map<String, Object> parked = letter(AUDIT, nulInName);
        assertThat(parked).containsEntry("eventType", "ProgramRenamedEvent")
                .containsEntry("aggregateIdentifier", nulInName)
                .containsEntry("sequenceNumber", 2)
                .containsEntry("retries", 0)
                .containsKey("enqueuedAt").containsKey("lastTouched");
        assertThat(parked.get("globalIndex")).isNotNull();
        assertThat((String) parked.get("causeMessage")).contains("\\u0000").doesNotContain("\tat ");
        assertThat(letter(VIEWS, nulInName).get("causeMessage")).asString().contains("0x00");
        assertThat(letter(AUDIT, surrogateInName).get("causeMessage")).asString().containsIgnoringCase("surrogate");

        // a retry of letters that still fail leaves them parked, counted, and breaks nothing
        Map<String, Object> retried = retry(AUDIT, null);
        assertThat(retried.get("stillParked")).isEqualTo(3);
        assertThat(retried.get("healed")).isEqualTo(0);
        assertThat(retry(VIEWS, nulInName)).containsEntry("healed", 0).containsEntry("stillParked", 1);
        assertThat(letter(AUDIT, nulInName)).containsEntry("retries", 1);
        assertThat(letter(VIEWS, nulInName)).containsEntry("retries", 1);
        String afterRetry = unique("After retry");
        assertThat(rename(sameSegment, afterRetry)).isEqualTo(afterRetry);

        // skipping is audited, and the group goes on
        Map<String, Object> skipped = skip(VIEWS, nulInName, "name holds a NUL; fixed by a new rename");
        assertThat(skipped).containsEntry("healed", 0).containsEntry("stillParked", 0);
        for (String sequence : List.of(nulInName, surrogateInName, nulInReason)) {
            skip(AUDIT, sequence, "refused text in event of " + sequence);
        }
        List<String> parkedInHistory = parkedSequences(HISTORY);
        for (String sequence : parkedInHistory) {
            skip(HISTORY, sequence, "refused text in the history of " + sequence);
        }
        assertThat(parkedSequences(VIEWS)).doesNotContain(nulInName);
        assertThat(parkedSequences(AUDIT)).doesNotContain(nulInName, surrogateInName, nulInReason);
        assertThat(parkedSequences(HISTORY)).isEmpty();
        List<Map<String, Object>> decisions = awaitSkipDecisions(4 + parkedInHistory.size());
        assertThat(decisions).anySatisfy(decision -> {
            assertThat(decision).containsEntry("actor", "ops")
                    .containsEntry("reason", "name holds a NUL; fixed by a new rename")
                    .containsEntry("correlationId", skipped.get("correlationId"));
            assertThat(payloadOf(decision)).containsEntry("processingGroup", VIEWS)
                    .containsEntry("sequenceIdentifier", nulInName)
                    .containsEntry("eventType", "ProgramRenamedEvent");
        });
        health().jsonPath("$.components.eventProcessors.status").isEqualTo("UP");
    }

    @Test
    void onlyOperatorsListRetryOrSkipDeadLetters() {
        assertRefused(as("pmo").documentName("deadLetters"), "FORBIDDEN");
        assertRefused(as("auditor").documentName("retryDeadLetters")
                .variable("input", Map.of("processingGroup", VIEWS)), "FORBIDDEN");
        assertRefused(as("pmo").documentName("skipDeadLetter")
                .variable("input", Map.of("processingGroup", VIEWS, "sequenceIdentifier", UUID.randomUUID().toString(),
                        "reason", "no")), "FORBIDDEN");
    }

    @Test
    void skippingALetterThatIsNotParkedIsNotFound() {
        assertRefused(as("ops").documentName("skipDeadLetter")
                .variable("input", Map.of("processingGroup", VIEWS, "sequenceIdentifier", UUID.randomUUID().toString(),
                        "reason", "nothing there")), "NOT_FOUND");
        assertRefused(as("ops").documentName("retryDeadLetters")
                .variable("input", Map.of("processingGroup", "no-such-group")), "NOT_FOUND");
    }

    @Test
    void operatorInputIsCheckedBeforeItReachesTheDatabaseOrAMessage() {
        String fiveMegabytes = "x".repeat(5 * 1024 * 1024);
        List<String> hostile = List.of("views\u0000", "\ud800", fiveMegabytes);
        for (String value : hostile) {
            String shown = value.length() > 20 ? value.length() + " characters" : value;
            assertThat(rawAs("ops").execute("skipDeadLetter", "skipDeadLetter", Map.of("input", Map.of(
                    "processingGroup", VIEWS, "sequenceIdentifier", value, "reason", "why"))).code())
                    .as("sequenceIdentifier %s", shown).isEqualTo("VALIDATION_FAILED");
            assertThat(rawAs("ops").execute("retryDeadLetters", "retryDeadLetters", Map.of("input", Map.of(
                    "processingGroup", value))).code())
                    .as("processingGroup %s", shown).isEqualTo("VALIDATION_FAILED");
            assertThat(rawAs("ops").execute("deadLetters", "deadLetters", Map.of("processingGroup", value)).code())
                    .as("deadLetters(processingGroup: %s)", shown).isEqualTo("VALIDATION_FAILED");
            assertThat(rawAs("ops").execute("skipDeadLetter", "skipDeadLetter", Map.of("input", Map.of(
                    "processingGroup", VIEWS, "sequenceIdentifier", UUID.randomUUID().toString(), "reason", value))).code())
                    .as("reason %s", shown).isEqualTo("VALIDATION_FAILED");
        }
    }

    private String rename(String programId, String name) {
        return as("program").documentName("renameProgram")
                .variable("input", Map.of("programId", programId, "name", name, "reason", POISON_REASON))
                .execute().path("renameProgram.program.name").entity(String.class).get();
    }

    /** The segment (of two) whose processor handles this aggregate's events. */
    private static int segmentOf(String aggregateId) {
        return aggregateId.hashCode() & 1;
    }

    private String programInSegment(String portfolioId, int segment) {
        for (int attempt = 0; attempt < 64; attempt++) {
            String programId = newProgram(portfolioId);
            if (segmentOf(programId) == segment) {
                return programId;
            }
        }
        throw new AssertionError("no program landed in segment " + segment);
    }

    /** Stores a copy of the aggregate's newest event as its next one, with altered JSON. */
    private void insertCopyOfLastEvent(String aggregateId, UnaryOperator<String> payload,
                                       UnaryOperator<String> metadata) {
        Map<String, Object> last = jdbc.queryForMap("SELECT * FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber DESC LIMIT 1", aggregateId);
        String payloadJson = payload.apply(new String((byte[]) last.get("payload"), StandardCharsets.UTF_8));
        String metadataJson = metadata.apply(new String((byte[]) last.get("metadata"), StandardCharsets.UTF_8));
        assertThat(payloadJson + metadataJson).contains("\\u");
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,"
                        + " payload, payloadrevision, payloadtype, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                aggregateId, (Long) last.get("sequencenumber") + 1, last.get("type"), UUID.randomUUID().toString(),
                metadataJson.getBytes(StandardCharsets.UTF_8), payloadJson.getBytes(StandardCharsets.UTF_8),
                last.get("payloadrevision"), last.get("payloadtype"), last.get("timestamp"));
    }

    private List<String> parkedSequences(String group) {
        return jdbc.queryForList("SELECT sequenceidentifier FROM deadletterentry WHERE processinggroup = ?",
                String.class, group);
    }

    private long parkedCount() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM deadletterentry", Long.class);
        return count == null ? 0 : count;
    }

    private void awaitParked(String group, String... sequences) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!parkedSequences(group).containsAll(List.of(sequences)) && System.nanoTime() < deadline) {
            sleep();
        }
        assertThat(parkedSequences(group)).as("parked in %s", group).contains(sequences);
    }

    private Map<String, Object> letter(String group, String sequence) {
        List<Map<String, Object>> letters = as("ops").documentName("deadLetters")
                .variable("processingGroup", group).variable("first", 100)
                .execute().path("deadLetters.edges[*].node").entityList(mapType()).get();
        return letters.stream().filter(letter -> sequence.equals(letter.get("sequenceIdentifier")))
                .findFirst().orElseThrow(() -> new AssertionError("no letter of " + sequence + " in " + group));
    }

    private Map<String, Object> retry(String group, String sequence) {
        Map<String, Object> input = new HashMap<>();
        input.put("processingGroup", group);
        input.put("sequenceIdentifier", sequence);
        return as("ops").documentName("retryDeadLetters").variable("input", input)
                .execute().path("retryDeadLetters").entity(mapType()).get();
    }

    private Map<String, Object> skip(String group, String sequence, String reason) {
        return as("ops").documentName("skipDeadLetter")
                .variable("input", Map.of("processingGroup", group, "sequenceIdentifier", sequence, "reason", reason))
                .execute().path("skipDeadLetter").entity(mapType()).get();
    }

    /** Health as an operator: only OPERATOR sees the components and their details. */
    private WebTestClient.BodyContentSpec health() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/actuator/health").headers(h -> h.setBasicAuth("ops", "ops-demo")).exchange()
                .expectStatus().isOk()
                .expectBody();
    }

    private void awaitAuditEntries(String aggregateId, int expected) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (auditEntries(Map.of("aggregateId", aggregateId)).size() < expected && System.nanoTime() < deadline) {
            sleep();
        }
        assertThat(auditEntries(Map.of("aggregateId", aggregateId))).hasSize(expected);
    }

    private List<Map<String, Object>> awaitSkipDecisions(int atLeast) {
        Map<String, Object> filter = Map.of("eventType", "DeadLetterSkippedEvent", "actor", "ops");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (auditEntries(filter).size() < atLeast && System.nanoTime() < deadline) {
            sleep();
        }
        List<Map<String, Object>> decisions = auditEntries(filter);
        assertThat(decisions).hasSizeGreaterThanOrEqualTo(atLeast);
        return decisions;
    }

    private List<Map<String, Object>> auditEntries(Map<String, Object> filter) {
        return as("auditor").documentName("auditTrail").variable("filter", filter).variable("first", 100)
                .execute().path("auditTrail.edges[*].node").entityList(mapType()).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payloadOf(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("payload");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

}
