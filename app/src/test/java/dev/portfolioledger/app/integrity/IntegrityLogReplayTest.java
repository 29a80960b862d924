package dev.portfolioledger.app.integrity;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.Processors;
import dev.portfolioledger.axon.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rebuilding the views replays the event store through their processors; the integrity log does not move. */
class IntegrityLogReplayTest extends GraphQlIntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void replayingTheViewsLeavesTheLogAsItWas() throws InterruptedException {
        String projectId = newProject(newPortfolio(), null);
        transition("approveProject", projectId, "pmo");
        Processors processors = new Processors(processing, jdbc);
        processors.awaitHead(ProcessingGroups.INTEGRITY);
        List<Map<String, Object>> before = leaves();
        assertThat(before).isNotEmpty();

        as("ops").documentName("rebuildProjection").variable("input", Map.of("processingGroup", "views")).execute()
                .path("rebuildProjection.rebuild.processingGroup").entity(String.class).isEqualTo("views");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Boolean.TRUE.equals(as("ops").documentName("projectionRebuild").variable("processingGroup", "views")
                .execute().path("projectionRebuild.caughtUp").entity(Boolean.class).get())
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        processors.awaitHead(ProcessingGroups.VIEWS);
        processors.awaitHead(ProcessingGroups.INTEGRITY);

        assertThat(leaves()).isEqualTo(before);
    }

    private List<Map<String, Object>> leaves() {
        return jdbc.queryForList("SELECT log_index, global_index, event_identifier, encode(leaf_hash, 'hex') AS hash"
                + " FROM integrity_leaf ORDER BY log_index");
    }
}
