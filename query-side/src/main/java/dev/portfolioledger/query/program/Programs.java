package dev.portfolioledger.query.program;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.program.ProgramStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The program_view table. */
@Repository
public class Programs {

    private static final String COLUMNS =
            "id, portfolio_id, name, manager, objectives, status, created_at, updated_at";

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

    /** The programs of each portfolio, by name case-insensitively; every requested portfolio has an entry. */
    public Map<PortfolioId, List<ProgramView>> findByPortfolios(Collection<PortfolioId> portfolioIds) {
        if (portfolioIds.isEmpty()) {
            return Map.of();
        }
        List<ProgramView> programs = jdbc.query(
                "SELECT " + COLUMNS + " FROM program_view WHERE portfolio_id IN (:ids) ORDER BY lower(name), id",
                Map.of("ids", portfolioIds.stream().map(PortfolioId::value).distinct().toList()),
                Programs::view);
        Map<PortfolioId, List<ProgramView>> byPortfolio =
                programs.stream().collect(Collectors.groupingBy(ProgramView::portfolioId));
        return portfolioIds.stream().distinct().collect(Collectors.toMap(
                Function.identity(), id -> byPortfolio.getOrDefault(id, List.of())));
    }

    /**
     * Inserts or replaces the row, unless it already reflects this or a later event of the
     * program: a redelivered event can then never move the view backwards.
     */
    public void save(ProgramView view, long sequenceNumber) {
        jdbc.update("""
                INSERT INTO program_view (id, portfolio_id, name, manager, objectives, status, created_at,
                                          updated_at, last_sequence)
                VALUES (:id, :portfolioId, :name, :manager, :objectives, :status, :createdAt, :updatedAt,
                        :sequence)
                ON CONFLICT (id) DO UPDATE SET
                    portfolio_id = EXCLUDED.portfolio_id, name = EXCLUDED.name, manager = EXCLUDED.manager,
                    objectives = EXCLUDED.objectives, status = EXCLUDED.status, created_at = EXCLUDED.created_at,
                    updated_at = EXCLUDED.updated_at, last_sequence = EXCLUDED.last_sequence
                WHERE program_view.last_sequence < EXCLUDED.last_sequence
                """, new MapSqlParameterSource()
                .addValue("id", view.id().value())
                .addValue("portfolioId", view.portfolioId().value())
                .addValue("name", view.name())
                .addValue("manager", view.manager())
                .addValue("objectives", view.objectives().toArray(String[]::new))
                .addValue("status", view.status().name())
                .addValue("createdAt", OffsetDateTime.ofInstant(view.createdAt(), ZoneOffset.UTC))
                .addValue("updatedAt", OffsetDateTime.ofInstant(view.updatedAt(), ZoneOffset.UTC))
                .addValue("sequence", sequenceNumber));
    }

    public void deleteAll() {
        jdbc.getJdbcTemplate().update("DELETE FROM program_view");
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
