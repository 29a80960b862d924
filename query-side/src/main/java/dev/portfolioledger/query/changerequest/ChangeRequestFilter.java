package dev.portfolioledger.query.changerequest;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.changerequest.ChangeRequestStatus;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which change requests the cross-project listing holds (a change board's inbox); every criterion
 * is optional and they combine with AND.
 */
public record ChangeRequestFilter(ChangeRequestStatus status, String portfolioId, String programId) {

    public static final ChangeRequestFilter ALL = new ChangeRequestFilter(null, null, null);

    /** The portfolio's id, refused as VALIDATION_FAILED when it is not a UUID; null when not filtered. */
    public UUID portfolio() {
        return portfolioId == null ? null : Checks.uuid(portfolioId, "filter.portfolioId");
    }

    public UUID program() {
        return programId == null ? null : Checks.uuid(programId, "filter.programId");
    }

    /**
     * The SQL conditions of the filter on a change request's status and project (the project
     * column named {@code projectColumn}), with their parameters added to {@code params}; the live
     * inbox and the inbox as of an instant share them. A project never moves, so today's
     * project_view says which projects a portfolio or program has ever had.
     */
    public List<String> conditions(String projectColumn, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        if (status != null) {
            conditions.add("status = :status");
            params.addValue("status", status.name());
        }
        UUID portfolio = portfolio();
        UUID program = program();
        if (portfolio != null || program != null) {
            conditions.add(projectColumn + " IN (SELECT id FROM project_view WHERE "
                                   + (portfolio != null ? "portfolio_id = :portfolioId" : "TRUE")
                                   + (program != null ? " AND program_id = :programId" : "") + ")");
            params.addValue("portfolioId", portfolio).addValue("programId", program);
        }
        return conditions;
    }
}
