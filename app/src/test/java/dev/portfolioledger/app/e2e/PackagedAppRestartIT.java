package dev.portfolioledger.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar, run as users run it (embedded PostgreSQL, default configuration), written
 * to over GraphQL, then crashed and restarted, then stopped and restarted: everything written
 * must read back the same, with its audit trail.
 */
class PackagedAppRestartIT {

    private static final String CREATE_PORTFOLIO = """
            mutation($input: CreatePortfolioInput!) {
              createPortfolio(input: $input) { portfolio { id name currency status } }
            }""";
    private static final String CREATE_PROGRAM = """
            mutation($input: CreateProgramInput!) {
              createProgram(input: $input) { program { id name status } }
            }""";
    private static final String PROPOSE_PROJECT = """
            mutation($input: ProposeProjectInput!) {
              proposeProject(input: $input) { project { id status } }
            }""";
    private static final String APPROVE_PROJECT = """
            mutation($input: ApproveProjectInput!) {
              approveProject(input: $input) { project { id status } }
            }""";
    private static final String START_PROJECT = """
            mutation($input: StartProjectInput!) {
              startProject(input: $input) { project { id status } }
            }""";
    private static final String READ_BACK = """
            query($portfolio: ID!, $project: ID!) {
              portfolio(id: $portfolio) {
                name currency status
                programs { edges { node { name } } }
                projectCounts { proposed approved active total }
              }
              project(id: $project) { name status methodology plannedStart plannedFinish program { name } }
            }""";
    private static final String AUDIT = """
            query($aggregate: ID!) {
              auditTrail(filter: {aggregateId: $aggregate}) {
                edges { node { eventType actor reason sequenceNumber } }
              }
            }""";

    @TempDir
    Path workDir;

    @Test
    void keepsEverythingAcrossACrashAndARestart() throws Exception {
        Path jar = RunningApp.packagedJar();
        Path data = workDir.resolve("pgdata");
        Path log = Files.createFile(workDir.resolve("app.log"));

        String portfolioId;
        String projectId;
        RunningApp first = RunningApp.start(jar, data, log);
        try {
            JsonNode portfolio = first.graphQl("pmo", CREATE_PORTFOLIO, Map.of("input", Map.of(
                    "name", "Restart Portfolio", "currency", "EUR", "owner", "Dana PMO",
                    "reason", "end-to-end test")));
            assertNoErrors(portfolio, first);
            portfolioId = portfolio.at("/data/createPortfolio/portfolio/id").asText();

            JsonNode program = first.graphQl("pmo", CREATE_PROGRAM, Map.of("input", Map.of(
                    "portfolioId", portfolioId, "name", "Platform", "manager", "Pat Program")));
            assertNoErrors(program, first);
            String programId = program.at("/data/createProgram/program/id").asText();

            JsonNode project = first.graphQl("pm", PROPOSE_PROJECT, Map.of("input", Map.of(
                    "portfolioId", portfolioId, "programId", programId, "name", "Ledger rollout",
                    "manager", "Max PM", "sponsor", "Sam Sponsor", "methodology", "SCRUM",
                    "plannedStart", "2027-01-04", "plannedFinish", "2027-06-30")));
            assertNoErrors(project, first);
            projectId = project.at("/data/proposeProject/project/id").asText();

            JsonNode approved = first.graphQl("pmo", APPROVE_PROJECT, Map.of("input", Map.of(
                    "projectId", projectId, "reason", "business case accepted")));
            assertNoErrors(approved, first);
            assertThat(approved.at("/data/approveProject/project/status").asText()).isEqualTo("APPROVED");
        } finally {
            first.crash();
        }

        RunningApp second = RunningApp.start(jar, data, log);
        try {
            JsonNode afterCrash = second.graphQl("auditor", READ_BACK,
                                                 Map.of("portfolio", portfolioId, "project", projectId));
            assertNoErrors(afterCrash, second);
            assertThat(afterCrash.at("/data/project/status").asText()).isEqualTo("APPROVED");
            JsonNode started = second.graphQl("pm", START_PROJECT, Map.of("input", Map.of("projectId", projectId)));
            assertNoErrors(started, second);
            assertThat(started.at("/data/startProject/project/status").asText()).isEqualTo("ACTIVE");
        } finally {
            second.stop();
        }

        RunningApp third = RunningApp.start(jar, data, log);
        try {
            JsonNode view = third.graphQl("auditor", READ_BACK, Map.of("portfolio", portfolioId, "project", projectId));
            assertNoErrors(view, third);
            assertThat(view.at("/data/portfolio/name").asText()).isEqualTo("Restart Portfolio");
            assertThat(view.at("/data/portfolio/currency").asText()).isEqualTo("EUR");
            assertThat(view.at("/data/portfolio/status").asText()).isEqualTo("ACTIVE");
            assertThat(view.at("/data/portfolio/programs/edges/0/node/name").asText()).isEqualTo("Platform");
            assertThat(view.at("/data/portfolio/projectCounts/active").asInt()).isEqualTo(1);
            assertThat(view.at("/data/portfolio/projectCounts/total").asInt()).isEqualTo(1);
            assertThat(view.at("/data/project/name").asText()).isEqualTo("Ledger rollout");
            assertThat(view.at("/data/project/status").asText()).isEqualTo("ACTIVE");
            assertThat(view.at("/data/project/methodology").asText()).isEqualTo("SCRUM");
            assertThat(view.at("/data/project/plannedStart").asText()).isEqualTo("2027-01-04");
            assertThat(view.at("/data/project/program/name").asText()).isEqualTo("Platform");

            JsonNode edges = auditTrail(third, projectId, 4);
            assertThat(edges.size()).isEqualTo(4);
            assertThat(edges.get(0).at("/node/eventType").asText()).isEqualTo("ProjectStartedEvent");
            assertThat(edges.get(0).at("/node/actor").asText()).isEqualTo("pm");
            assertThat(edges.get(1).at("/node/eventType").asText()).isEqualTo("BaselineEstablishedEvent");
            assertThat(edges.get(2).at("/node/eventType").asText()).isEqualTo("ProjectApprovedEvent");
            assertThat(edges.get(2).at("/node/actor").asText()).isEqualTo("pmo");
            assertThat(edges.get(2).at("/node/reason").asText()).isEqualTo("business case accepted");
            assertThat(edges.get(3).at("/node/eventType").asText()).isEqualTo("ProjectProposedEvent");
            assertThat(edges.get(3).at("/node/sequenceNumber").asInt()).isZero();
        } finally {
            third.stop();
        }
    }

    /** The audit trail is its own projection: give it a bounded moment to catch up after a start. */
    private static JsonNode auditTrail(RunningApp app, String aggregateId, int expected) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode edges;
        do {
            JsonNode audit = app.graphQl("auditor", AUDIT, Map.of("aggregate", aggregateId));
            assertNoErrors(audit, app);
            edges = audit.at("/data/auditTrail/edges");
            if (edges.size() >= expected) {
                return edges;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return edges;
    }

    private static void assertNoErrors(JsonNode response, RunningApp app) {
        assertThat(response.path("errors").isMissingNode())
                .as("GraphQL errors: %s%nlog:%n%s", response.path("errors"), app.tail())
                .isTrue();
    }
}
