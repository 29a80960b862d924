package dev.portfolioledger.app.project;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;

import org.assertj.core.api.ListAssert;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectGraphQlTest extends GraphQlIntegrationTest {

    @Test
    void proposeProjectReturnsTheProposedView() {
        String portfolioId = newPortfolio();
        String programId = newProgram(portfolioId);
        Map<String, Object> input = projectInput(portfolioId);
        input.put("programId", programId);
        input.put("name", "Billing replacement");
        var response = as("pm").documentName("proposeProject").variable("input", input).execute();
        response.path("proposeProject.project.name").entity(String.class).isEqualTo("Billing replacement");
        response.path("proposeProject.project.status").entity(String.class).isEqualTo("PROPOSED");
        response.path("proposeProject.project.methodology").entity(String.class).isEqualTo("SCRUM");
        response.path("proposeProject.project.plannedStart").entity(String.class).isEqualTo("2027-01-04");
        response.path("proposeProject.project.plannedFinish").entity(String.class).isEqualTo("2027-06-30");
        response.path("proposeProject.project.portfolio.id").entity(String.class).isEqualTo(portfolioId);
        response.path("proposeProject.project.program.id").entity(String.class).isEqualTo(programId);
    }

    @Test
    void projectWalksTheWholeLifecycle() {
        String projectId = newProject(newPortfolio(), null);
        assertStatus(transition("approveProject", projectId, "portfolio"), "APPROVED");
        assertStatus(transition("startProject", projectId, "pm"), "ACTIVE");
        assertStatus(transition("putProjectOnHold", projectId, "pm"), "ON_HOLD");
        assertStatus(transition("resumeProject", projectId, "pm"), "ACTIVE");
        var cancelled = as("pmo").documentName("cancelProject")
                .variable("input", Map.of("projectId", projectId, "reason", "Funding withdrawn")).execute();
        cancelled.path("cancelProject.project.status").entity(String.class).isEqualTo("CANCELLED");
        cancelled.path("cancelProject.project.cancellationReason").entity(String.class).isEqualTo("Funding withdrawn");
    }

    @Test
    void cannotStartProposedProject() {
        String projectId = newProject(newPortfolio(), null);
        assertRefused(request("startProject", projectId, "pm"), "ILLEGAL_TRANSITION");
    }

    @Test
    void cannotApproveTwice() {
        String projectId = newProject(newPortfolio(), null);
        transition("approveProject", projectId, "pmo");
        assertRefused(request("approveProject", projectId, "pmo"), "ILLEGAL_TRANSITION");
    }

    @Test
    void cannotResumeActiveProject() {
        String projectId = newProject(newPortfolio(), null);
        transition("approveProject", projectId, "pmo");
        transition("startProject", projectId, "pm");
        assertRefused(request("resumeProject", projectId, "pm"), "ILLEGAL_TRANSITION");
    }

    @Test
    void cannotPutProposedProjectOnHold() {
        String projectId = newProject(newPortfolio(), null);
        assertRefused(request("putProjectOnHold", projectId, "pm"), "ILLEGAL_TRANSITION");
    }

    @Test
    void cannotChangeCancelledProject() {
        String projectId = newProject(newPortfolio(), null);
        as("pmo").documentName("cancelProject")
                .variable("input", Map.of("projectId", projectId, "reason", "Duplicate")).execute()
                .path("cancelProject.project.status").entity(String.class).isEqualTo("CANCELLED");
        assertRefused(request("approveProject", projectId, "pmo"), "ILLEGAL_TRANSITION");
        assertRefused(as("pmo").documentName("cancelProject")
                              .variable("input", Map.of("projectId", projectId, "reason", "Again")),
                      "ILLEGAL_TRANSITION");
    }

    @Test
    void cancelNeedsAReason() {
        String projectId = newProject(newPortfolio(), null);
        assertRefused(as("pmo").documentName("cancelProject")
                              .variable("input", Map.of("projectId", projectId, "reason", "  ")),
                      "VALIDATION_FAILED");
    }

    @Test
    void reviseDetailsWhileProposed() {
        String projectId = newProject(newPortfolio(), null);
        Map<String, Object> input = revision(projectId);
        var response = as("pm").documentName("reviseProjectDetails").variable("input", input).execute();
        response.path("reviseProjectDetails.project.name").entity(String.class).isEqualTo("Revised name");
        response.path("reviseProjectDetails.project.methodology").entity(String.class).isEqualTo("KANBAN");
        response.path("reviseProjectDetails.project.plannedFinish").entity(String.class).isEqualTo("2027-12-31");
    }

    @Test
    void cannotReviseDetailsAfterApproval() {
        String projectId = newProject(newPortfolio(), null);
        transition("approveProject", projectId, "pmo");
        assertRefused(as("pm").documentName("reviseProjectDetails").variable("input", revision(projectId)),
                      "ILLEGAL_TRANSITION");
    }

    @Test
    void cannotProposeWithFinishBeforeStart() {
        Map<String, Object> input = projectInput(newPortfolio());
        input.put("plannedFinish", "2026-01-01");
        assertRefused(as("pm").documentName("proposeProject").variable("input", input), "VALIDATION_FAILED");
    }

    @Test
    void cannotProposeWithMalformedDate() {
        Map<String, Object> input = projectInput(newPortfolio());
        input.put("plannedStart", "next tuesday");
        assertRefused(as("pm").documentName("proposeProject").variable("input", input), "VALIDATION_FAILED");
    }

    @Test
    void cannotProposeWithUnknownMethodology() {
        Map<String, Object> input = projectInput(newPortfolio());
        input.put("methodology", "PRINCE3");
        assertRefused(as("pm").documentName("proposeProject").variable("input", input), "VALIDATION_FAILED");
    }

    @Test
    void cannotProposeIntoUnknownPortfolio() {
        assertRefused(as("pm").documentName("proposeProject")
                              .variable("input", projectInput(UUID.randomUUID().toString())),
                      "NOT_FOUND");
    }

    @Test
    void cannotProposeIntoArchivedPortfolio() {
        String portfolioId = newPortfolio();
        as("pmo").documentName("archivePortfolio").variable("input", Map.of("portfolioId", portfolioId)).execute()
                .path("archivePortfolio.portfolio.status").hasValue();
        assertRefused(as("pm").documentName("proposeProject").variable("input", projectInput(portfolioId)),
                      "PORTFOLIO_ARCHIVED");
    }

    @Test
    void cannotProposeIntoProgramOfAnotherPortfolio() {
        String programElsewhere = newProgram(newPortfolio());
        Map<String, Object> input = projectInput(newPortfolio());
        input.put("programId", programElsewhere);
        assertRefused(as("pm").documentName("proposeProject").variable("input", input), "PROGRAM_NOT_IN_PORTFOLIO");
    }

    @Test
    void cannotProposeIntoClosedProgram() {
        String portfolioId = newPortfolio();
        String programId = newProgram(portfolioId);
        as("program").documentName("closeProgram").variable("input", Map.of("programId", programId)).execute()
                .path("closeProgram.program.status").hasValue();
        Map<String, Object> input = projectInput(portfolioId);
        input.put("programId", programId);
        assertRefused(as("pm").documentName("proposeProject").variable("input", input), "PROGRAM_CLOSED");
    }

    @Test
    void cannotApproveUnknownProject() {
        assertRefused(request("approveProject", UUID.randomUUID().toString(), "pmo"), "NOT_FOUND");
    }

    @Test
    void projectsFilterByPortfolioProgramStatusMethodologyAndManager() {
        String portfolioId = newPortfolio();
        String programId = newProgram(portfolioId);
        String inProgram = newProject(portfolioId, programId);
        String approved = newProject(portfolioId, null);
        transition("approveProject", approved, "pmo");
        Map<String, Object> kanban = projectInput(portfolioId);
        kanban.put("methodology", "KANBAN");
        kanban.put("manager", "Kim Kanban");
        String kanbanId = as("pm").documentName("proposeProject").variable("input", kanban).execute()
                .path("proposeProject.project.id").entity(String.class).get();

        projects(Map.of("portfolioId", portfolioId)).containsExactlyInAnyOrder(inProgram, approved, kanbanId);
        projects(Map.of("programId", programId)).containsExactly(inProgram);
        projects(Map.of("portfolioId", portfolioId, "status", "APPROVED")).containsExactly(approved);
        projects(Map.of("portfolioId", portfolioId, "methodology", "KANBAN")).containsExactly(kanbanId);
        projects(Map.of("portfolioId", portfolioId, "manager", "Kim Kanban")).containsExactly(kanbanId);
    }

    @Test
    void projectsPageWithCursors() {
        String portfolioId = newPortfolio();
        for (int i = 0; i < 3; i++) {
            newProject(portfolioId, null);
        }
        var first = as("member").documentName("projects")
                .variable("filter", Map.of("portfolioId", portfolioId)).variable("first", 2).execute();
        first.path("projects.edges").entityList(Object.class).hasSize(2);
        first.path("projects.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("projects.pageInfo.endCursor").entity(String.class).get();
        var second = as("member").documentName("projects")
                .variable("filter", Map.of("portfolioId", portfolioId)).variable("first", 2)
                .variable("after", cursor).execute();
        second.path("projects.edges").entityList(Object.class).hasSize(1);
        second.path("projects.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    private ListAssert<String> projects(Map<String, Object> filter) {
        return assertThat(as("member").documentName("projects").variable("filter", filter).variable("first", 50)
                                  .execute().path("projects.edges[*].node.id").entityList(String.class).get());
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Request<?> request(String mutation, String projectId,
                                                                                     String user) {
        return as(user).documentName(mutation).variable("input", Map.of("projectId", projectId));
    }

    private static Map<String, Object> revision(String projectId) {
        Map<String, Object> input = new HashMap<>();
        input.put("projectId", projectId);
        input.put("name", "Revised name");
        input.put("description", "Revised description");
        input.put("manager", "Max PM");
        input.put("sponsor", "Sam Sponsor");
        input.put("methodology", "KANBAN");
        input.put("plannedStart", "2027-02-01");
        input.put("plannedFinish", "2027-12-31");
        return input;
    }

    private static void assertStatus(String actual, String expected) {
        assertThat(actual).isEqualTo(expected);
    }
}
