package dev.portfolioledger.app.rebuild;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.Processors;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.query.asof.ViewHistory;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator rebuilds a processing group from the event store over GraphQL and follows its
 * progress until it has caught up; the rebuilt history is the one it replaced, and as-of reads
 * answer the same during and after the rebuild.
 */
class ProjectionRebuildGraphQlTest extends GraphQlIntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private ViewHistory history;

    @Test
    void anOperatorRebuildsTheHistoryAndFollowsItUntilItHasCaughtUp() throws InterruptedException {
        String projectId = newProject(newPortfolio(), null);
        Instant proposed = Instant.now();
        transition("approveProject", projectId, "pmo");
        Processors processors = new Processors(processing, jdbc);
        processors.awaitHead(ProcessingGroups.HISTORY);
        List<Map<String, Object>> before = history.dump();
        long events = eventCount();

        GraphQlTester.Response started = as("ops").documentName("rebuildProjection")
                .variable("input", Map.of("processingGroup", "history")).execute();
        started.path("rebuildProjection.rebuild.processingGroup").entity(String.class).isEqualTo("history");
        started.path("rebuildProjection.rebuild.startedBy").entity(String.class).isEqualTo("ops");
        started.path("rebuildProjection.rebuild.eventsTotal").entity(String.class).isEqualTo(Long.toString(events));
        // readers keep getting the same as-of answer while the history is rebuilt
        as("pm").documentName("asOfProject").variable("id", projectId).variable("asOf", proposed.toString())
                .execute().path("project.status").entity(String.class).isEqualTo("PROPOSED");

        Map<String, Object> progress = awaitCaughtUp();
        assertThat(progress).containsEntry("caughtUp", true).containsEntry("eventsDone", Long.toString(events));
        assertThat(progress.get("finishedAt")).isNotNull();
        assertThat(((Number) progress.get("eventsPerSecond")).doubleValue()).isPositive();
        processors.awaitHead(ProcessingGroups.HISTORY);
        assertThat(history.dump()).isEqualTo(before);
        as("pm").documentName("asOfProject").variable("id", projectId).variable("asOf", proposed.toString())
                .execute().path("project.status").entity(String.class).isEqualTo("PROPOSED");
    }

    @Test
    void onlyOperatorsRebuildAndOnlyKnownGroups() {
        assertRefused(as("pmo").documentName("rebuildProjection")
                              .variable("input", Map.of("processingGroup", "history")), "FORBIDDEN");
        assertRefused(as("pmo").documentName("projectionRebuild").variable("processingGroup", "history"),
                      "FORBIDDEN");
        assertRefused(as("ops").documentName("rebuildProjection")
                              .variable("input", Map.of("processingGroup", "no-such-group")), "NOT_FOUND");
        assertRefused(as("ops").documentName("rebuildProjection")
                              .variable("input", Map.of("processingGroup", "views\u0000")), "VALIDATION_FAILED");
        assertRefused(as("ops").documentName("rebuildProjection")
                              .variable("input", Map.of("processingGroup", "command-lookups")), "NOT_FOUND");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitCaughtUp() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Map<String, Object> progress = as("ops").documentName("projectionRebuild")
                    .variable("processingGroup", "history").execute()
                    .path("projectionRebuild").entity(Map.class).get();
            if (Boolean.TRUE.equals(progress.get("caughtUp")) || System.nanoTime() > deadline) {
                return progress;
            }
            Thread.sleep(50);
        }
    }
}
