package dev.portfolioledger.app.audit;

import dev.portfolioledger.api.audit.RecordAccessDenialCommand;
import dev.portfolioledger.app.support.CommitSabotage;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.Processors;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.axon.integrity.MerkleTree;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals on record (README, Refusals on record): a role check or a segregation-of-duty rule that
 * refuses a request leaves one AccessDeniedEvent, whatever happened to the refused command, readable by
 * auditors and the PMO through accessDenials and covered by the tamper-evident audit log.
 */
class AccessDenialGraphQlTest extends GraphQlIntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void selfApprovalAttemptLeavesExactlyOneDenialAndNothingElse() {
        Instant started = Instant.now();
        String projectId = approvedProject();
        String request = UUID.randomUUID().toString();
        as("lead").documentName("submitChangeRequest").variable("input", Map.of("projectId", projectId,
                        "changeRequestId", request, "title", "More travel", "justification", "Site visits",
                        "changes", List.of(Map.of("kind", "CHANGE_BUDGET", "category", "TRAVEL",
                                "newAmount", Map.of("amount", "100", "currency", "EUR")))))
                .execute().path("submitChangeRequest.project.id").hasValue();
        as("program").documentName("assessChangeRequest").variable("input", Map.of("projectId", projectId,
                        "changeRequestId", request, "costImpact", Map.of("amount", "100", "currency", "EUR"),
                        "scheduleImpactDays", 0))
                .execute().path("assessChangeRequest.project.id").hasValue();
        long projectEvents = eventsOf(projectId);
        String requestId = "self-approval-" + UUID.randomUUID();

        assertRefused(withRequestId("lead", requestId).documentName("approveChangeRequest")
                .variable("input", Map.of("projectId", projectId, "changeRequestId", request)),
                "SELF_APPROVAL_FORBIDDEN");

