package dev.portfolioledger.app.program;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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
                .path("portfolio.programs[*].name").entityList(String.class).containsExactly("Cloud move");
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
        program.path("program.projects").entityList(Object.class).hasSize(2);

        var portfolio = as("auditor").documentName("portfolio").variable("id", portfolioId).execute();
        portfolio.path("portfolio.projectCounts.proposed").entity(Integer.class).isEqualTo(2);
        portfolio.path("portfolio.projectCounts.approved").entity(Integer.class).isEqualTo(1);
        portfolio.path("portfolio.projectCounts.total").entity(Integer.class).isEqualTo(3);
    }
}
