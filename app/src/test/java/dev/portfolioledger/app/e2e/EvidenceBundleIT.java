package dev.portfolioledger.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evidence bundle as a reviewer handles it: exported from the running packaged jar over HTTP, then
 * checked by the same jar's {@code verify-evidence} command in a process of its own, with no database and
 * no service; one changed character of the bundle makes that command fail with exit code 1.
 */
class EvidenceBundleIT {

    private static final String CREATE_PORTFOLIO = """
            mutation($input: CreatePortfolioInput!) {
              createPortfolio(input: $input) { portfolio { id } }
            }""";
    private static final String PROPOSE_PROJECT = """
            mutation($input: ProposeProjectInput!) {
              proposeProject(input: $input) { project { id } }
            }""";

    @TempDir
    Path workDir;

    @Test
    void aBundleExportedByTheServiceVerifiesWithTheJarAlone() throws Exception {
        Path jar = RunningApp.packagedJar();
        Path bundle = workDir.resolve("bundle.json");
        Path key = workDir.resolve("public-key.pem");
        Path log = Files.createFile(workDir.resolve("app.log"));
        String projectId;
        RunningApp app = RunningApp.start(jar, workDir.resolve("pgdata"), log);
        try {
            JsonNode portfolio = app.graphQl("pmo", CREATE_PORTFOLIO, Map.of("input", Map.of(
                    "name", "Evidence Portfolio", "currency", "EUR", "owner", "Dana PMO")));
            String portfolioId = portfolio.at("/data/createPortfolio/portfolio/id").asText();
            JsonNode project = app.graphQl("pm", PROPOSE_PROJECT, Map.of("input", Map.of(
                    "portfolioId", portfolioId, "name", "Audit rollout", "manager", "Max PM",
                    "sponsor", "Sam Sponsor", "methodology", "SCRUM",
                    "plannedStart", "2027-01-04", "plannedFinish", "2027-06-30")));
            projectId = project.at("/data/proposeProject/project/id").asText();
            assertThat(projectId).as("project: %s%n%s", project, app.tail()).isNotEmpty();
            Files.write(bundle, app.get("auditor", "/exports/evidence/projects/" + projectId));
            Files.write(key, app.get(null, "/audit/public-key"));
        } finally {
            app.stop();
        }

        Command intact = run(jar, "verify-evidence", bundle.toString(), "--public-key", key.toString());
        assertThat(intact.exit()).as(intact.out()).isZero();
        assertThat(intact.out()).contains("PROJECT " + projectId).contains("1 events").contains("all verified");

        String text = Files.readString(bundle, StandardCharsets.UTF_8);
        int payload = text.indexOf("\"payload\" : \"") + "\"payload\" : \"".length() + 3;
        Path tampered = workDir.resolve("tampered.json");
        Files.writeString(tampered, text.substring(0, payload) + (text.charAt(payload) == '0' ? '1' : '0')
                + text.substring(payload + 1), StandardCharsets.UTF_8);
        Command failed = run(jar, "verify-evidence", tampered.toString(), "--public-key", key.toString());
        assertThat(failed.exit()).as(failed.out()).isEqualTo(1);
        assertThat(failed.out()).startsWith("LEAF_MISMATCH");

        assertThat(run(jar, "verify-evidence", workDir.resolve("missing.json").toString()).exit()).isEqualTo(2);
    }

    private record Command(int exit, String out) {
    }

    private static Command run(Path jar, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("verify-evidence ended").isTrue();
        return new Command(process.exitValue(), out);
    }
}
