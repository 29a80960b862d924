package dev.portfolioledger.command.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.ProjectId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Currency;
import java.util.Optional;

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

    @Override
    public Optional<Currency> currencyOf(ProjectId projectId) {
        return jdbc.query("SELECT portfolio.currency FROM project_directory project"
                                + " JOIN portfolio_directory portfolio ON portfolio.portfolio_id = project.portfolio_id"
                                + " WHERE project.project_id = ?",
                        (rs, row) -> Currency.getInstance(rs.getString(1)), projectId.value())
                .stream().findFirst();
    }
}
