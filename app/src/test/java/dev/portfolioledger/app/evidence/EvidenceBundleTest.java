package dev.portfolioledger.app.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.finance.CostLedgerId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.app.cli.CommandLine;
import dev.portfolioledger.app.cli.VerifyEvidenceCommand;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.Processors;
import dev.portfolioledger.app.support.TestIntegrity;
import dev.portfolioledger.axon.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evidence bundle end to end: exported over HTTP by a PMO or an auditor, checked by the standalone
 * verifier (its entry point, in process), and checked again after one character of it was changed, which
 * must fail with the finding that names the change. Bundles are written to {@code target/evidence/} for
 * the reference verifier of docs/audit-integrity.md to read too.
 */
class EvidenceBundleTest extends GraphQlIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OUTPUT = Path.of("target", "evidence");

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aProjectsBundleHoldsExactlyItsEventsAndVerifiesWithTheStandaloneVerifier() throws IOException {
        String portfolioId = newPortfolio();
        String projectId = projectWithEvents(portfolioId);
        String otherProjectId = projectWithEvents(portfolioId);

        byte[] bundle = export("auditor", "/exports/evidence/projects/" + projectId);
        Path file = save("project-bundle.json", bundle);

        Run run = verifyEvidence(file.toString(), "--public-key", publicKeyFile().toString());
        assertThat(run.exit()).as(run.out()).isEqualTo(CommandLine.INTACT);
        assertThat(run.out()).doesNotContain("WARNING").contains("PROJECT " + projectId).contains("all verified");
        JsonNode parsed = JSON.readTree(bundle);
        assertThat(parsed.at("/subject/aggregates").findValuesAsText("id"))
                .containsExactly(projectId, CostLedgerId.of(ProjectId.of(projectId)).toString());
        assertThat(parsed.get("events").findValuesAsText("eventIdentifier"))
                .containsExactlyInAnyOrderElementsOf(eventIds(projectId))
                .doesNotContainAnyElementsOf(eventIds(otherProjectId));
        JsonNode first = parsed.get("events").get(0);
        assertThat(first.get("actor").asText()).isEqualTo("pm");
        assertThat(first.get("correlationId").asText()).isNotEmpty();
        assertThat(first.get("sequenceNumber").asLong()).isZero();
    }

    @Test
    void withoutAKeyTheVerifierWarnsThatTheBundlesOwnKeyProvesOnlyConsistency() throws IOException {
        String projectId = projectWithEvents(newPortfolio());
        Path file = save("project-bundle-own-key.json", export("pmo", "/exports/evidence/projects/" + projectId));

        Run run = verifyEvidence(file.toString());
        assertThat(run.exit()).as(run.out()).isEqualTo(CommandLine.INTACT);
        assertThat(run.out()).contains("WARNING: the public key was taken from the bundle itself");
    }

    @Test
    void oneChangedCharacterOfTheBundleFailsWithTheFindingThatNamesIt() throws IOException {
        String projectId = projectWithEvents(newPortfolio());
        String bundle = new String(export("auditor", "/exports/evidence/projects/" + projectId),
                StandardCharsets.UTF_8);
        Map<String, String> expected = Map.of(
                "\"payload\" : \"", "LEAF_MISMATCH",
                "\"eventIdentifier\" : \"", "LEAF_MISMATCH",
                "\"inclusionProof\" : [ \"", "PROOF_MISMATCH",
                "\"signature\" : \"", "BAD_SIGNATURE",
                "\"rootHash\" : \"", "BAD_SIGNATURE");
        for (var change : expected.entrySet()) {
            Path file = save("tampered.json", changeCharacter(bundle, change.getKey())
                    .getBytes(StandardCharsets.UTF_8));
            Run run = verifyEvidence(file.toString(), "--public-key", publicKeyFile().toString());
            assertThat(run.exit()).as("after changing %s: %s", change.getKey(), run.out())
                    .isEqualTo(CommandLine.FINDINGS);
            assertThat(run.out().lines().findFirst()).as(change.getKey()).hasValueSatisfying(line ->
                    assertThat(line).startsWith(change.getValue()));
        }
    }

    @Test
    void anEventEditedInTheDatabaseIsALeafMismatchInItsBundle() throws IOException {
        String projectId = projectWithEvents(newPortfolio());
        Map<String, Object> row = jdbc.queryForMap("SELECT globalindex, payload FROM domainevententry"
                + " WHERE aggregateidentifier = ? AND sequencenumber = 1", projectId);
        Run run;
        try {
            jdbc.update("UPDATE domainevententry SET payload = set_byte(payload, 5, get_byte(payload, 5) # 1)"
                    + " WHERE globalindex = ?", row.get("globalindex"));
            Path file = save("project-bundle-edited.json",
                    export("auditor", "/exports/evidence/projects/" + projectId));
            run = verifyEvidence(file.toString(), "--public-key", publicKeyFile().toString());
        } finally {
            jdbc.update("UPDATE domainevententry SET payload = ? WHERE globalindex = ?", row.get("payload"),
                    row.get("globalindex"));
        }
        assertThat(run.exit()).isEqualTo(CommandLine.FINDINGS);
        assertThat(run.out().lines().filter(line -> !line.startsWith("Evidence bundle"))).singleElement()
                .satisfies(line -> assertThat(line).startsWith("LEAF_MISMATCH").contains(projectId + " #1"));
    }

    @Test
    void aPortfoliosBundleHoldsItsProgramsProjectsLedgersAndResources() throws IOException {
        String portfolioId = newPortfolio();
        String programId = newProgram(portfolioId);
        String inProgram = newProject(portfolioId, programId);
        String direct = projectWithEvents(portfolioId);
        String resourceId = newResource(portfolioId);
        String elsewhere = projectWithEvents(newPortfolio());

        byte[] bundle = export("pmo", "/exports/evidence/portfolios/" + portfolioId);
        Path file = save("portfolio-bundle.json", bundle);

        Run run = verifyEvidence(file.toString(), "--public-key", publicKeyFile().toString());
        assertThat(run.exit()).as(run.out()).isEqualTo(CommandLine.INTACT);
        JsonNode parsed = JSON.readTree(bundle);
        List<String> roles = new ArrayList<>();
        parsed.at("/subject/aggregates").forEach(member -> roles.add(member.get("role").asText() + " "
                + member.get("id").asText()));
        assertThat(roles).containsExactlyInAnyOrder("PORTFOLIO " + portfolioId, "PROGRAM " + programId,
                "PROJECT " + inProgram, "COST_LEDGER " + CostLedgerId.of(ProjectId.of(inProgram)),
                "PROJECT " + direct, "COST_LEDGER " + CostLedgerId.of(ProjectId.of(direct)),
                "RESOURCE " + resourceId);
        Set<String> expected = new HashSet<>();
        for (String aggregate : List.of(portfolioId, programId, inProgram, direct, resourceId)) {
            expected.addAll(eventIds(aggregate));
        }
        assertThat(parsed.get("events").findValuesAsText("eventIdentifier"))
                .containsExactlyInAnyOrderElementsOf(expected).doesNotContainAnyElementsOf(eventIds(elsewhere));
    }

    @Test
    void aPeriodSelectsTheEventsRecordedInIt() throws IOException {
        String projectId = projectWithEvents(newPortfolio());
        List<String> timestamps = jdbc.queryForList("SELECT timestamp FROM domainevententry"
                + " WHERE aggregateidentifier = ? ORDER BY sequencenumber", String.class, projectId);

        JsonNode fromSecond = JSON.readTree(export("auditor", "/exports/evidence/projects/" + projectId
                + "?from=" + timestamps.get(1) + "&to=" + timestamps.get(2)));
        assertThat(fromSecond.get("events").findValuesAsText("sequenceNumber")).containsExactly("1");
        assertThat(fromSecond.at("/period/from").asText()).isEqualTo(timestamps.get(1));

        Path empty = save("project-bundle-empty.json", export("auditor", "/exports/evidence/projects/" + projectId
                + "?from=2199-12-31"));
        Run run = verifyEvidence(empty.toString(), "--public-key", publicKeyFile().toString());
        assertThat(run.exit()).as(run.out()).isEqualTo(CommandLine.INTACT);
        assertThat(run.out()).contains(": 0 events");
    }

    @Test
    void onlyThePmoAndAuditorsGetBundles() {
        String projectId = projectWithEvents(newPortfolio());
        String path = "/exports/evidence/projects/" + projectId;

        refused(http().get().uri(path).headers(signedInAs("pm")), HttpStatus.FORBIDDEN, "FORBIDDEN");
        refused(http().get().uri(path).headers(signedInAs("portfolio")), HttpStatus.FORBIDDEN, "FORBIDDEN");
        refused(http().get().uri(path), HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
        refused(http().get().uri(path).headers(headers -> headers.setBasicAuth("auditor", "wrong")),
                HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
        http().get().uri(path).headers(signedInAs("pmo")).exchange().expectStatus().isOk();
    }

    @Test
    void unknownSubjectsAndBadParametersAreRefusedBeforeAnyBundle() {
        String projectId = projectWithEvents(newPortfolio());
        String project = "/exports/evidence/projects/";

        refused(http().get().uri(project + UUID.randomUUID()).headers(signedInAs("auditor")), HttpStatus.NOT_FOUND,
                "NOT_FOUND");
        refused(http().get().uri("/exports/evidence/portfolios/" + UUID.randomUUID()).headers(signedInAs("auditor")),
                HttpStatus.NOT_FOUND, "NOT_FOUND");
        refused(http().get().uri("/exports/evidence/portfolios/" + projectId).headers(signedInAs("auditor")),
                HttpStatus.NOT_FOUND, "NOT_FOUND");
        refused(http().get().uri(project + "not-a-uuid").headers(signedInAs("auditor")), HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED");
        for (String query : List.of("?from=2027-02-30", "?to=yesterday", "?from=2027-01-01T00:00:00",
                "?from=2027-03-01&to=2027-01-01", "?from=2027-01-01T00:00:00Z&to=2027-01-01T00:00:00Z",
                "?from=%00", "?to=2027-01-01%F0%9F%98%80", "?from=+999999999-12-31")) {
            refused(http().get().uri(project + projectId + query).headers(signedInAs("auditor")),
                    HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        }
    }

    @Test
    void theVerifierAnswersBadUsageAndUnreadableFilesWithExitCode2() throws IOException {
        assertThat(verifyEvidence().exit()).isEqualTo(CommandLine.USAGE);
        assertThat(verifyEvidence("--unknown").exit()).isEqualTo(CommandLine.USAGE);
        assertThat(verifyEvidence(OUTPUT.resolve("no-such-bundle.json").toString()).exit())
                .isEqualTo(CommandLine.USAGE);
        Path notJson = save("not-a-bundle.json", "{\"events\": [".getBytes(StandardCharsets.UTF_8));
        assertThat(verifyEvidence(notJson.toString()).exit()).isEqualTo(CommandLine.USAGE);
        assertThat(verifyEvidence(notJson.toString(), "--public-key", notJson.toString()).exit())
                .isEqualTo(CommandLine.USAGE);
    }

    /** A proposed project with a deliverable added: three events of its own (proposed, deliverable, objectives). */
    private String projectWithEvents(String portfolioId) {
        String projectId = newProject(portfolioId, null);
        Map<String, Object> deliverable = new HashMap<>();
        deliverable.put("projectId", projectId);
        deliverable.put("name", unique("Deliverable"));
        deliverable.put("plannedCost", Map.of("amount", "100", "currency", "EUR"));
        deliverable.put("plannedStart", "2027-01-04");
        deliverable.put("plannedFinish", "2027-02-26");
        as("pm").documentName("addDeliverable").variable("input", deliverable).execute()
                .path("addDeliverable.correlationId").hasValue();
        as("pm").documentName("defineProjectObjectives").variable("input", Map.of("projectId", projectId,
                "objectives", List.of("Cut cost"))).execute().path("defineProjectObjectives").hasValue();
        return projectId;
    }

    private String newResource(String portfolioId) {
        String resourceId = UUID.randomUUID().toString();
        Map<String, Object> input = new HashMap<>();
        input.put("resourceId", resourceId);
        input.put("portfolioId", portfolioId);
        input.put("name", "Ada Lovelace");
        input.put("role", "Developer");
        input.put("skills", List.of(Map.of("name", "Java", "level", 4)));
        input.put("capacityPercent", 100);
        input.put("costRate", Map.of("amount", "80.00", "currency", "EUR"));
        input.put("rateEffectiveFrom", "2027-01-01");
        as("resources").documentName("registerResource").variable("input", input).execute()
                .path("registerResource.correlationId").hasValue();
        return resourceId;
    }

    private List<String> eventIds(String aggregateId) {
        return jdbc.queryForList("SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ?",
                String.class, aggregateId);
    }

    private byte[] export(String user, String path) {
        new Processors(processing, jdbc).awaitHead(ProcessingGroups.INTEGRITY);
        var result = http().get().uri(path).headers(signedInAs(user)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/json")
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, value -> assertThat(value)
                        .startsWith("attachment; filename=\"evidence-"))
                .expectBody().returnResult();
        return result.getResponseBody();
    }

    private static void refused(WebTestClient.RequestHeadersSpec<?> request, HttpStatus status, String code) {
        request.exchange().expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo(code);
    }

    private WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    private static Consumer<HttpHeaders> signedInAs(String user) {
        return headers -> headers.setBasicAuth(user, user + "-demo");
    }

    private static Path save(String name, byte[] bytes) throws IOException {
        Files.createDirectories(OUTPUT);
        return Files.write(OUTPUT.resolve(name), bytes);
    }

    private static Path publicKeyFile() {
        return TestIntegrity.keyDirectory().resolve("checkpoint-key.pub.pem");
    }

    /**
     * Changes one character of the first value after {@code marker}, a few characters in: to 0, or a 0 to 1,
     * which is another value in hex (read in either case) and base64 alike, so only the value differs.
     */
    private static String changeCharacter(String text, String marker) {
        int at = text.indexOf(marker);
        assertThat(at).as(marker).isNotNegative();
        int position = at + marker.length() + 3;
        char original = text.charAt(position);
        char replacement = original == '0' ? '1' : '0';
        return text.substring(0, position) + replacement + text.substring(position + 1);
    }

    private record Run(int exit, String out) {
    }

    private static Run verifyEvidence(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyEvidenceCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }
}
