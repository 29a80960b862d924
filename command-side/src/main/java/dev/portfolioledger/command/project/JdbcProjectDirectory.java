package dev.portfolioledger.command.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.ProjectId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;


/** {@link ProjectDirectory} in the {@code project_directory} table, on the command's transaction. */
@Component
class JdbcProjectDirectory implements ProjectDirectory {

    private final JdbcTemplate jdbc;

    JdbcProjectDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(ProjectId projectId, PortfolioId portfolioId, ProgramId programId) {
        return jdbc.update("INSERT INTO project_directory (project_id, portfolio_id, program_id) VALUES (?, ?, ?)"
                        + " ON CONFLICT (project_id) DO NOTHING",
                projectId.value(), portfolioId.value(), programId == null ? null : programId.value()) == 1;
    }
}
