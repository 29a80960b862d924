package dev.portfolioledger.query.asof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.query.project.ProjectFilter;
import dev.portfolioledger.query.project.ProjectView;
import dev.portfolioledger.query.project.Projects;
import dev.portfolioledger.query.changerequest.ChangeRequestFilter;
import dev.portfolioledger.query.changerequest.ChangeRequestView;
import dev.portfolioledger.query.changerequest.ChangeRequests;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.Edge;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;
import dev.portfolioledger.query.project.ProjectStatusCounts;
import dev.portfolioledger.query.resource.ResourceFilter;
import dev.portfolioledger.query.resource.ResourcePages;
import dev.portfolioledger.query.resource.ResourceView;
import dev.portfolioledger.query.resource.Resources;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The view_version and view_history_position tables: the versions of every view with history,
 * written a batch at a time by {@link ViewHistoryProjection}, and the indexed reads of the versions
 * valid at an instant that {@link StoredPointInTime} answers with.
 */
@Repository
public class ViewHistory {

    /** The open-ended version, as the partial index on current versions spells it. */
    private static final String OPEN = Long.toString(RecordTime.OPEN);
    private static final String VALID_AT = "from_ns <= :at AND to_ns > :at";

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public ViewHistory(NamedParameterJdbcTemplate jdbc,
                       @Qualifier("defaultAxonObjectMapper") ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** Per aggregate, the last event the history reflects and the decision it belonged to. */
    record Position(String aggregateId, long lastSequence, String causationId, long decidedNs, long decidedIndex) {
    }

    Map<String, Long> globalIndexes(Collection<String> eventIds) {
        Map<String, Long> indexes = new HashMap<>();
        // one array parameter, so every batch size runs the same (server-prepared) statement
        jdbc.query("SELECT eventidentifier, globalindex FROM domainevententry WHERE eventidentifier = ANY(:ids)",
                   new MapSqlParameterSource("ids", eventIds.toArray(String[]::new)), rs -> {
                       indexes.put(rs.getString(1), rs.getLong(2));
                   });
        return indexes;
    }

    Map<String, Position> positions(Collection<String> aggregateIds) {
        Map<String, Position> positions = new HashMap<>();
        jdbc.query("SELECT aggregate_id, last_sequence, causation_id, decided_ns, decided_index "
                           + "FROM view_history_position WHERE aggregate_id = ANY(:ids)",
                   new MapSqlParameterSource("ids", aggregateIds.toArray(String[]::new)), rs -> {
                       positions.put(rs.getString(1), new Position(rs.getString(1), rs.getLong(2), rs.getString(3),
                                                                   rs.getLong(4), rs.getLong(5)));
                   });
        return positions;
    }

    /** The current versions of the aggregates' views. */
    List<ViewVersion> openVersions(Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT kind, id, aggregate_id, from_ns, from_index, sequence, document FROM view_version "
                                  + "WHERE aggregate_id = ANY(:ids) AND to_ns = " + OPEN,
                          new MapSqlParameterSource("ids", aggregateIds.toArray(String[]::new)), (rs, n) -> {
                    ViewKind kind = ViewKind.valueOf(rs.getString("kind"));
                    return ViewVersion.stored(rs.getString("aggregate_id"), new ViewVersion.Open(
                            new ViewKey(kind, rs.getObject("id", UUID.class)), document(rs, kind),
                            rs.getLong("from_ns"), rs.getLong("from_index"), rs.getLong("sequence")));
                });
    }

