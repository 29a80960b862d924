package dev.portfolioledger.app.cli;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.Processors;
import dev.portfolioledger.app.support.TestDatabase;
import dev.portfolioledger.app.support.TestIntegrity;
import dev.portfolioledger.axon.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar ... verify}, through its entry point: the complete verification against the test
 * database, from the command line's arguments or the service's environment variables, read only.
 */
class VerifyCommandTest extends GraphQlIntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void findsAnEventEditedInTheDatabaseAndTheTrailIntactOnceItIsRestored() {
        String projectId = newProject(newPortfolio(), null);
        new Processors(processing, jdbc).awaitHead(ProcessingGroups.INTEGRITY);
        Map<String, Object> row = jdbc.queryForMap("SELECT globalindex, payload FROM domainevententry"
                + " WHERE aggregateidentifier = ? AND sequencenumber = 0", projectId);
        Long logIndex = jdbc.queryForObject("SELECT log_index FROM integrity_leaf WHERE global_index = ?",
                Long.class, row.get("globalindex"));
        long checkpoints = count("integrity_checkpoint");
        long leaves = count("integrity_leaf");

        Run before = verify(arguments());
        assertThat(before.exit()).as(before.out()).isEqualTo(CommandLine.INTACT);
        assertThat(before.out().lines()).singleElement().satisfies(line -> assertThat(line).endsWith(": intact"));
        Run tampered;
        try {
            jdbc.update("UPDATE domainevententry SET payload = set_byte(payload, 7, get_byte(payload, 7) # 4)"
                    + " WHERE globalindex = ?", row.get("globalindex"));
            tampered = verify(arguments());
        } finally {
            jdbc.update("UPDATE domainevententry SET payload = ? WHERE globalindex = ?", row.get("payload"),
                    row.get("globalindex"));
        }
        assertThat(tampered.exit()).as(tampered.out()).isEqualTo(CommandLine.FINDINGS);
        assertThat(tampered.out().lines().toList()).hasSize(2).first().satisfies(line -> assertThat(line)
                .startsWith("LEAF_MISMATCH at " + logIndex + ": ").contains("aggregate " + projectId));
        assertThat(tampered.out()).contains(": 1 finding(s)");
        assertThat(verify(arguments()).exit()).isEqualTo(CommandLine.INTACT);
        assertThat(count("integrity_checkpoint")).as("checkpoints signed by verify").isEqualTo(checkpoints);
        assertThat(count("integrity_leaf")).as("leaves appended by verify").isEqualTo(leaves);
    }

    @Test
    void takesTheDatabaseAndTheKeyFromTheServicesEnvironment() {
        TestDatabase database = TestDatabase.get();
        Run run = verify(List.of(), Map.of("SPRING_DATASOURCE_URL", database.url(),
                "SPRING_DATASOURCE_USERNAME", database.username(), "SPRING_DATASOURCE_PASSWORD", database.password(),
                "PORTFOLIO_INTEGRITY_PUBLIC_KEY_FILE", publicKeyFile(),
                "PORTFOLIO_INTEGRITY_CHECKPOINT_DIRECTORY", TestIntegrity.checkpointDirectory().toString()));

        assertThat(run.exit()).as(run.out()).isEqualTo(CommandLine.INTACT);
    }

    @Test
    void answersBadUsageAnUnreadableKeyAndAnUnreachableDatabaseWithExitCode2() {
        TestDatabase database = TestDatabase.get();
        assertThat(verify(List.of()).exit()).isEqualTo(CommandLine.USAGE);
        assertThat(verify(List.of("--frobnicate", "yes")).exit()).isEqualTo(CommandLine.USAGE);
        assertThat(verify(List.of("--url")).exit()).isEqualTo(CommandLine.USAGE);
        assertThat(verify(List.of("--url", database.url(), "--public-key", "/nonexistent.pem")).exit())
                .isEqualTo(CommandLine.USAGE);
        Run unreachable = verify(List.of("--url=jdbc:postgresql://127.0.0.1:1/nothing",
                "--public-key=" + publicKeyFile()));
        assertThat(unreachable.exit()).as(unreachable.out()).isEqualTo(CommandLine.USAGE);
        assertThat(unreachable.out()).startsWith("Cannot verify the audit trail in jdbc:postgresql://127.0.0.1:1/");
    }

    private static List<String> arguments() {
        TestDatabase database = TestDatabase.get();
        return List.of("--url", database.url(), "--user", database.username(), "--password", database.password(),
                "--public-key", publicKeyFile(), "--checkpoint-directory=" + TestIntegrity.checkpointDirectory());
    }

    private static String publicKeyFile() {
        return TestIntegrity.keyDirectory().resolve("checkpoint-key.pub.pem").toString();
    }

    private long count(String table) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        return count == null ? 0 : count;
    }

    private record Run(int exit, String out) {
    }

    private static Run verify(List<String> args) {
        return verify(args, Map.of());
    }

    private static Run verify(List<String> args, Map<String, String> environment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }
}
