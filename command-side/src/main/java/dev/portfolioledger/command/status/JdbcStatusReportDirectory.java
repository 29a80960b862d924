package dev.portfolioledger.command.status;

import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.status.StatusReportId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** {@link StatusReportDirectory} in the {@code status_report_directory} table, on the command's transaction. */
@Component
class JdbcStatusReportDirectory implements StatusReportDirectory {

    private final JdbcTemplate jdbc;

    JdbcStatusReportDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(StatusReportId statusReportId, ProjectId projectId) {
        return jdbc.update("INSERT INTO status_report_directory (status_report_id, project_id) VALUES (?, ?)"
                + " ON CONFLICT (status_report_id) DO NOTHING", statusReportId.value(), projectId.value()) == 1;
    }

    @Override
    public Optional<Entry> find(StatusReportId statusReportId) {
        return jdbc.query("SELECT project_id, superseded_by FROM status_report_directory WHERE status_report_id = ?",
                (rs, row) -> {
                    UUID supersededBy = rs.getObject("superseded_by", UUID.class);
                    return new Entry(statusReportId, new ProjectId(rs.getObject("project_id", UUID.class)),
                                     supersededBy == null ? null : new StatusReportId(supersededBy));
                }, statusReportId.value()).stream().findFirst();
    }

    @Override
    public boolean supersede(StatusReportId superseded, StatusReportId by) {
        return jdbc.update("UPDATE status_report_directory SET superseded_by = ? WHERE status_report_id = ?"
                + " AND superseded_by IS NULL", by.value(), superseded.value()) == 1;
    }
}
