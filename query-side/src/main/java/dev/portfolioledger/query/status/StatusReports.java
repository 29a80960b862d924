package dev.portfolioledger.query.status;

import dev.portfolioledger.query.instant.RecordInstant;
import dev.portfolioledger.api.status.Rag;
import dev.portfolioledger.api.status.StatusReportPublishedEvent;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * status_report_view (migration {@code V2026120420__status_reports.sql}): one immutable row per
 * published report with the record time of its publication, so that every read answers "as known
 * at record time t" with the same statement ({@link RecordInstant#LIVE} for live reads); whether a report is
 * superseded at t is read from its correction's row.
 */
@Repository
public class StatusReports {


    /** Newest period first: the order of Project.statusReports, and "latest" of a project. */
    static final String ORDER = "period_end DESC, period_start DESC, recorded_ns DESC, report_id DESC";

    private static final String COLUMNS = """
            r.report_id, r.project_id, r.period_start, r.period_end, r.overall, r.scope, r.schedule, r.cost,
            r.summary, r.accomplishments, r.next_steps, r.decisions_needed, r.supersedes, r.reason, r.actor,
            r.recorded_ns, c.report_id AS superseded_by, c.recorded_ns AS superseded_ns""";

    /** The correction of r known at :t (at most one: the command side supersedes a report once). */
    private static final String CORRECTION = """
            LEFT JOIN status_report_view c ON c.supersedes = r.report_id AND c.recorded_ns <= :t""";

    private final NamedParameterJdbcTemplate jdbc;

    public StatusReports(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A report's publication as the live projection hands it over: the event, its metadata, its record time. */
    public record Published(StatusReportPublishedEvent event, String actor, String reason, long recordedNs) {
    }

    /** Stores the reports (one batched statement); a redelivered one is left as it is. */
    public void record(List<Published> reports) {
        if (reports.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO status_report_view (report_id, project_id, period_start, period_end, overall, scope,
                                                schedule, cost, summary, accomplishments, next_steps,
                                                decisions_needed, supersedes, reason, actor, recorded_ns)
                VALUES (:id, :projectId, :periodStart, :periodEnd, :overall, :scope, :schedule, :cost, :summary,
                        :accomplishments, :nextSteps, :decisionsNeeded, :supersedes, :reason, :actor, :ns)
                ON CONFLICT (report_id) DO NOTHING
                """, reports.stream().map(StatusReports::row).toArray(SqlParameterSource[]::new));
    }

    private static SqlParameterSource row(Published published) {
        StatusReportPublishedEvent e = published.event();
        return new MapSqlParameterSource("id", e.statusReportId().value())
                .addValue("projectId", e.projectId().value())
                .addValue("periodStart", e.periodStart()).addValue("periodEnd", e.periodEnd())
                .addValue("overall", e.overall().name()).addValue("scope", e.scope().name())
                .addValue("schedule", e.schedule().name()).addValue("cost", e.cost().name())
                .addValue("summary", e.summary())
                .addValue("accomplishments", texts(e.accomplishments()))
                .addValue("nextSteps", texts(e.nextSteps()))
                .addValue("decisionsNeeded", texts(e.decisionsNeeded()))
                .addValue("supersedes", e.supersedes() == null ? null : e.supersedes().value(), Types.OTHER)
                .addValue("reason", published.reason(), Types.VARCHAR)
                .addValue("actor", published.actor(), Types.VARCHAR)
                .addValue("ns", published.recordedNs());
    }

    public void deleteAll() {
        jdbc.getJdbcTemplate().execute("TRUNCATE status_report_view");
    }

    /** The report as known at {@code atNs}; empty before its publication. */
    public Optional<StatusReportView> find(UUID reportId, long atNs) {
        return jdbc.query("SELECT " + COLUMNS + " FROM status_report_view r " + CORRECTION
                                  + " WHERE r.report_id = :id AND r.recorded_ns <= :t",
                          new MapSqlParameterSource("id", reportId).addValue("t", atNs), (rs, n) -> view(rs))
                .stream().findFirst();
    }

    /** Where a page of a project's reports resumes: the last report seen, in {@link #ORDER}. */
    public record PageKey(LocalDate periodEnd, LocalDate periodStart, long recordedNs, UUID reportId) {

        static PageKey of(StatusReportView report) {
            return new PageKey(report.periodEnd(), report.periodStart(), report.recordedNs(), report.id());
        }
    }

    /**
     * The project's reports known at {@code atNs}, newest period first (then newest published),
     * superseded ones included: {@code limit} of them after {@code after} (null: from the first).
     */
    public List<StatusReportView> page(UUID projectId, long atNs, PageKey after, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("projectId", projectId).addValue("t", atNs)
                .addValue("limit", limit);
        String resume = "";
        if (after != null) {
            resume = " AND (r.period_end, r.period_start, r.recorded_ns, r.report_id)"
                    + " < (:afterEnd, :afterStart, :afterNs, :afterId)";
            params.addValue("afterEnd", after.periodEnd()).addValue("afterStart", after.periodStart())
                    .addValue("afterNs", after.recordedNs()).addValue("afterId", after.reportId());
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM status_report_view r " + CORRECTION
                                  + " WHERE r.project_id = :projectId AND r.recorded_ns <= :t" + resume
                                  + " ORDER BY r." + ORDER.replace(", ", ", r.") + " LIMIT :limit",
                          params, (rs, n) -> view(rs));
    }

    /**
     * Each project's latest report known at {@code atNs} that nothing superseded by then (newest
     * period first), by project; projects without one are absent. One statement for all.
     */
    public Map<UUID, StatusReportView> latestOf(Collection<UUID> projectIds, long atNs) {
        Map<UUID, StatusReportView> latest = new HashMap<>();
        if (projectIds.isEmpty()) {
            return latest;
        }
        // per project, the first rows of its index in report order until one is not superseded at :t
        jdbc.query("SELECT l.* FROM unnest(CAST(:ids AS uuid[])) AS p(id) CROSS JOIN LATERAL (SELECT " + COLUMNS
                           + " FROM status_report_view r " + CORRECTION
                           + " WHERE r.project_id = p.id AND r.recorded_ns <= :t AND c.report_id IS NULL"
                           + " ORDER BY r." + ORDER.replace(", ", ", r.") + " LIMIT 1) l",
                   new MapSqlParameterSource("ids", projectIds.toArray(UUID[]::new)).addValue("t", atNs), rs -> {
                       StatusReportView view = view(rs);
                       latest.put(view.projectId(), view);
                   });
        return latest;
    }

    private static StatusReportView view(ResultSet rs) throws SQLException {
        long supersededNs = rs.getLong("superseded_ns");
        boolean superseded = !rs.wasNull();
        return new StatusReportView(rs.getObject("report_id", UUID.class), rs.getObject("project_id", UUID.class),
                                    rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate(),
                                    new RagRatings(rag(rs, "overall"), rag(rs, "scope"), rag(rs, "schedule"),
                                                   rag(rs, "cost")),
                                    rs.getString("summary"), list(rs.getArray("accomplishments")),
                                    list(rs.getArray("next_steps")), list(rs.getArray("decisions_needed")),
                                    rs.getObject("supersedes", UUID.class), rs.getString("reason"),
                                    rs.getString("actor"), rs.getLong("recorded_ns"),
                                    rs.getObject("superseded_by", UUID.class),
                                    superseded ? instant(supersededNs) : null);
    }

    private static Rag rag(ResultSet rs, String column) throws SQLException {
        return Rag.valueOf(rs.getString(column));
    }

    private static String[] texts(List<String> items) {
        return items == null ? new String[0] : items.toArray(String[]::new);
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
