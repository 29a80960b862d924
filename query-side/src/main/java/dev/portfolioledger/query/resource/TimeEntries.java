package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.TimeLogReversedEvent;
import dev.portfolioledger.api.resource.TimeLoggedEvent;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The time_entry_view table: every time log entry with the record time of the event that logged
 * it and of its reversal, so that a project's labour is a sum as of any instant. Entries are
 * immutable facts; a reversal only stamps its entry.
 */
@Repository
public class TimeEntries {

    /** The time an event was recorded at, in nanoseconds since the epoch. */
    public record Logged(TimeLoggedEvent event, long recordedNs) {
    }

    public record Reversed(TimeLogReversedEvent event, long recordedNs) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public TimeEntries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Entries first, then reversals, so that an entry and its reversal may come in one batch. */
    public void record(List<Logged> logged, List<Reversed> reversed) {
        if (!logged.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO time_entry_view (resource_id, time_entry_id, project_id, work_date, hours, cost,
                                                 currency, logged_ns)
                    VALUES (:resourceId, :entryId, :projectId, :date, :hours, :cost, :currency, :ns)
                    ON CONFLICT (resource_id, time_entry_id) DO NOTHING
                    """, logged.stream().map(l -> new MapSqlParameterSource()
                    .addValue("resourceId", l.event().resourceId().value())
                    .addValue("entryId", l.event().timeEntryId().value())
                    .addValue("projectId", l.event().projectId().value())
                    .addValue("date", l.event().date())
                    .addValue("hours", l.event().hours())
                    .addValue("cost", l.event().cost().amount())
                    .addValue("currency", l.event().cost().currency().getCurrencyCode())
                    .addValue("ns", l.recordedNs())).toArray(SqlParameterSource[]::new));
        }
        if (!reversed.isEmpty()) {
            jdbc.batchUpdate("""
                    UPDATE time_entry_view SET reversed_ns = :ns
                    WHERE resource_id = :resourceId AND time_entry_id = :entryId AND reversed_ns IS NULL
                    """, reversed.stream().map(r -> new MapSqlParameterSource()
                    .addValue("resourceId", r.event().resourceId().value())
                    .addValue("entryId", r.event().timeEntryId().value())
                    .addValue("ns", r.recordedNs())).toArray(SqlParameterSource[]::new));
        }
    }

    /**
     * The labour of each project (every one asked for has an entry) as the entries recorded at or
     * before {@code atNs} and not reversed by then make it; {@link Long#MAX_VALUE} for now.
     */
    public Map<ProjectId, Labour> labour(Collection<ProjectId> projectIds, long atNs) {
        Map<ProjectId, Labour> labour = new HashMap<>();
        projectIds.forEach(id -> labour.put(id, Labour.NONE));
        if (projectIds.isEmpty()) {
            return labour;
        }
        jdbc.query("""
                SELECT project_id, currency, count(*) AS entries,
                       coalesce(sum(hours) FILTER (WHERE reversed_ns IS NULL OR reversed_ns > :at), 0) AS hours,
                       coalesce(sum(cost) FILTER (WHERE reversed_ns IS NULL OR reversed_ns > :at), 0) AS cost
                FROM time_entry_view WHERE project_id IN (:ids) AND logged_ns <= :at
                GROUP BY project_id, currency
                """, new MapSqlParameterSource("ids", projectIds.stream().map(ProjectId::value).distinct().toList())
                .addValue("at", atNs), rs -> {
                    ProjectId project = new ProjectId(rs.getObject("project_id", UUID.class));
                    labour.put(project, Labour.of(rs.getLong("entries"), rs.getBigDecimal("hours"),
                                                  rs.getBigDecimal("cost"),
                                                  Currency.getInstance(rs.getString("currency").trim())));
                });
        return labour;
    }

    public void deleteAll() {
        jdbc.getJdbcTemplate().execute("TRUNCATE time_entry_view");
    }
}
