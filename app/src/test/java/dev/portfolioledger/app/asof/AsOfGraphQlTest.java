package dev.portfolioledger.app.asof;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code portfolio(id, asOf)} and {@code project(id, asOf)} over HTTP: each answers, nested fields
 * included, as the events recorded up to the instant made the views, and null before creation.
 */
class AsOfGraphQlTest extends GraphQlIntegrationTest {

    @Test
    void aProjectAndItsPortfolioAreAnsweredAsTheyWereAtEachInstant() throws InterruptedException {
        Instant beforeCreation = pause();
        String portfolioId = newPortfolio();
        String projectId = newProject(portfolioId, null);
        Instant proposed = pause();
        transition("approveProject", projectId, "pmo");
        Instant approved = pause();
        transition("startProject", projectId, "pm");
        Instant started = pause();

        project(projectId, beforeCreation).path("project").valueIsNull();

        GraphQlTester.Response atProposal = project(projectId, proposed);
        atProposal.path("project.id").entity(String.class).isEqualTo(projectId);
        atProposal.path("project.status").entity(String.class).isEqualTo("PROPOSED");
        atProposal.path("project.baselineVersion").valueIsNull();
        atProposal.path("project.approvedAt").valueIsNull();
        atProposal.path("project.portfolio.id").entity(String.class).isEqualTo(portfolioId);
        atProposal.path("project.portfolio.projectCounts.proposed").entity(Integer.class).isEqualTo(1);
        atProposal.path("project.portfolio.projectCounts.approved").entity(Integer.class).isEqualTo(0);

        GraphQlTester.Response atApproval = project(projectId, approved);
        atApproval.path("project.status").entity(String.class).isEqualTo("APPROVED");
        atApproval.path("project.baselineVersion").entity(Integer.class).isEqualTo(1);
        atApproval.path("project.approvedAt").hasValue();
        atApproval.path("project.startedAt").valueIsNull();
        atApproval.path("project.portfolio.projectCounts.approved").entity(Integer.class).isEqualTo(1);

        GraphQlTester.Response atStart = project(projectId, started);
        atStart.path("project.status").entity(String.class).isEqualTo("ACTIVE");
        atStart.path("project.baselineVersion").entity(Integer.class).isEqualTo(1);
        atStart.path("project.startedAt").hasValue();

        // the as-of view at the latest instant is the live view
        Map<String, Object> live = project(projectId, null).path("project").entity(Map.class).get();
        Map<String, Object> asOfNow = project(projectId, Instant.now()).path("project").entity(Map.class).get();
        assertThat(asOfNow).isEqualTo(live);

        portfolio(portfolioId, beforeCreation).path("portfolio").valueIsNull();
        GraphQlTester.Response portfolioAtProposal = portfolio(portfolioId, proposed);
        portfolioAtProposal.path("portfolio.projectCounts.proposed").entity(Integer.class).isEqualTo(1);
        portfolioAtProposal.path("portfolio.projectCounts.active").entity(Integer.class).isEqualTo(0);
        portfolioAtProposal.path("portfolio.projectCounts.total").entity(Integer.class).isEqualTo(1);
        portfolioAtProposal.path("portfolio.projects.edges[0].node.status").entity(String.class).isEqualTo("PROPOSED");
        GraphQlTester.Response portfolioNow = portfolio(portfolioId, null);
        portfolioNow.path("portfolio.projectCounts.active").entity(Integer.class).isEqualTo(1);
        portfolioNow.path("portfolio.projectCounts.proposed").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aProgramIsAnsweredAsItWasAtEachInstant() throws InterruptedException {
        String portfolioId = newPortfolio();
        Instant beforeProgram = pause();
        String programId = newProgram(portfolioId);
        Instant created = pause();
        String first = newProject(portfolioId, programId);
        Instant oneProject = pause();
        transition("approveProject", first, "pmo");
        newProject(portfolioId, programId);
        as("program").documentName("closeProgram").variable("input", java.util.Map.of("programId", programId))
                .execute().path("closeProgram.program.status").entity(String.class).isEqualTo("CLOSED");

        program(programId, beforeProgram).path("program").valueIsNull();
        GraphQlTester.Response atCreation = program(programId, created);
        atCreation.path("program.status").entity(String.class).isEqualTo("OPEN");
        atCreation.path("program.portfolio.id").entity(String.class).isEqualTo(portfolioId);
        atCreation.path("program.projects.edges").entityList(Object.class).hasSize(0);
        atCreation.path("program.projectCounts.total").entity(Integer.class).isEqualTo(0);
        GraphQlTester.Response withOne = program(programId, oneProject);
        withOne.path("program.projects.edges[*].node.id").entityList(String.class).containsExactly(first);
        withOne.path("program.projectCounts.proposed").entity(Integer.class).isEqualTo(1);
        GraphQlTester.Response now = program(programId, null);
        now.path("program.status").entity(String.class).isEqualTo("CLOSED");
        now.path("program.projectCounts.approved").entity(Integer.class).isEqualTo(1);
        now.path("program.projectCounts.total").entity(Integer.class).isEqualTo(2);
    }

    private GraphQlTester.Response program(String id, Instant asOf) {
        return as("pm").documentName("asOfProgram").variable("id", id)
                .variable("asOf", asOf == null ? null : asOf.toString()).execute();
    }

    private GraphQlTester.Response project(String id, Instant asOf) {
        return as("pm").documentName("asOfProject").variable("id", id)
                .variable("asOf", asOf == null ? null : asOf.toString()).execute();
    }

    private GraphQlTester.Response portfolio(String id, Instant asOf) {
        return as("pm").documentName("asOfPortfolio").variable("id", id)
                .variable("asOf", asOf == null ? null : asOf.toString()).execute();
    }

    /** The current instant, a little apart from the events before and after it (stored to the millisecond). */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(20);
        Instant now = Instant.now();
        Thread.sleep(20);
        return now;
    }
}
