package dev.portfolioledger.app.history;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.Processors;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.query.asof.HistoryReadiness;
import dev.portfolioledger.query.asof.ViewHistory;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history is a function of the event store: rebuilding it from the events (an operator's
 * reset, or the first start of a database recorded before the history existed) gives back the same
 * versions, row for row.
 */
class HistoryRebuildTest extends GraphQlIntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private ViewHistory history;

    @Autowired
    private HistoryReadiness readiness;

    private Processors processors;

    @BeforeEach
    void processors() {
        processors = new Processors(processing, jdbc);
    }

    @Test
    void aReplayReproducesTheHistoryRowForRow() {
        recordSomeHistory();
        processors.awaitHead(ProcessingGroups.HISTORY);
        List<Map<String, Object>> before = history.dump();
        assertThat(before).as("versions were kept").isNotEmpty();

        processors.rebuild(ProcessingGroups.HISTORY, jdbc -> {
        });

        assertThat(history.dump()).isEqualTo(before);
        // caught up, though Axon flags the group as replaying until a newer event arrives
        assertThat(readiness.ready()).as("the rebuilt history answers as-of reads").isTrue();
    }

    @Test
    void aDatabaseRecordedBeforeTheHistoryExistedGetsItsHistoryFromTheEvents() {
        recordSomeHistory();
        processors.awaitHead(ProcessingGroups.HISTORY);
        List<Map<String, Object>> before = history.dump();

        // as a database migrated to this version finds it: events, no history rows, no history token
        processors.restart(ProcessingGroups.HISTORY, jdbc -> {
            jdbc.update("DELETE FROM tokenentry WHERE processorname = ?", ProcessingGroups.HISTORY);
            jdbc.update("DELETE FROM view_version");
            jdbc.update("DELETE FROM view_history_position");
        });

        assertThat(history.dump()).isEqualTo(before);
    }

    /** A portfolio with a program, a planned and approved project, and an approved change request. */
    private void recordSomeHistory() {
        String portfolioId = newPortfolio();
        String programId = newProgram(portfolioId);
        String projectId = newProject(portfolioId, programId);
        String deliverable = UUID.randomUUID().toString();
        as("pm").documentName("addDeliverable").variable("input", Map.of(
                "projectId", projectId, "deliverableId", deliverable, "name", "Design",
                "plannedCost", Map.of("amount", "12000.50", "currency", "EUR"),
                "plannedStart", "2027-01-04", "plannedFinish", "2027-03-31"))
                .execute().path("addDeliverable.project.id").hasValue();
        transition("approveProject", projectId, "pmo");
        String request = UUID.randomUUID().toString();
        as("pm").documentName("submitChangeRequest").variable("input", Map.of(
                "projectId", projectId, "changeRequestId", request, "title", "More budget",
                "justification", "Scope grew", "changes", List.of(Map.of(
                        "kind", "CHANGE_BUDGET", "category", "LABOUR",
                        "newAmount", Map.of("amount", "5000", "currency", "EUR")))))
                .execute().path("submitChangeRequest.project.id").hasValue();
        as("program").documentName("assessChangeRequest").variable("input", Map.of(
                "projectId", projectId, "changeRequestId", request,
                "costImpact", Map.of("amount", "5000", "currency", "EUR"), "scheduleImpactDays", 0,
                "riskNotes", "none")).execute().path("assessChangeRequest.project.id").hasValue();
        as("approver").documentName("approveChangeRequest").variable("input", Map.of(
                "projectId", projectId, "changeRequestId", request))
                .execute().path("approveChangeRequest.project.id").hasValue();
    }
}
