package dev.portfolioledger.command.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;


/** {@link ProjectDirectory} in the {@code project_directory} table, on the command's transaction. */
@Component
class JdbcProjectDirectory implements ProjectDirectory {

    private final JdbcTemplate jdbc;

    JdbcProjectDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(ProjectId projectId, PortfolioId portfolioId, ProgramId programId) {
        return jdbc.update("INSERT INTO project_directory (project_id, portfolio_id, program_id, status)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (project_id) DO NOTHING",
                projectId.value(), portfolioId.value(), programId == null ? null : programId.value(),
                ProjectStatus.PROPOSED.name()) == 1;
    }

    @Override
    public Optional<ProjectFacts> find(ProjectId projectId) {
        return jdbc.query("SELECT portfolio_id, status FROM project_directory WHERE project_id = ? FOR SHARE",
                        (rs, row) -> new ProjectFacts(projectId, new PortfolioId(rs.getObject(1, UUID.class)),
                                ProjectStatus.valueOf(rs.getString(2))),
                        projectId.value())
                .stream().findFirst();
    }

    @Override
    public void markStatus(ProjectId projectId, ProjectStatus status) {
        int updated = jdbc.update("UPDATE project_directory SET status = ? WHERE project_id = ?",
                status.name(), projectId.value());
        if (updated != 1) {
            // Silently skipping would let resources be allocated to a project in the wrong state.
            throw new IllegalStateException("project_directory has no row for project " + projectId);
        }
    }
}
