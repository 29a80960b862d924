package dev.portfolioledger.query.program;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.program.ProgramStatus;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.Edge;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The program_view table. */
@Repository
public class Programs {

    /** Names the program lists in their cursors. */
    public static final String LISTING = "programs";

    private static final String COLUMNS =
            "id, portfolio_id, name, manager, objectives, status, created_at, updated_at";

    private static final String SAVE = """
                INSERT INTO program_view (id, portfolio_id, name, manager, objectives, status, created_at,
                                          updated_at, last_sequence)
                VALUES (:id, :portfolioId, :name, :manager, :objectives, :status, :createdAt, :updatedAt,
                        :sequence)
                ON CONFLICT (id) DO UPDATE SET
                    portfolio_id = EXCLUDED.portfolio_id, name = EXCLUDED.name, manager = EXCLUDED.manager,
                    objectives = EXCLUDED.objectives, status = EXCLUDED.status, created_at = EXCLUDED.created_at,
                    updated_at = EXCLUDED.updated_at, last_sequence = EXCLUDED.last_sequence
                WHERE program_view.last_sequence < EXCLUDED.last_sequence
                """;

    private final NamedParameterJdbcTemplate jdbc;

    public Programs(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ProgramView> find(ProgramId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM program_view WHERE id = :id",
                          Map.of("id", id.value()), Programs::view).stream().findFirst();
    }

    public Map<ProgramId, ProgramView> findAll(Collection<ProgramId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM program_view WHERE id IN (:ids)",
                          Map.of("ids", ids.stream().map(ProgramId::value).distinct().toList()),
                          Programs::view)
                .stream().collect(Collectors.toMap(ProgramView::id, Function.identity()));
    }

    /**
     * A page of programs for each key, by name case-insensitively, then id; one query per distinct
     * page request (normally one for the whole batch): a lateral join runs the keyset query once
     * per portfolio inside the database.
     */
    public Map<PortfolioProgramsKey, Connection<ProgramView>> pagesByPortfolio(Collection<PortfolioProgramsKey> keys) {
        Map<PortfolioProgramsKey, Connection<ProgramView>> pages = new HashMap<>();
        Map<PageRequest<NameKey>, List<PortfolioProgramsKey>> byRequest =
                keys.stream().collect(Collectors.groupingBy(PortfolioProgramsKey::page));
        byRequest.forEach((page, sameRequest) -> {
            MapSqlParameterSource params = new MapSqlParameterSource()
                    .addValue("ids", sameRequest.stream().map(k -> k.portfolioId().value()).distinct().toList())
                    .addValue("limit", page.fetchSize());
            String after = "";
            if (page.after() != null) {
                after = "AND (lower(v.name), v.id) > (:afterName, :afterId) ";
                params.addValue("afterName", page.after().sortName()).addValue("afterId", page.after().id());
            }
            List<Edge<ProgramView>> rows = jdbc.query("""
                    SELECT p.* FROM unnest(CAST(ARRAY[:ids] AS uuid[])) AS parent(id)
                    CROSS JOIN LATERAL (
                        SELECT %s, lower(v.name) AS sort_name FROM program_view v
                        WHERE v.portfolio_id = parent.id %s
                        ORDER BY lower(v.name), v.id LIMIT :limit) p
                    """.formatted(COLUMNS, after), params, (rs, n) -> {
                        ProgramView view = view(rs, n);
                        return new Edge<>(new NameKey(rs.getString("sort_name"), view.id().value()).toCursor(LISTING),
                                          view);
                    });
            Map<PortfolioId, List<Edge<ProgramView>>> byPortfolio =
                    rows.stream().collect(Collectors.groupingBy(e -> e.node().portfolioId()));
            for (PortfolioProgramsKey key : sameRequest) {
                pages.put(key, Connection.of(byPortfolio.getOrDefault(key.portfolioId(), List.of()), page.first()));
            }
        });
        return pages;
    }

    /**
     * Inserts or replaces the rows, each with the sequence number of the newest event of its
     * aggregate it reflects, unless the row already reflects that or a later event: a redelivered
     * event never moves a view backwards. One batched statement for all.
     */
    public void saveAll(Map<ProgramView, Long> views) {
        if (views.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(SAVE, views.entrySet().stream().map(e -> params(e.getKey(), e.getValue()))
                .toArray(SqlParameterSource[]::new));
    }

    private static MapSqlParameterSource params(ProgramView view, long sequenceNumber) {
        return new MapSqlParameterSource()
                .addValue("id", view.id().value())
                .addValue("portfolioId", view.portfolioId().value())
                .addValue("name", view.name())
                .addValue("manager", view.manager())
                .addValue("objectives", view.objectives().toArray(String[]::new))
                .addValue("status", view.status().name())
                .addValue("createdAt", OffsetDateTime.ofInstant(view.createdAt(), ZoneOffset.UTC))
                .addValue("updatedAt", OffsetDateTime.ofInstant(view.updatedAt(), ZoneOffset.UTC))
                .addValue("sequence", sequenceNumber);
    }

    public void deleteAll() {
        jdbc.getJdbcTemplate().execute("TRUNCATE program_view");
    }

    private static ProgramView view(ResultSet rs, int rowNum) throws SQLException {
        return new ProgramView(
                new ProgramId(rs.getObject("id", UUID.class)),
                new PortfolioId(rs.getObject("portfolio_id", UUID.class)),
                rs.getString("name"),
                rs.getString("manager"),
                texts(rs.getArray("objectives")),
                ProgramStatus.valueOf(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
