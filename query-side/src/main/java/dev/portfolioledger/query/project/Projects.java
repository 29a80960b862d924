package dev.portfolioledger.query.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.Edge;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The project_view table. */
@Repository
public class Projects {

    /** Names the project lists in their cursors. */
    public static final String LISTING = "projects";

    private static final String COLUMNS = "id, portfolio_id, program_id, name, description, manager, sponsor, "
            + "methodology, planned_start, planned_finish, status, cancellation_reason, approved_at, started_at, "
            + "created_at, updated_at, lower(name) AS sort_name";

    private final NamedParameterJdbcTemplate jdbc;

    public Projects(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ProjectView> find(ProjectId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM project_view WHERE id = :id",
                          Map.of("id", id.value()), Projects::view).stream().findFirst();
    }

    /**
     * Projects matching the filter, by name case-insensitively, then id: a keyset query that reads
     * one row past the page, with only the criteria that were given (each has an index).
     */
    public Connection<ProjectView> page(ProjectFilter filter, PageRequest<NameKey> page) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource("limit", page.fetchSize());
        if (filter.portfolioId() != null) {
            conditions.add("portfolio_id = :portfolioId");
            params.addValue("portfolioId", filter.portfolioId().value());
        }
        if (filter.programId() != null) {
            conditions.add("program_id = :programId");
            params.addValue("programId", filter.programId().value());
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
            params.addValue("status", filter.status().name());
        }
        if (filter.methodology() != null) {
            conditions.add("methodology = :methodology");
            params.addValue("methodology", filter.methodology().name());
        }
        if (filter.manager() != null) {
            conditions.add("manager = :manager");
            params.addValue("manager", filter.manager());
        }
        if (page.after() != null) {
            conditions.add("(lower(name), id) > (:afterName, :afterId)");
            params.addValue("afterName", page.after().sortName()).addValue("afterId", page.after().id());
        }
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions) + " ";
        List<Edge<ProjectView>> rows = jdbc.query(
                "SELECT " + COLUMNS + " FROM project_view " + where + "ORDER BY lower(name), id LIMIT :limit",
                params, edge());
        return Connection.of(rows, page.first());
    }

    /**
     * A page of projects for each key, one query per distinct page request (normally one for the
     * whole batch): a lateral join runs the keyset query once per portfolio inside the database.
     */
    public Map<PortfolioProjectsKey, Connection<ProjectView>> pagesByPortfolio(Collection<PortfolioProjectsKey> keys) {
        return pagesByParent("portfolio_id", keys, k -> k.portfolioId().value(), PortfolioProjectsKey::page,
                             p -> p.portfolioId().value());
    }

    /** As {@link #pagesByPortfolio}, for the projects of programs. */
    public Map<ProgramProjectsKey, Connection<ProjectView>> pagesByProgram(Collection<ProgramProjectsKey> keys) {
        return pagesByParent("program_id", keys, k -> k.programId().value(), ProgramProjectsKey::page,
                             p -> p.programId() == null ? null : p.programId().value());
    }

    private <K> Map<K, Connection<ProjectView>> pagesByParent(String parentColumn, Collection<K> keys,
                                                              Function<K, UUID> parentOfKey,
                                                              Function<K, PageRequest<NameKey>> pageOfKey,
                                                              Function<ProjectView, UUID> parentOfRow) {
        Map<K, Connection<ProjectView>> pages = new HashMap<>();
        Map<PageRequest<NameKey>, List<K>> byRequest = keys.stream().collect(Collectors.groupingBy(pageOfKey));
        byRequest.forEach((page, sameRequest) -> {
            MapSqlParameterSource params = new MapSqlParameterSource()
                    .addValue("ids", sameRequest.stream().map(parentOfKey).distinct().toList())
                    .addValue("limit", page.fetchSize());
            String after = "";
            if (page.after() != null) {
                after = "AND (lower(v.name), v.id) > (:afterName, :afterId) ";
                params.addValue("afterName", page.after().sortName()).addValue("afterId", page.after().id());
            }
            List<Edge<ProjectView>> rows = jdbc.query("""
                    SELECT p.* FROM unnest(CAST(ARRAY[:ids] AS uuid[])) AS parent(id)
                    CROSS JOIN LATERAL (
                        SELECT %s FROM project_view v
                        WHERE v.%s = parent.id %s
                        ORDER BY lower(v.name), v.id LIMIT :limit) p
                    """.formatted(COLUMNS, parentColumn, after), params, edge());
            Map<UUID, List<Edge<ProjectView>>> byParent =
                    rows.stream().collect(Collectors.groupingBy(e -> parentOfRow.apply(e.node())));
            for (K key : sameRequest) {
                pages.put(key, Connection.of(byParent.getOrDefault(parentOfKey.apply(key), List.of()), page.first()));
            }
        });
        return pages;
    }

    /** Every requested portfolio has an entry, all zero when it has no projects. */
    public Map<PortfolioId, ProjectStatusCounts> countByPortfolios(Collection<PortfolioId> portfolioIds) {
        return countBy("portfolio_id", portfolioIds.stream().map(PortfolioId::value).toList()).entrySet().stream()
                .collect(Collectors.toMap(e -> new PortfolioId(e.getKey()), Map.Entry::getValue));
    }

    /** Every requested program has an entry, all zero when it has no projects. */
    public Map<ProgramId, ProjectStatusCounts> countByPrograms(Collection<ProgramId> programIds) {
        return countBy("program_id", programIds.stream().map(ProgramId::value).toList()).entrySet().stream()
                .collect(Collectors.toMap(e -> new ProgramId(e.getKey()), Map.Entry::getValue));
    }

    private Map<UUID, ProjectStatusCounts> countBy(String parentColumn, List<UUID> parentIds) {
        if (parentIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Map<ProjectStatus, Integer>> counts = new HashMap<>();
        jdbc.query("SELECT " + parentColumn + " AS parent_id, status, count(*) AS n FROM project_view "
                           + "WHERE " + parentColumn + " IN (:ids) GROUP BY " + parentColumn + ", status",
                   Map.of("ids", parentIds.stream().distinct().toList()),
                   rs -> {
                       counts.computeIfAbsent(rs.getObject("parent_id", UUID.class),
                                              id -> new EnumMap<>(ProjectStatus.class))
                               .put(ProjectStatus.valueOf(rs.getString("status")), rs.getInt("n"));
                   });
        return parentIds.stream().distinct().collect(Collectors.toMap(Function.identity(), id ->
                counts.containsKey(id) ? ProjectStatusCounts.of(counts.get(id)) : ProjectStatusCounts.NONE));
    }

    /**
     * Inserts or replaces the rows, each with its plan's objectives and baseline version and the
     * sequence number of the newest event of the project it reflects, unless the row already
     * reflects that or a later event: a redelivered event can then never move a view backwards.
     * One batched statement for all rows.
     */
    public void saveAll(Map<ProjectView, Long> views, Map<ProjectId, ProjectPlan> plans) {
        if (views.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO project_view (id, portfolio_id, program_id, name, description, manager, sponsor,
                                          methodology, planned_start, planned_finish, status, cancellation_reason,
                                          approved_at, started_at, created_at, updated_at, objectives,
                                          baseline_version, last_sequence)
                VALUES (:id, :portfolioId, :programId, :name, :description, :manager, :sponsor, :methodology,
                        :plannedStart, :plannedFinish, :status, :cancellationReason, :approvedAt, :startedAt,
                        :createdAt, :updatedAt, :objectives, :baselineVersion, :sequence)
                ON CONFLICT (id) DO UPDATE SET
                    portfolio_id = EXCLUDED.portfolio_id, program_id = EXCLUDED.program_id, name = EXCLUDED.name,
                    description = EXCLUDED.description, manager = EXCLUDED.manager, sponsor = EXCLUDED.sponsor,
                    methodology = EXCLUDED.methodology, planned_start = EXCLUDED.planned_start,
                    planned_finish = EXCLUDED.planned_finish, status = EXCLUDED.status,
                    cancellation_reason = EXCLUDED.cancellation_reason, approved_at = EXCLUDED.approved_at,
                    started_at = EXCLUDED.started_at, created_at = EXCLUDED.created_at,
                    updated_at = EXCLUDED.updated_at, objectives = EXCLUDED.objectives,
                    baseline_version = EXCLUDED.baseline_version, last_sequence = EXCLUDED.last_sequence
                WHERE project_view.last_sequence < EXCLUDED.last_sequence
                """, views.entrySet().stream().map(e -> {
            ProjectView view = e.getKey();
            ProjectPlan plan = plans.get(view.id());
            return new MapSqlParameterSource()
                .addValue("id", view.id().value())
                .addValue("portfolioId", view.portfolioId().value())
                .addValue("programId", view.programId() == null ? null : view.programId().value(),
                          Types.OTHER)
                .addValue("name", view.name())
                .addValue("description", view.description())
                .addValue("manager", view.manager())
                .addValue("sponsor", view.sponsor())
                .addValue("methodology", view.methodology().name())
                .addValue("plannedStart", view.plannedStart())
                .addValue("plannedFinish", view.plannedFinish())
                .addValue("status", view.status().name())
                .addValue("cancellationReason", view.cancellationReason())
                .addValue("approvedAt", utc(view.approvedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("startedAt", utc(view.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("createdAt", utc(view.createdAt()))
                .addValue("updatedAt", utc(view.updatedAt()))
                .addValue("objectives", plan == null ? new String[0] : plan.objectives().toArray(String[]::new))
                .addValue("baselineVersion", plan == null ? null : plan.baselineVersion(), Types.INTEGER)
                .addValue("sequence", e.getValue());
        }).toArray(SqlParameterSource[]::new));
    }

    public Map<ProjectId, ProjectView> findAll(Collection<ProjectId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM project_view WHERE id IN (:ids)",
                          Map.of("ids", ids.stream().map(ProjectId::value).distinct().toList()), Projects::view)
                .stream().collect(Collectors.toMap(ProjectView::id, Function.identity()));
    }

    public void deleteAll() {
        jdbc.getJdbcTemplate().execute("TRUNCATE project_view");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static RowMapper<Edge<ProjectView>> edge() {
        return (rs, n) -> {
            ProjectView view = view(rs, n);
            return new Edge<>(new NameKey(rs.getString("sort_name"), view.id().value()).toCursor(LISTING), view);
        };
    }

    private static ProjectView view(ResultSet rs, int rowNum) throws SQLException {
        UUID programId = rs.getObject("program_id", UUID.class);
        return new ProjectView(
                new ProjectId(rs.getObject("id", UUID.class)),
                new PortfolioId(rs.getObject("portfolio_id", UUID.class)),
                programId == null ? null : new ProgramId(programId),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("manager"),
                rs.getString("sponsor"),
                Methodology.valueOf(rs.getString("methodology")),
                rs.getObject("planned_start", LocalDate.class),
                rs.getObject("planned_finish", LocalDate.class),
                ProjectStatus.valueOf(rs.getString("status")),
                rs.getString("cancellation_reason"),
                instant(rs, "approved_at"),
                instant(rs, "started_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
