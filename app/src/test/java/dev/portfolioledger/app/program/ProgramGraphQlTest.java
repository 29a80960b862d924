package dev.portfolioledger.app.program;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramGraphQlTest extends GraphQlIntegrationTest {

    @Test
    void createProgramReturnsItInsideItsPortfolio() {
        String portfolioId = newPortfolio();
        var response = as("program").documentName("createProgram")
                .variable("input", Map.of("portfolioId", portfolioId, "name", "Cloud move",
                                          "manager", "Pat Program", "objectives", List.of("Exit the data centre")))
                .execute();
        response.path("createProgram.program.name").entity(String.class).isEqualTo("Cloud move");
        response.path("createProgram.program.status").entity(String.class).isEqualTo("OPEN");
        response.path("createProgram.program.objectives").entityList(String.class).containsExactly("Exit the data centre");
        response.path("createProgram.program.portfolio.id").entity(String.class).isEqualTo(portfolioId);

        as("auditor").documentName("portfolio").variable("id", portfolioId).execute()
                .path("portfolio.programs.edges[*].node.name").entityList(String.class).containsExactly("Cloud move");
    }

    @Test
    void renameAndCloseProgram() {
        String programId = newProgram(newPortfolio());
        as("program").documentName("renameProgram")
                .variable("input", Map.of("programId", programId, "name", "Renamed program")).execute()
                .path("renameProgram.program.name").entity(String.class).isEqualTo("Renamed program");
        as("program").documentName("closeProgram").variable("input", Map.of("programId", programId)).execute()
                .path("closeProgram.program.status").entity(String.class).isEqualTo("CLOSED");
        assertRefused(as("program").documentName("renameProgram")
                              .variable("input", Map.of("programId", programId, "name", "Too late")),
                      "PROGRAM_CLOSED");
        assertRefused(as("program").documentName("closeProgram").variable("input", Map.of("programId", programId)),
                      "ILLEGAL_TRANSITION");
    }

    @Test
    void cannotCreateProgramInUnknownPortfolio() {
        assertRefused(as("program").documentName("createProgram")
                              .variable("input", Map.of("portfolioId", UUID.randomUUID().toString(),
                                                        "name", "Orphan", "manager", "P")),
                      "NOT_FOUND");
    }

    @Test
    void cannotCreateProgramInArchivedPortfolio() {
        String portfolioId = newPortfolio();
        as("pmo").documentName("archivePortfolio").variable("input", Map.of("portfolioId", portfolioId))
                .execute().path("archivePortfolio.portfolio.status").entity(String.class).isEqualTo("ARCHIVED");
        assertRefused(as("program").documentName("createProgram")
                              .variable("input", Map.of("portfolioId", portfolioId, "name", "Late", "manager", "P")),
                      "PORTFOLIO_ARCHIVED");
    }

    @Test
    void cannotCreateProgramWithBlankManager() {
        assertRefused(as("program").documentName("createProgram")
                              .variable("input", Map.of("portfolioId", newPortfolio(), "name", "N", "manager", "")),
                      "VALIDATION_FAILED");
    }

    @Test
    void programRollsUpItsProjectsByStatus() {
        String portfolioId = newPortfolio();
        String programId = newProgram(portfolioId);
        newProject(portfolioId, programId);
        String approved = newProject(portfolioId, programId);
        transition("approveProject", approved, "pmo");
        newProject(portfolioId, null);

        var program = as("auditor").documentName("program").variable("id", programId).execute();
        program.path("program.projectCounts.proposed").entity(Integer.class).isEqualTo(1);
        program.path("program.projectCounts.approved").entity(Integer.class).isEqualTo(1);
        program.path("program.projectCounts.total").entity(Integer.class).isEqualTo(2);
        program.path("program.projects.edges").entityList(Object.class).hasSize(2);

        var portfolio = as("auditor").documentName("portfolio").variable("id", portfolioId).execute();
        portfolio.path("portfolio.projectCounts.proposed").entity(Integer.class).isEqualTo(2);
        portfolio.path("portfolio.projectCounts.approved").entity(Integer.class).isEqualTo(1);
        portfolio.path("portfolio.projectCounts.total").entity(Integer.class).isEqualTo(3);
    }

    @Test
    void portfolioListsItsProgramsInPagesByName() {
        String portfolioId = newPortfolio();
        for (String name : List.of("Charlie", "alpha", "Bravo")) {
            as("program").documentName("createProgram")
                    .variable("input", Map.of("portfolioId", portfolioId, "name", name, "manager", "Pat Program"))
                    .execute();
        }
        String page = """
                query($id: ID!, $first: Int, $after: String) { portfolio(id: $id) {
                  programs(first: $first, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } }
                } }""";
        var first = as("member").document(page).variable("id", portfolioId).variable("first", 2).execute();
        first.path("portfolio.programs.edges[*].node.name").entityList(String.class).containsExactly("alpha", "Bravo");
        first.path("portfolio.programs.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("portfolio.programs.pageInfo.endCursor").entity(String.class).get();

        var second = as("member").document(page).variable("id", portfolioId).variable("first", 2)
                .variable("after", cursor).execute();
        second.path("portfolio.programs.edges[*].node.name").entityList(String.class).containsExactly("Charlie");
        second.path("portfolio.programs.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

        assertRefused(as("member").document(page).variable("id", portfolioId).variable("first", 101),
                      "VALIDATION_FAILED");
    }

    @Test
    void programListsItsProjectsInPages() {
        String portfolioId = newPortfolio();
        String programId = newProgram(portfolioId);
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            projects.add(newProject(portfolioId, programId));
        }
        String page = """
                query($id: ID!, $after: String) { program(id: $id) {
                  projects(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }
                } }""";
        var first = as("member").document(page).variable("id", programId).execute();
        first.path("program.projects.edges").entityList(Object.class).hasSize(2);
        first.path("program.projects.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        List<String> seen = new ArrayList<>(
                first.path("program.projects.edges[*].node.id").entityList(String.class).get());
        var second = as("member").document(page).variable("id", programId)
                .variable("after", first.path("program.projects.pageInfo.endCursor").entity(String.class).get())
                .execute();
        second.path("program.projects.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        seen.addAll(second.path("program.projects.edges[*].node.id").entityList(String.class).get());
        assertThat(seen).containsExactlyInAnyOrderElementsOf(projects);
    }
}
