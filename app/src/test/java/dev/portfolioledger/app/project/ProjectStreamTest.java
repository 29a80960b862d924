package dev.portfolioledger.app.project;

import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a project's stream is read back on the real event store: stored revision 1 proposals through
 * the upcaster, long streams through snapshots.
 */
class ProjectStreamTest extends GraphQlIntegrationTest {

    @Value("${portfolio.snapshots.project-threshold}")
    int snapshotThreshold;

    /**
     * A proposal stored before the event carried the currency (revision 1, as the golden JSON in
     * the command side's upcaster test) is read with the portfolio's currency, by the chain the
     * event store really uses.
     */
    @Test
    void storedRevisionOneProposalDecidesInThePortfoliosCurrency() {
        String portfolioId = as("pmo").documentName("createPortfolio")
                .variable("input", Map.of("name", unique("Portfolio"), "currency", "CHF", "owner", "Olivia Owner"))
                .execute().path("createPortfolio.portfolio.id").entity(String.class).get();
        String template = newProject(portfolioId, null);
        String projectId = UUID.randomUUID().toString();
        Map<String, Object> proposal = jdbc.queryForMap("SELECT * FROM domainevententry WHERE aggregateidentifier = ?"
                + " AND sequencenumber = 0", template);
        String revisionTwo = new String((byte[]) proposal.get("payload"), StandardCharsets.UTF_8);
        assertThat(revisionTwo).contains("\"currency\":\"CHF\"");
        assertThat(proposal.get("payloadrevision")).isEqualTo("2");
        String revisionOne = revisionTwo.replace(",\"currency\":\"CHF\"", "").replace(template, projectId);
        jdbc.update("INSERT INTO project_directory (project_id, portfolio_id, status) VALUES (?::uuid, ?::uuid,"
                + " 'PROPOSED')", projectId, portfolioId);
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,"
                        + " metadata, payload, payloadrevision, payloadtype, timestamp)"
                        + " VALUES (?, 0, 'Project', ?, ?, ?, '1', ?, ?)",
                projectId, UUID.randomUUID().toString(), proposal.get("metadata"),
                revisionOne.getBytes(StandardCharsets.UTF_8), ProjectProposedEvent.class.getName(),
                proposal.get("timestamp"));

        assertRefused(as("pm").documentName("addDeliverable")
                .variable("input", deliverable(projectId, "Design", "EUR")), "VALIDATION_FAILED");
        as("pm").documentName("addDeliverable").variable("input", deliverable(projectId, "Design", "CHF"))
                .execute().path("addDeliverable.project.deliverables[0].plannedCost.currency")
                .entity(String.class).isEqualTo("CHF");
    }

    /**
     * Past the threshold a snapshot is stored, and the project is loaded from it: an early event
     * altered afterwards in the table (only a test does that) no longer shows in a decision, and
     * approval freezes the whole plan as the snapshot holds it (every deliverable, in order).
     */
    @Test
    void longStreamIsLoadedFromItsSnapshot() {
        String projectId = projectPastTheSnapshotThreshold();
        try {
            alterFirstDeliverableEvent(projectId, "\"Part 0\"", "\"Altered\"");
            assertThat(narrowWindowRefusal(projectId)).contains("\"Part 0\"").doesNotContain("Altered");
        } finally {
            alterFirstDeliverableEvent(projectId, "\"Altered\"", "\"Part 0\"");
        }

        transition("approveProject", projectId, "pmo");
        var plan = as("auditor").documentName("projectPlan").variable("id", projectId).execute();
        plan.path("project.baselineVersion").entity(Integer.class).isEqualTo(1);
        plan.path("project.deliverables[*].name").entityList(String.class).hasSize(snapshotThreshold);
        plan.path("project.deliverables[0].name").entity(String.class).isEqualTo("Part 0");
    }

    /** A snapshot of another shape than today's aggregate (its revision differs) is ignored. */
    @Test
    void snapshotOfAnotherRevisionIsIgnored() {
        String projectId = projectPastTheSnapshotThreshold();
        jdbc.update("UPDATE snapshotevententry SET payloadrevision = '0' WHERE aggregateidentifier = ?", projectId);
        try {
            alterFirstDeliverableEvent(projectId, "\"Part 0\"", "\"Altered\"");
            assertThat(narrowWindowRefusal(projectId)).contains("\"Altered\"");
        } finally {
            alterFirstDeliverableEvent(projectId, "\"Altered\"", "\"Part 0\"");
        }
    }

    private String projectPastTheSnapshotThreshold() {
        String projectId = newProject(newPortfolio(), null);
        for (int i = 0; i < snapshotThreshold; i++) {
            as("pm").documentName("addDeliverable").variable("input", deliverable(projectId, "Part " + i, "EUR"))
                    .execute().path("addDeliverable.correlationId").hasValue();
        }
        List<Map<String, Object>> snapshots = jdbc.queryForList("SELECT sequencenumber, payloadrevision, payloadtype"
                + " FROM snapshotevententry WHERE aggregateidentifier = ?", projectId);
        assertThat(snapshots).singleElement().satisfies(snapshot -> {
            assertThat((Long) snapshot.get("sequencenumber")).isBetween(snapshotThreshold - 1L, (long) snapshotThreshold);
            assertThat(snapshot.get("payloadrevision")).isEqualTo("3");
            assertThat(snapshot.get("payloadtype")).isEqualTo("dev.portfolioledger.command.project.Project");
        });
        return projectId;
    }

    /**
     * Renames the first deliverable in its stored event, behind the aggregate's back; the tests put
     * it back, since other tests rebuild read models from the shared event table.
     */
    private void alterFirstDeliverableEvent(String projectId, String from, String to) {
        int altered = jdbc.update("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload,"
                + " 'UTF8'), ?, ?), 'UTF8') WHERE aggregateidentifier = ? AND sequencenumber = 1", from, to, projectId);
        assertThat(altered).isEqualTo(1);
    }

    /** The message of refusing project dates that would strand the first deliverable, which names it. */
    private String narrowWindowRefusal(String projectId) {
        Map<String, Object> input = new HashMap<>(projectInput(newPortfolio()));
        input.remove("portfolioId");
        input.put("projectId", projectId);
        input.put("plannedStart", "2027-02-01");
        String[] message = new String[1];
        as("pm").documentName("reviseProjectDetails").variable("input", input).execute().errors()
                .satisfy(errors -> {
                    assertThat(errors).singleElement().satisfies(error ->
                            assertThat(error.getExtensions()).containsEntry("code", "VALIDATION_FAILED"));
                    message[0] = errors.get(0).getMessage();
                });
        return message[0];
    }

    private static Map<String, Object> deliverable(String projectId, String name, String currency) {
        Map<String, Object> input = new HashMap<>();
        input.put("projectId", projectId);
        input.put("name", name);
        input.put("plannedCost", Map.of("amount", "100", "currency", currency));
        input.put("plannedStart", "2027-01-04");
        input.put("plannedFinish", "2027-02-26");
        return input;
    }
}