        List<Map<String, Object>> denials = denials("auditor", Map.of("actor", "lead",
                "code", "SELF_APPROVAL_FORBIDDEN", "from", started.toString()));
        assertThat(denials).singleElement().satisfies(denial -> assertThat(denial)
                .containsEntry("actor", "lead")
                .containsEntry("operation", "approveChangeRequest")
                .containsEntry("target", projectId)
                .containsEntry("code", "SELF_APPROVAL_FORBIDDEN")
                .containsEntry("requestId", requestId));
        assertThat(eventsOf(projectId)).as("the refused approval stored nothing").isEqualTo(projectEvents);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE"
                + " '%AccessDeniedEvent' AND convert_from(metadata, 'UTF8') LIKE ?", Long.class, "%" + requestId + "%"))
                .as("one denial event for the request").isEqualTo(1);
        as("pmo").documentName("accessDenials").variable("filter", Map.of("actor", "lead",
                        "code", "SELF_APPROVAL_FORBIDDEN", "from", started.toString())).execute()
                .path("accessDenials.edges").entityList(Object.class).hasSize(1);
        assertRefused(as("pm").documentName("accessDenials"), "FORBIDDEN");
    }

    @Test
    void forbiddenMutationAndForbiddenQueryAreRecorded() {
        Instant started = Instant.now();
        String projectId = newProject(newPortfolio(), null);
        long projectEvents = eventsOf(projectId);
        assertRefused(as("pm").documentName("approveProject").variable("input", Map.of("projectId", projectId)),
                "FORBIDDEN");
        assertRefused(as("member").documentName("auditTrail").variable("filter", Map.of("aggregateId", projectId)),
                "FORBIDDEN");
        assertThat(eventsOf(projectId)).isEqualTo(projectEvents);
        as("pmo").documentName("project").variable("id", projectId).execute()
                .path("project.status").entity(String.class).isEqualTo("PROPOSED");

        assertThat(denials("pmo", Map.of("actor", "pm", "operation", "approveProject", "from", started.toString())))
                .singleElement().satisfies(denial -> assertThat(denial).containsEntry("target", projectId)
                        .containsEntry("code", "FORBIDDEN"));
        assertThat(denials("auditor", Map.of("actor", "member", "operation", "auditTrail", "from", started.toString())))
                .singleElement().satisfies(denial -> assertThat(denial).containsEntry("target", projectId)
                        .containsEntry("code", "FORBIDDEN"));
    }

    @Test
    void denialIsALeafOfTheAuditLogAndTheTrailStaysIntact() {
        Instant started = Instant.now();
        assertRefused(as("member").documentName("verifyAuditTrail"), "FORBIDDEN");
        Map<String, Object> denial = denials("auditor", Map.of("actor", "member", "operation", "verifyAuditTrail",
                "from", started.toString())).get(0);
        new Processors(processing, jdbc).awaitHead(ProcessingGroups.INTEGRITY);
        as("ops").documentName("createAuditCheckpoint").execute().path("createAuditCheckpoint.checkpoint.number")
                .hasValue();

        Map<String, Object> proof = as("auditor").documentName("auditProof").variable("eventId", denial.get("eventId"))
                .execute().path("auditProof").entity(mapType()).get();
        assertThat(proof).containsEntry("globalIndex", denial.get("globalIndex")).containsEntry("sequenceNumber", 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> checkpoint = (Map<String, Object>) proof.get("checkpoint");
        HexFormat hex = HexFormat.of();
        List<byte[]> path = ((List<?>) proof.get("inclusionProof")).stream().map(h -> hex.parseHex((String) h))
                .toList();
        assertThat(MerkleTree.verifyInclusion(((Number) proof.get("logIndex")).longValue(),
                ((Number) checkpoint.get("treeSize")).longValue(), hex.parseHex((String) proof.get("leafHash")), path,
                hex.parseHex((String) checkpoint.get("rootHash")))).isTrue();

        var verification = as("pmo").documentName("verifyAuditTrail").execute();
        verification.path("verifyAuditTrail.findings").entityList(mapType()).hasSize(0);
        verification.path("verifyAuditTrail.intact").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void denialsAreFilteredAndPagedNewestFirst() {
        Instant started = Instant.now();
        for (int i = 0; i < 3; i++) {
            assertRefused(as("approver").documentName("createPortfolio").variable("input",
                    Map.of("name", unique("Denied"), "currency", "EUR", "owner", "O")), "FORBIDDEN");
        }
        assertRefused(as("approver").documentName("deadLetters").variable("processingGroup", "views"), "FORBIDDEN");
        Map<String, Object> filter = new HashMap<>(Map.of("actor", "approver", "operation", "createPortfolio",
                "from", started.toString()));
        List<Map<String, Object>> all = denials("auditor", filter);
        assertThat(all).hasSize(3);
        assertThat(all).extracting(d -> Long.parseLong((String) d.get("globalIndex"))).isSortedAccordingTo(
                (a, b) -> Long.compare(b, a));

        var first = as("auditor").documentName("accessDenials").variable("filter", filter).variable("first", 2)
                .execute();
        first.path("accessDenials.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("accessDenials.pageInfo.endCursor").entity(String.class).get();
        first.path("accessDenials.edges[*].node.eventId").entityList(String.class)
                .containsExactly((String) all.get(0).get("eventId"), (String) all.get(1).get("eventId"));
        var second = as("auditor").documentName("accessDenials").variable("filter", filter).variable("first", 2)
                .variable("after", cursor).execute();
        second.path("accessDenials.edges[*].node.eventId").entityList(String.class)
                .containsExactly((String) all.get(2).get("eventId"));
        second.path("accessDenials.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

        assertThat(denials("auditor", Map.of("actor", "approver", "from", started.toString()))).hasSize(4);
        filter.put("to", started.toString());
        assertThat(denials("auditor", filter)).isEmpty();
        assertRefused(as("auditor").documentName("accessDenials").variable("filter",
                Map.of("from", started.toString(), "to", started.minusSeconds(1).toString())), "VALIDATION_FAILED");
    }

    @Test
    void refusalIsAnsweredAsSuchWhenItCannotBePutOnRecord() {
        long denials = denialEvents();
        CommitSabotage.arm(CommitSabotage.Moment.BEFORE_COMMIT, RecordAccessDenialCommand.class::isInstance);
        try {
            assertRefused(as("member").documentName("createPortfolio").variable("input",
                    Map.of("name", unique("Lost"), "currency", "EUR", "owner", "O")), "FORBIDDEN");
        } finally {
            CommitSabotage.disarm();
        }
        assertThat(denialEvents()).isEqualTo(denials);
    }

    @Test
    void unauthenticatedRequestsAreNotRecorded() {
        long denials = denialEvents();
        client().build().post().bodyValue(Map.of("query", "{ accessDenials { edges { cursor } } }")).exchange()
                .expectStatus().isUnauthorized();
        assertThat(denialEvents()).isEqualTo(denials);
    }

    @Test
    void forbiddenExportsAreRecordedAsWell() {
        Instant started = Instant.now();
        String portfolioId = newPortfolio();
        String projectId = newProject(portfolioId, null);
        exports().get().uri("/exports/evidence/projects/" + projectId)
                .headers(headers -> headers.setBasicAuth("pm", "pm-demo")).exchange().expectStatus().isForbidden();
        exports().get().uri("/exports/portfolios/" + portfolioId + "/summary.csv")
                .headers(headers -> headers.setBasicAuth("ops", "ops-demo")).exchange().expectStatus().isForbidden();

        assertThat(denials("pmo", Map.of("actor", "pm", "operation", "GET /exports/evidence/projects/{id}",
                "from", started.toString()))).singleElement().satisfies(denial -> assertThat(denial)
                .containsEntry("target", projectId).containsEntry("code", "FORBIDDEN"));
        assertThat(denials("auditor", Map.of("actor", "ops", "operation",
                "GET /exports/portfolios/{id}/summary.csv", "from", started.toString()))).singleElement()
                .satisfies(denial -> assertThat(denial).containsEntry("target", portfolioId));
        // a request the service lets through records nothing
        exports().get().uri("/exports/evidence/projects/" + projectId)
                .headers(headers -> headers.setBasicAuth("auditor", "auditor-demo")).exchange().expectStatus().isOk();
        assertThat(denials("pmo", Map.of("actor", "auditor", "from", started.toString()))).isEmpty();
    }

    // --- helpers

    /** Plain HTTP to the service's root (the GraphQL client's base is /graphql). */
    private WebTestClient exports() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    /** The denials matching the filter, once the audit group has handled every stored event. */
    private List<Map<String, Object>> denials(String user, Map<String, Object> filter) {
        new Processors(processing, jdbc).awaitHead(ProcessingGroups.AUDIT);
        return as(user).documentName("accessDenials").variable("filter", filter).execute()
                .path("accessDenials.edges[*].node").entityList(mapType()).get();
    }

    private String approvedProject() {
        String projectId = newProject(newPortfolio(), null);
        transition("approveProject", projectId, "pmo");
        return projectId;
    }

    private HttpGraphQlTester withRequestId(String user, String requestId) {
        return HttpGraphQlTester.create(client().defaultHeaders(headers -> {
            headers.setBasicAuth(user, user + "-demo");
            headers.set("X-Request-Id", requestId);
        }).build());
    }

    private long denialEvents() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE type = 'AccessDenial'", Long.class);
        return count == null ? 0 : count;
    }

    private long eventsOf(String aggregateId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, aggregateId);
        return count == null ? 0 : count;
    }
}