    /**
     * Writes a batch: new versions, changed stored versions (closed, or amended by the same
     * decision), positions. A version that was only closed has only its end written.
     */
    void write(List<ViewVersion> created, List<ViewVersion> changed, Collection<Position> positions) {
        List<ViewVersion> closed = changed.stream().filter(v -> !v.amended).toList();
        List<ViewVersion> amended = changed.stream().filter(v -> v.amended).toList();
        if (!closed.isEmpty()) {
            jdbc.batchUpdate("UPDATE view_version SET to_ns = :toNs, to_index = :toIndex "
                                     + "WHERE kind = :kind AND id = :id AND from_ns = :fromNs",
                             closed.stream().map(v -> new MapSqlParameterSource()
                                     .addValue("kind", v.key.kind().name())
                                     .addValue("id", v.key.id())
                                     .addValue("fromNs", v.fromNs)
                                     .addValue("toNs", v.toNs)
                                     .addValue("toIndex", v.toIndex, Types.BIGINT))
                                     .toArray(SqlParameterSource[]::new));
        }
        if (!amended.isEmpty()) {
            jdbc.batchUpdate("""
                    UPDATE view_version SET to_ns = :toNs, to_index = :toIndex, sequence = :sequence,
                           document = :document, parent_id = :parentId, program_id = :programId,
                           sort_key = lower(:name), status = :status
                    WHERE kind = :kind AND id = :id AND from_ns = :fromNs
                    """, amended.stream().map(this::row).toArray(SqlParameterSource[]::new));
        }
        if (!created.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO view_version (kind, id, aggregate_id, parent_id, program_id, sort_key, status,
                                              from_ns, to_ns, from_index, to_index, sequence, document)
                    VALUES (:kind, :id, :aggregateId, :parentId, :programId, lower(:name), :status, :fromNs, :toNs,
                            :fromIndex, :toIndex, :sequence, :document)
                    """, created.stream().map(this::row).toArray(SqlParameterSource[]::new));
        }
        if (!positions.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO view_history_position (aggregate_id, last_sequence, causation_id, decided_ns,
                                                       decided_index)
                    VALUES (:aggregateId, :lastSequence, :causationId, :decidedNs, :decidedIndex)
                    ON CONFLICT (aggregate_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence,
                        causation_id = EXCLUDED.causation_id, decided_ns = EXCLUDED.decided_ns,
                        decided_index = EXCLUDED.decided_index
                    """, positions.stream().map(p -> new MapSqlParameterSource()
                    .addValue("aggregateId", p.aggregateId())
                    .addValue("lastSequence", p.lastSequence())
                    .addValue("causationId", p.causationId())
                    .addValue("decidedNs", p.decidedNs())
                    .addValue("decidedIndex", p.decidedIndex())).toArray(SqlParameterSource[]::new));
        }
    }

    /**
     * Empties the history for a rebuild. TRUNCATE rather than DELETE: it frees the table at once
     * instead of leaving every row dead until a vacuum, which the rebuild's inserts would then
     * wade through; it waits for statements that read the tables at that moment to finish.
     */
    public void deleteAll() {
        jdbc.getJdbcTemplate().execute("TRUNCATE view_version, view_history_position");
    }

    /** The views of one kind valid at the instant, by id; ids without a version then are absent. */
    <V> Map<UUID, V> at(long atNs, ViewKind kind, Collection<UUID> ids, Class<V> type) {
        Map<UUID, V> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query("SELECT id, document FROM view_version WHERE kind = :kind AND id IN (:ids) AND " + VALID_AT,
                   new MapSqlParameterSource("kind", kind.name()).addValue("ids", ids).addValue("at", atNs),
                   rs -> {
                       found.put(rs.getObject("id", UUID.class), type.cast(document(rs, kind)));
                   });
        return found;
    }

    /** The views of one kind whose listing parent is {@code parentId}, valid at the instant. */
    <V> List<V> childrenAt(long atNs, ViewKind kind, UUID parentId, Class<V> type) {
        return jdbc.query("SELECT document FROM view_version WHERE kind = :kind AND parent_id = :parent AND "
                                  + VALID_AT,
                          new MapSqlParameterSource("kind", kind.name()).addValue("parent", parentId)
                                  .addValue("at", atNs),
                          (rs, n) -> type.cast(document(rs, kind)));
    }

    /**
     * A page of the views of one kind under a parent ({@code parent_id} or {@code program_id}) valid
     * at the instant, in live list order (lower(name), id) with the live list's cursors.
     */
    <V> Connection<V> page(long atNs, ViewKind kind, boolean byProgram, UUID parentId, PageRequest<NameKey> page,
                           String listing, Class<V> type) {
        String parentColumn = byProgram ? "program_id" : "parent_id";
        MapSqlParameterSource params = new MapSqlParameterSource("kind", kind.name())
                .addValue("parent", parentId).addValue("at", atNs).addValue("limit", page.fetchSize());
        String after = "";
        if (page.after() != null) {
            after = "AND (sort_key, id) > (:afterName, :afterId) ";
            params.addValue("afterName", page.after().sortName()).addValue("afterId", page.after().id());
        }
        List<Edge<V>> rows = jdbc.query(
                "SELECT id, sort_key, document FROM view_version WHERE kind = :kind AND " + parentColumn
                        + " = :parent AND " + VALID_AT + " " + after + "ORDER BY sort_key, id LIMIT :limit",
                params, (rs, n) -> new Edge<>(new NameKey(rs.getString("sort_key"), rs.getObject("id", UUID.class))
                                                      .toCursor(listing), type.cast(document(rs, kind))));
        return Connection.of(rows, page.first());
    }

    /**
     * A page of the project versions valid at the instant that match the filter, in live list
     * order with the live cursors. Portfolio, program and status are columns (indexed with the
     * portfolio or program); methodology and manager are read from the document.
     */
    Connection<ProjectView> projects(long atNs, ProjectFilter filter, PageRequest<NameKey> page) {
        StringBuilder where = new StringBuilder("kind = 'PROJECT' AND " + VALID_AT);
        MapSqlParameterSource params = new MapSqlParameterSource("at", atNs).addValue("limit", page.fetchSize());
        if (filter.portfolioId() != null) {
            where.append(" AND parent_id = :portfolio");
            params.addValue("portfolio", filter.portfolioId().value());
        }
        if (filter.programId() != null) {
            where.append(" AND program_id = :program");
            params.addValue("program", filter.programId().value());
        }
        if (filter.status() != null) {
            where.append(" AND status = :status");
            params.addValue("status", filter.status().name());
        }
        if (filter.methodology() != null) {
            where.append(" AND CAST(document AS jsonb) ->> 'methodology' = :methodology");
            params.addValue("methodology", filter.methodology().name());
        }
        if (filter.manager() != null) {
            where.append(" AND CAST(document AS jsonb) ->> 'manager' = :manager");
            params.addValue("manager", filter.manager());
        }
        if (page.after() != null) {
            where.append(" AND (sort_key, id) > (:afterName, :afterId)");
            params.addValue("afterName", page.after().sortName()).addValue("afterId", page.after().id());
        }
        List<Edge<ProjectView>> rows = jdbc.query(
                "SELECT id, sort_key, document FROM view_version WHERE " + where + " ORDER BY sort_key, id LIMIT :limit",
                params, (rs, n) -> new Edge<>(new NameKey(rs.getString("sort_key"), rs.getObject("id", UUID.class))
                                                      .toCursor(Projects.LISTING),
                                              (ProjectView) document(rs, ViewKind.PROJECT)));
        return Connection.of(rows, page.first());
    }

    /**
     * The change request versions valid at the instant, newest submitted first (sort_key, then id,
     * as the live inbox orders by submitted_at, then id), of the projects of the filter's portfolio
     * or program (a project never moves, so today's membership is every membership it had).
     */
    List<ChangeRequestView> changeRequestInbox(long atNs, ChangeRequestFilter filter,
                                               PageRequest<ChangeRequests.InboxKey> page) {
        StringBuilder where = new StringBuilder("kind = 'CHANGE_REQUEST' AND " + VALID_AT);
        MapSqlParameterSource params = new MapSqlParameterSource("at", atNs).addValue("limit", page.fetchSize());
        filter.conditions("parent_id", params).forEach(condition -> where.append(" AND ").append(condition));
        if (page.after() != null) {
            where.append(" AND (sort_key, id) < (:afterKey, :afterId)");
            params.addValue("afterKey", ViewVersion.submittedKey(page.after().submittedAt()))
                    .addValue("afterId", page.after().changeRequestId());
        }
        return jdbc.query("SELECT document FROM view_version WHERE " + where
                                  + " ORDER BY sort_key DESC, id DESC LIMIT :limit",
                          params, (rs, n) -> (ChangeRequestView) document(rs, ViewKind.CHANGE_REQUEST));
    }

    /**
     * A page of the resource versions valid at the instant that match the filter, in live list
     * order with the live cursors: portfolio and status are columns, the role is read from the
     * document, skill and free time are checked on the views ({@link ResourcePages}).
     */
    Connection<ResourceView> resources(long atNs, ResourceFilter filter, PageRequest<NameKey> page) {
        return ResourcePages.page(filter, page, (after, limit) -> {
            StringBuilder where = new StringBuilder("kind = 'RESOURCE' AND " + VALID_AT);
            MapSqlParameterSource params = new MapSqlParameterSource("at", atNs).addValue("limit", limit);
            if (filter.portfolioId() != null) {
                where.append(" AND parent_id = :portfolio");
                params.addValue("portfolio", filter.portfolioId().value());
            }
            if (filter.status() != null) {
                where.append(" AND status = :status");
                params.addValue("status", filter.status().name());
            }
            if (filter.role() != null) {
                where.append(" AND CAST(document AS jsonb) ->> 'role' = :role");
                params.addValue("role", filter.role());
            }
            if (after != null) {
                where.append(" AND (sort_key, id) > (:afterName, :afterId)");
                params.addValue("afterName", after.sortName()).addValue("afterId", after.id());
            }
            return jdbc.query("SELECT id, sort_key, document FROM view_version WHERE " + where
                                      + " ORDER BY sort_key, id LIMIT :limit", params,
                              (rs, n) -> new Edge<>(new NameKey(rs.getString("sort_key"), rs.getObject("id", UUID.class))
                                                            .toCursor(Resources.LISTING),
                                                    (ResourceView) document(rs, ViewKind.RESOURCE)));
        });
    }

    /**
     * The resource versions of the portfolio's pool valid at the instant that hold an allocation
     * to the project (a containment test on the document, after the index found the pool's versions).
     */
    List<ResourceView> allocatedAt(long atNs, UUID portfolioId, UUID projectId) {
        return jdbc.query("SELECT document FROM view_version WHERE kind = 'RESOURCE' AND parent_id = :portfolio AND "
                                  + VALID_AT + " AND CAST(document AS jsonb) -> 'allocations' @> CAST(:probe AS jsonb)",
                          new MapSqlParameterSource("portfolio", portfolioId).addValue("at", atNs)
                                  .addValue("probe", "[{\"projectId\":\"" + projectId + "\"}]"),
                          (rs, n) -> (ResourceView) document(rs, ViewKind.RESOURCE));
    }

    /** Projects by status under a portfolio or program, valid at the instant. */
    /** How many change requests of each project were SUBMITTED or ASSESSED at the instant (one query). */
    Map<ProjectId, Integer> pendingChangeRequests(long atNs, Collection<ProjectId> projectIds) {
        Map<ProjectId, Integer> pending = new HashMap<>();
        if (projectIds.isEmpty()) {
            return pending;
        }
        jdbc.query("SELECT parent_id, count(*) AS n FROM view_version WHERE kind = 'CHANGE_REQUEST'"
                           + " AND parent_id = ANY(:ids) AND " + VALID_AT + " AND status IN ('SUBMITTED', 'ASSESSED')"
                           + " GROUP BY parent_id",
                   new MapSqlParameterSource("ids", projectIds.stream().map(ProjectId::value).toArray(UUID[]::new))
                           .addValue("at", atNs),
                   rs -> {
                       pending.put(new ProjectId(rs.getObject("parent_id", UUID.class)), rs.getInt("n"));
                   });
        return pending;
    }

    ProjectStatusCounts projectCounts(long atNs, boolean byProgram, UUID parentId) {
        Map<ProjectStatus, Integer> counts = new EnumMap<>(ProjectStatus.class);
        jdbc.query("SELECT status, count(*) AS n FROM view_version WHERE kind = 'PROJECT' AND "
                           + (byProgram ? "program_id" : "parent_id") + " = :parent AND " + VALID_AT
                           + " GROUP BY status",
                   new MapSqlParameterSource("parent", parentId).addValue("at", atNs), rs -> {
                       counts.put(ProjectStatus.valueOf(rs.getString("status")), rs.getInt("n"));
                   });
        return counts.isEmpty() ? ProjectStatusCounts.NONE : ProjectStatusCounts.of(counts);
    }

    private MapSqlParameterSource row(ViewVersion v) {
        return new MapSqlParameterSource()
                .addValue("kind", v.key.kind().name())
                .addValue("id", v.key.id())
                .addValue("aggregateId", v.aggregateId)
                .addValue("parentId", v.parentId(), Types.OTHER)
                .addValue("programId", v.programId(), Types.OTHER)
                .addValue("name", v.name(), Types.VARCHAR)
                .addValue("status", v.status(), Types.VARCHAR)
                .addValue("fromNs", v.fromNs)
                .addValue("toNs", v.toNs)
                .addValue("fromIndex", v.fromIndex)
                .addValue("toIndex", v.toIndex, Types.BIGINT)
                .addValue("sequence", v.sequence)
                .addValue("document", json(v.view));
    }

    private String json(Object view) {
        try {
            return objectMapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + view.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private Object document(ResultSet rs, ViewKind kind) throws SQLException {
        try {
            return objectMapper.readValue(rs.getString("document"), kind.viewType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored " + kind + " version", e);
        }
    }

    /** For the rebuild check in tests and the benchmark: every version, in a stable order. */
    public List<Map<String, Object>> dump() {
        return jdbc.getJdbcTemplate().queryForList(
                "SELECT kind, id, aggregate_id, parent_id, program_id, sort_key, status, from_ns, to_ns, from_index, "
                        + "to_index, sequence, document::text AS document FROM view_version "
                        + "ORDER BY kind, id, from_ns");
    }
}
