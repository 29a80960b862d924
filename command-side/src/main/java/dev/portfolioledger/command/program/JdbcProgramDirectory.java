package dev.portfolioledger.command.program;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.program.ProgramStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** {@link ProgramDirectory} in the {@code program_directory} table, on the command's transaction. */
@Component
class JdbcProgramDirectory implements ProgramDirectory {

    private final JdbcTemplate jdbc;

    JdbcProgramDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ProgramFacts> find(ProgramId programId) {
        return jdbc.query("SELECT portfolio_id, status FROM program_directory WHERE program_id = ? FOR SHARE",
                        (rs, row) -> new ProgramFacts(programId, new PortfolioId(rs.getObject(1, UUID.class)),
                                ProgramStatus.valueOf(rs.getString(2))),
                        programId.value())
                .stream().findFirst();
    }

    @Override
    public void add(ProgramId programId, PortfolioId portfolioId) {
        jdbc.update("INSERT INTO program_directory (program_id, portfolio_id, status) VALUES (?, ?, ?)",
                programId.value(), portfolioId.value(), ProgramStatus.OPEN.name());
    }

    @Override
    public void markClosed(ProgramId programId) {
        int updated = jdbc.update("UPDATE program_directory SET status = ? WHERE program_id = ?",
                ProgramStatus.CLOSED.name(), programId.value());
        if (updated != 1) {
            // Silently skipping would let projects into a closed program.
            throw new IllegalStateException("program_directory has no row for program " + programId);
        }
    }
}
