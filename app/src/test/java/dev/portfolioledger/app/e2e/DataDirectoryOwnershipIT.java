package dev.portfolioledger.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One data directory, one owner: the packaged jar on its embedded PostgreSQL (the default run
 * mode, which must be durable), and a second instance started on the same directory while the
 * first lives. How a server orphaned by a crash is recovered: {@link CrashUnderLoadIT}.
 */
class DataDirectoryOwnershipIT {

    private static final String CREATE_PORTFOLIO = """
            mutation($input: CreatePortfolioInput!) {
              createPortfolio(input: $input) { portfolio { id name } }
            }""";
    private static final String PORTFOLIO = """
            query($id: ID!) { portfolio(id: $id) { name currency status } }""";

    @TempDir
    Path workDir;
    private EmbeddedServer server;

    @AfterEach
    void stopLeftoverServer() throws Exception {
        if (server != null) {
            server.stopIfRunning();
        }
    }

    @Test
    void refusesASecondInstanceOnItsDataDirectoryAndLeavesTheFirstServing() throws Exception {
        Path jar = RunningApp.packagedJar();
        Path data = workDir.resolve("pgdata");
        server = new EmbeddedServer(data, RunningApp.freePort());
        Path firstLog = Files.createFile(workDir.resolve("first.log"));
        Path secondLog = Files.createFile(workDir.resolve("second.log"));

        RunningApp first = RunningApp.start(jar, data, firstLog, server.portArgument());
        try {
            assertDurable(server);
            ProcessHandle firstServer = server.process().orElseThrow();
            byte[] pidFileBefore = Files.readAllBytes(server.pidFile());

            RunningApp second = RunningApp.launch(jar, data, secondLog);
            assertThat(second.awaitExit(Duration.ofSeconds(120))).as("exit code of the second instance").isNotZero();
            assertThat(firstServer.isAlive()).as("the first instance's PostgreSQL still runs").isTrue();
            assertThat(Files.readAllBytes(server.pidFile())).isEqualTo(pidFileBefore);
            assertThat(first.isHealthy()).as("the first instance is UP; log:%n%s", first.tail()).isTrue();
            assertThat(Files.readString(secondLog))
                    .contains("APPLICATION FAILED TO START")
                    .contains("The data directory " + data.toRealPath() + " is in use by another running "
                              + "Portfolio Ledger (pid " + first.pid() + ")")
                    .doesNotContain("shutting it down")
                    .doesNotContain("Starting embedded PostgreSQL");
            JsonNode created = first.graphQl("pmo", CREATE_PORTFOLIO, Map.of("input", Map.of(
                    "name", "Owned", "currency", "EUR", "owner", "Dana PMO")));
            assertNoErrors(created, first);
            String portfolioId = created.at("/data/createPortfolio/portfolio/id").asText();
            JsonNode read = first.graphQl("auditor", PORTFOLIO, Map.of("id", portfolioId));
            assertNoErrors(read, first);
            assertThat(read.at("/data/portfolio/name").asText()).isEqualTo("Owned");
        } finally {
            first.stop();
        }
    }

    /** zonky's defaults are fsync off and synchronous_commit off; the embedded default must not be. */
    private static void assertDurable(EmbeddedServer server) throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
                    rs.next();
                    assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    private static void assertNoErrors(JsonNode response, RunningApp app) {
        assertThat(response.path("errors").isMissingNode())
                .as("GraphQL errors: %s%nlog:%n%s", response.path("errors"), app.tail())
                .isTrue();
    }
}
