package dev.portfolioledger.query.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.Edge;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The resource_view and resource_allocation_view tables. */
@Repository
public class Resources {

    /** Names the resource list in its cursors. */
    public static final String LISTING = "resources";

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public Resources(NamedParameterJdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    public Optional<ResourceView> find(ResourceId id) {
        return findAll(List.of(id)).values().stream().findFirst();
    }

    public Map<ResourceId, ResourceView> findAll(Collection<ResourceId> ids) {
        Map<ResourceId, ResourceView> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query("SELECT document FROM resource_view WHERE id IN (:ids)",
                   Map.of("ids", ids.stream().map(ResourceId::value).distinct().toList()), rs -> {
                       ResourceView view = view(rs);
                       found.put(view.id(), view);
                   });
        return found;
    }

    /**
     * Resources matching the filter, by name case-insensitively, then id: keyset reads of the
     * rows matching portfolio, role and status (each a column), the rest checked on the views
     * ({@link ResourcePages}).
     */
    public Connection<ResourceView> page(ResourceFilter filter, PageRequest<NameKey> page) {
        return ResourcePages.page(filter, page, (after, limit) -> candidates(filter, after, limit));
    }

    private List<Edge<ResourceView>> candidates(ResourceFilter filter, NameKey after, int limit) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
        if (filter.portfolioId() != null) {
            conditions.add("portfolio_id = :portfolioId");
            params.addValue("portfolioId", filter.portfolioId().value());
        }
        if (filter.role() != null) {
            conditions.add("role = :role");
            params.addValue("role", filter.role());
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
            params.addValue("status", filter.status().name());
        }
        if (after != null) {
            conditions.add("(lower(name), id) > (:afterName, :afterId)");
            params.addValue("afterName", after.sortName()).addValue("afterId", after.id());
        }
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions) + " ";
        return jdbc.query("SELECT lower(name) AS sort_name, document FROM resource_view " + where
                                  + "ORDER BY lower(name), id LIMIT :limit", params, edge());
    }

    /** The allocations to each project, by first day then id; every project asked for has an entry. */
    public Map<ProjectId, List<ResourceAllocationView>> teams(Collection<ProjectId> projectIds) {
        Map<ProjectId, List<ResourceAllocationView>> teams = new HashMap<>();
        projectIds.forEach(id -> teams.put(id, new ArrayList<>()));
        if (projectIds.isEmpty()) {
            return teams;
        }
        jdbc.query("""
                SELECT resource_id, allocation_id, project_id, percent, start_date, end_date, overallocation_reason
                FROM resource_allocation_view WHERE project_id IN (:ids)
                ORDER BY start_date, CAST(allocation_id AS text)
                """, Map.of("ids", projectIds.stream().map(ProjectId::value).distinct().toList()), rs -> {
            ResourceAllocationView allocation = new ResourceAllocationView(
                    new AllocationId(rs.getObject("allocation_id", UUID.class)),
                    new ResourceId(rs.getObject("resource_id", UUID.class)),
                    new ProjectId(rs.getObject("project_id", UUID.class)),
                    rs.getInt("percent"), rs.getObject("start_date", LocalDate.class),
                    rs.getObject("end_date", LocalDate.class), rs.getString("overallocation_reason"));
            teams.get(allocation.projectId()).add(allocation);
        });
        return teams;
    }

    /**
     * Inserts or replaces the rows, each with the sequence number of the newest event of the
     * resource it reflects, unless the row already reflects that or a later one. The allocation
     * rows of the resources whose allocations changed are written anew.
     */
    public void saveAll(Map<ResourceView, Long> views, Collection<ResourceView> allocationsChanged) {
        if (!views.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO resource_view (id, portfolio_id, name, role, status, document, last_sequence)
                    VALUES (:id, :portfolioId, :name, :role, :status, CAST(:document AS jsonb), :sequence)
                    ON CONFLICT (id) DO UPDATE SET portfolio_id = EXCLUDED.portfolio_id, name = EXCLUDED.name,
                        role = EXCLUDED.role, status = EXCLUDED.status, document = EXCLUDED.document,
                        last_sequence = EXCLUDED.last_sequence
                    WHERE resource_view.last_sequence < EXCLUDED.last_sequence
                    """, views.entrySet().stream().map(e -> new MapSqlParameterSource()
                    .addValue("id", e.getKey().id().value())
                    .addValue("portfolioId", e.getKey().portfolioId().value())
                    .addValue("name", e.getKey().name())
                    .addValue("role", e.getKey().role())
                    .addValue("status", e.getKey().status().name())
                    .addValue("document", json(e.getKey()))
                    .addValue("sequence", e.getValue())).toArray(SqlParameterSource[]::new));
        }
        if (allocationsChanged.isEmpty()) {
            return;
        }
        jdbc.update("DELETE FROM resource_allocation_view WHERE resource_id IN (:ids)",
                    Map.of("ids", allocationsChanged.stream().map(v -> v.id().value()).distinct().toList()));
        List<SqlParameterSource> rows = allocationsChanged.stream().flatMap(v -> v.allocations().stream())
                .map(a -> (SqlParameterSource) new MapSqlParameterSource()
                        .addValue("resourceId", a.resourceId().value())
                        .addValue("allocationId", a.allocationId().value())
                        .addValue("projectId", a.projectId().value())
                        .addValue("percent", a.percent())
                        .addValue("start", a.start())
                        .addValue("end", a.end())
                        .addValue("reason", a.overallocationReason()))
                .toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO resource_allocation_view (resource_id, allocation_id, project_id, percent, start_date,
                                                          end_date, overallocation_reason)
                    VALUES (:resourceId, :allocationId, :projectId, :percent, :start, :end, :reason)
                    """, rows.toArray(SqlParameterSource[]::new));
        }
    }

    public void deleteAll() {
        jdbc.getJdbcTemplate().execute("TRUNCATE resource_view, resource_allocation_view");
    }

    private RowMapper<Edge<ResourceView>> edge() {
        return (rs, n) -> {
            ResourceView view = view(rs);
            return new Edge<>(new NameKey(rs.getString("sort_name"), view.id().value()).toCursor(LISTING), view);
        };
    }

    private ResourceView view(ResultSet rs) throws SQLException {
        try {
            return objectMapper.readValue(rs.getString("document"), ResourceView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored resource view", e);
        }
    }

    private String json(ResourceView view) {
        try {
            return objectMapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a resource view as JSON", e);
        }
    }
}
