package dev.portfolioledger.query.audit;

import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.Cursors;
import dev.portfolioledger.query.paging.Edge;
import dev.portfolioledger.query.paging.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The access_denial table: the refusals on record, append-only. */
@Repository
public class AccessDenials {

    /** Names the list in its cursors. */
    public static final String LISTING = "accessDenials";

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditEntries auditEntries;

    public AccessDenials(NamedParameterJdbcTemplate jdbc, AuditEntries auditEntries) {
        this.jdbc = jdbc;
        this.auditEntries = auditEntries;
    }

    /**
     * Records the denials once each, at the global indexes the event store gave their events (the
     * rows' own {@code globalIndex} is not looked at); a redelivered event leaves its row untouched.
     *
     * @throws IllegalStateException when a denial's event is not in the event store
     */
    public void recordAll(List<AccessDenialView> denials) {
        if (denials.isEmpty()) {
            return;
        }
        Map<String, Long> indexes = auditEntries.globalIndexesOf(denials.stream().map(AccessDenialView::eventId).toList());
        SqlParameterSource[] rows = denials.stream().map(denial -> {
            Long index = indexes.get(denial.eventId());
            if (index == null) {
                throw new IllegalStateException("Event " + denial.eventId() + " is not in the event store");
            }
            return new MapSqlParameterSource()
                    .addValue("eventId", denial.eventId())
                    .addValue("globalIndex", index)
                    .addValue("deniedAt", OffsetDateTime.ofInstant(denial.deniedAt(), ZoneOffset.UTC))
                    .addValue("actor", denial.actor())
                    .addValue("operation", denial.operation())
                    .addValue("target", denial.target())
                    .addValue("code", denial.code())
                    .addValue("requestId", denial.requestId())
                    .addValue("correlationId", denial.correlationId());
        }).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("""
                INSERT INTO access_denial (event_id, global_index, denied_at, actor, operation, target, code,
                                           request_id, correlation_id)
                VALUES (:eventId, :globalIndex, :deniedAt, :actor, :operation, :target, :code, :requestId,
                        :correlationId)
                ON CONFLICT (event_id) DO NOTHING
                """, rows);
    }

    /** Newest first (global index descending); a keyset query that reads one row past the page. */
    public Connection<AccessDenialView> page(AccessDenialFilter filter, PageRequest<Long> page) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource("limit", page.fetchSize());
        condition(conditions, params, "actor", filter.actor());
        condition(conditions, params, "code", filter.code());
        condition(conditions, params, "operation", filter.operation());
        if (filter.from() != null) {
            conditions.add("denied_at >= :from");
            params.addValue("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("denied_at < :to");
            params.addValue("to", filter.to());
        }
        if (page.after() != null) {
            conditions.add("global_index < :after");
            params.addValue("after", page.after());
        }
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions) + " ";
        List<Edge<AccessDenialView>> rows = jdbc.query(
                "SELECT * FROM access_denial " + where + "ORDER BY global_index DESC LIMIT :limit", params,
                (rs, n) -> {
                    AccessDenialView denial = denial(rs);
                    return new Edge<>(Cursors.encode(LISTING, Long.toString(denial.globalIndex())), denial);
                });
        return Connection.of(rows, page.first());
    }

    public void deleteAll() {
        // TRUNCATE, not DELETE: see ViewHistory.deleteAll
        jdbc.getJdbcTemplate().execute("TRUNCATE access_denial");
    }

    private static void condition(List<String> conditions, MapSqlParameterSource params, String column, String value) {
        if (value != null) {
            conditions.add(column + " = :" + column);
            params.addValue(column, value);
        }
    }

    private static AccessDenialView denial(ResultSet rs) throws SQLException {
        return new AccessDenialView(
                rs.getString("event_id"),
                rs.getLong("global_index"),
                rs.getObject("denied_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("operation"),
                rs.getString("target"),
                rs.getString("code"),
                rs.getString("request_id"),
                rs.getString("correlation_id"));
    }
}
