package dev.portfolioledger.query.portfolio;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioStatus;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The portfolio_view table. */
@Repository
public class Portfolios {

    /** Names the portfolio list in its cursors. */
    public static final String LISTING = "portfolios";

    private static final String COLUMNS =
            "id, name, description, currency, owner, status, created_at, updated_at, lower(name) AS sort_name";

    private static final String SAVE = """
                INSERT INTO portfolio_view (id, name, description, currency, owner, status, created_at, updated_at,
                                            last_sequence)
                VALUES (:id, :name, :description, :currency, :owner, :status, :createdAt, :updatedAt, :sequence)
                ON CONFLICT (id) DO UPDATE SET
                    name = EXCLUDED.name, description = EXCLUDED.description, currency = EXCLUDED.currency,
                    owner = EXCLUDED.owner, status = EXCLUDED.status, created_at = EXCLUDED.created_at,
                    updated_at = EXCLUDED.updated_at, last_sequence = EXCLUDED.last_sequence
                WHERE portfolio_view.last_sequence < EXCLUDED.last_sequence
                """;

    private final NamedParameterJdbcTemplate jdbc;

    public Portfolios(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PortfolioView> find(PortfolioId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM portfolio_view WHERE id = :id",
                          Map.of("id", id.value()), Portfolios::view).stream().findFirst();
    }

    public Map<PortfolioId, PortfolioView> findAll(Collection<PortfolioId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM portfolio_view WHERE id IN (:ids)",
                          Map.of("ids", ids.stream().map(PortfolioId::value).distinct().toList()),
                          Portfolios::view)
                .stream().collect(Collectors.toMap(PortfolioView::id, Function.identity()));
    }

    /** Ordered by name case-insensitively, then id; a keyset query that reads one row past the page. */
    public Connection<PortfolioView> page(PageRequest<NameKey> page) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", page.fetchSize());
        String after = "";
        if (page.after() != null) {
            after = "WHERE (lower(name), id) > (:afterName, :afterId) ";
            params.addValue("afterName", page.after().sortName()).addValue("afterId", page.after().id());
        }
        List<Edge<PortfolioView>> rows = jdbc.query(
                "SELECT " + COLUMNS + " FROM portfolio_view " + after + "ORDER BY lower(name), id LIMIT :limit",
                params, edge());
        return Connection.of(rows, page.first());
    }

    /**
     * Inserts or replaces the rows, each with the sequence number of the newest event of its
     * aggregate it reflects, unless the row already reflects that or a later event: a redelivered
     * event never moves a view backwards. One batched statement for all.
     */
    public void saveAll(Map<PortfolioView, Long> views) {
        if (views.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(SAVE, views.entrySet().stream().map(e -> params(e.getKey(), e.getValue()))
                .toArray(SqlParameterSource[]::new));
    }

    private static MapSqlParameterSource params(PortfolioView view, long sequenceNumber) {
        return new MapSqlParameterSource()
                .addValue("id", view.id().value())
                .addValue("name", view.name())
                .addValue("description", view.description())
                .addValue("currency", view.currency())
                .addValue("owner", view.owner())
                .addValue("status", view.status().name())
                .addValue("createdAt", OffsetDateTime.ofInstant(view.createdAt(), ZoneOffset.UTC))
                .addValue("updatedAt", OffsetDateTime.ofInstant(view.updatedAt(), ZoneOffset.UTC))
                .addValue("sequence", sequenceNumber);
    }

    public void deleteAll() {
        jdbc.getJdbcTemplate().execute("TRUNCATE portfolio_view");
    }

    private static RowMapper<Edge<PortfolioView>> edge() {
        return (rs, n) -> {
            PortfolioView view = view(rs, n);
            return new Edge<>(new NameKey(rs.getString("sort_name"), view.id().value()).toCursor(LISTING), view);
        };
    }

    private static PortfolioView view(ResultSet rs, int rowNum) throws SQLException {
        return new PortfolioView(
                new PortfolioId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("currency"),
                rs.getString("owner"),
                PortfolioStatus.valueOf(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
