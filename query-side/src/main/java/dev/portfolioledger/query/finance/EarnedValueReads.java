package dev.portfolioledger.query.finance;

import dev.portfolioledger.query.instant.RecordInstant;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.ProjectStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The earned-value reads: every one is "the figures of day d as known at record time t" over the
 * finance rows ({@link FinanceRows}), with {@link #LIVE} for t in live reads, so live and as-of
 * reads run the same statements at the same cost.
 *
 * <p>A roll-up is one SQL statement whatever the number of projects: the versions valid at t
 * (projects of the scope, their deliverables), the progress report that counts for d (a filter,
 * see the migration), and sums of expenses and labour incurred by d, grouped by project; the
 * deliverable arithmetic in it is {@link EarnedValue}'s, operation for operation (share rounded
 * half up to 10 decimals, then exact products and sums), so Java and SQL agree to the last digit.
 * Ratios are derived in Java from the sums ({@link EarnedValueFigures}).
 */
@Repository
public class EarnedValueReads {

    /** The record time of a live read: after every version's start, before the end of the current ones. */
    public static final long LIVE = RecordInstant.LIVE;

    /** {@link EarnedValue#elapsedShare} of the window of {@code %1$s} (a row with planned_start/finish) at {@code d.day}. */
    private static final String SHARE = """
            round(least(greatest(d.day - %1$s.planned_start + 1, 0),
                        greatest(%1$s.planned_finish - %1$s.planned_start + 1, 1))::numeric
                  / greatest(%1$s.planned_finish - %1$s.planned_start + 1, 1), 10)""";

    /** The projects of the scope valid at {@code :t}, and their deliverables valid then. {@code %s}: the scope's column. */
    private static final String PLAN = """
            p AS (SELECT project_id, program_id, name, status, bac FROM project_cost_version
                  WHERE %s = :scope AND from_ns <= :t AND to_ns > :t),
            dl AS (SELECT v.project_id, v.deliverable_id, v.planned_cost, v.planned_start, v.planned_finish
                   FROM deliverable_cost_version v JOIN p USING (project_id)
                   WHERE v.from_ns <= :t AND v.to_ns > :t)""";

    /** Expenses and reversals recorded, and labour logged and not reversed, by {@code :t}, of the projects p. */
    private static final String COSTS = """
            c AS (SELECT e.project_id, e.incurred_on AS on_date, e.amount
                  FROM cost_entry_view e JOIN p USING (project_id)
                  WHERE e.recorded_ns <= :t
                  UNION ALL
                  SELECT te.project_id, te.work_date, te.cost
                  FROM time_entry_view te JOIN p USING (project_id)
                  WHERE te.logged_ns <= :t AND (te.reversed_ns IS NULL OR te.reversed_ns > :t))""";

    /**
     * Per day of {@code :days} and project of the scope valid at {@code :t}: its listing, BAC, PV,
     * EV, AC and the AC incurred from {@code :spendFrom} on. {@code %s} is the scope's column.
     */
    private static final String FIGURES = """
            WITH d AS (SELECT unnest(CAST(:days AS date[])) AS day),
            %s,
            %s,
            value AS (SELECT d.day, dl.project_id,
                             sum(dl.planned_cost * %s) AS pv,
                             sum(dl.planned_cost * (coalesce(r.percent, 0) * 0.01)) AS ev
                      FROM d CROSS JOIN dl
                      LEFT JOIN project_execution_view r
                             ON r.kind = 'PROGRESS' AND r.project_id = dl.project_id
                            AND r.item_id = dl.deliverable_id AND r.recorded_ns <= :t AND r.on_date <= d.day
                            AND NOT (r.next_ns IS NOT NULL AND r.next_ns <= :t AND r.next_on_date <= d.day)
                      GROUP BY d.day, dl.project_id),
            spent AS (SELECT d.day, c.project_id, sum(c.amount) AS ac,
                             coalesce(sum(c.amount) FILTER (WHERE c.on_date >= :spendFrom), 0) AS recent
                      FROM d JOIN c ON c.on_date <= d.day
                      GROUP BY d.day, c.project_id)
            SELECT d.day, p.project_id, p.program_id, p.name, p.status, p.bac,
                   coalesce(value.pv, 0) AS pv, coalesce(value.ev, 0) AS ev,
                   coalesce(spent.ac, 0) AS ac, coalesce(spent.recent, 0) AS recent
            FROM d CROSS JOIN p
            LEFT JOIN value ON value.day = d.day AND value.project_id = p.project_id
            LEFT JOIN spent ON spent.day = d.day AND spent.project_id = p.project_id
            """.formatted(PLAN, COSTS, SHARE.formatted("dl"));

    /**
     * The scope's sums at each day of {@code :days}, computed so that the work grows with the rows
     * plus the days, not with their product: planned cost summed per planned window before the
     * share is applied (Σ cost × share = share × Σ cost, exactly), each progress report as a step
     * (+EV from its status date, −EV from the next report's, once that is recorded), and costs
     * summed per day; each then accumulated up to every day. Equal to {@link #FIGURES} summed, to
     * the scale: the zero EV term of every deliverable (cost × 0.00) is added as one zero.
     */
    private static final String SERIES = """
            WITH d AS (SELECT unnest(CAST(:days AS date[])) AS day),
            %s,
            %s,
            windows AS (SELECT planned_start, planned_finish, sum(planned_cost) AS cost FROM dl
                        GROUP BY planned_start, planned_finish),
            pv AS (SELECT d.day, sum(w.cost * %s) AS pv FROM d CROSS JOIN windows w GROUP BY d.day),
            steps AS (SELECT r.on_date AS on_date, dl.planned_cost * (r.percent * 0.01) AS ev
                      FROM project_execution_view r JOIN dl
                        ON r.project_id = dl.project_id AND r.item_id = dl.deliverable_id
                      WHERE r.kind = 'PROGRESS' AND r.recorded_ns <= :t
                      UNION ALL
                      SELECT r.next_on_date, -(dl.planned_cost * (r.percent * 0.01))
                      FROM project_execution_view r JOIN dl
                        ON r.project_id = dl.project_id AND r.item_id = dl.deliverable_id
                      WHERE r.kind = 'PROGRESS' AND r.recorded_ns <= :t AND r.next_ns <= :t),
            ev_days AS (SELECT on_date, sum(ev) AS ev FROM steps GROUP BY on_date),
            ev AS (SELECT d.day, sum(x.ev) AS ev FROM d JOIN ev_days x ON x.on_date <= d.day GROUP BY d.day),
            cost_days AS (SELECT on_date, sum(amount) AS amount FROM c GROUP BY on_date),
            ac AS (SELECT d.day, sum(x.amount) AS ac FROM d JOIN cost_days x ON x.on_date <= d.day GROUP BY d.day)
            SELECT d.day, (SELECT coalesce(sum(bac), 0) FROM p) AS bac, coalesce(pv.pv, 0) AS pv,
                   coalesce(ev.ev, 0) + (SELECT coalesce(sum(planned_cost * 0.00), 0) FROM dl) AS ev,
                   coalesce(ac.ac, 0) AS ac
            FROM d LEFT JOIN pv USING (day) LEFT JOIN ev USING (day) LEFT JOIN ac USING (day)
            """.formatted(PLAN, COSTS, SHARE.formatted("w"));

    /** Rows a roll-up fetches at a time: inside a transaction the driver then reads them through a cursor. */
    static final int FETCH_SIZE = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate cursor;

    public EarnedValueReads(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        fetching.setFetchSize(FETCH_SIZE);
        this.cursor = new NamedParameterJdbcTemplate(fetching);
    }

    /** The portfolio's scope; empty for an unknown portfolio. */
    public Optional<EarnedValueScope> portfolio(UUID portfolioId) {
        return scope(EarnedValueScope.Level.PORTFOLIO, portfolioId, "SELECT currency FROM portfolio_view WHERE id = :id");
    }

    /** The program's scope; empty for an unknown program. */
    public Optional<EarnedValueScope> program(UUID programId) {
        return scope(EarnedValueScope.Level.PROGRAM, programId, """
                SELECT f.currency FROM program_view g JOIN portfolio_view f ON f.id = g.portfolio_id WHERE g.id = :id""");
    }

    /** The project's scope; empty for an unknown project. */
    public Optional<EarnedValueScope> project(UUID projectId) {
        return scope(EarnedValueScope.Level.PROJECT, projectId, """
                SELECT f.currency FROM project_view p JOIN portfolio_view f ON f.id = p.portfolio_id WHERE p.id = :id""");
    }

    private Optional<EarnedValueScope> scope(EarnedValueScope.Level level, UUID id, String sql) {
        List<String> found = jdbc.queryForList(sql, new MapSqlParameterSource("id", id), String.class);
        return found.stream().findFirst().map(c -> new EarnedValueScope(level, id, Currency.getInstance(c.trim())));
    }

    /**
     * Each project of the scope valid at {@code atNs}, with its figures of day {@code at} and its
     * AC incurred from {@code spendFrom} to {@code at}, handed over as the rows arrive (ordered by
     * name, then id). Called in a transaction, the rows are fetched {@value #FETCH_SIZE} at a time
     * through a cursor, so nothing but the current chunk is held in memory.
     */
    public void eachProject(EarnedValueScope scope, LocalDate at, long atNs, LocalDate spendFrom,
                            Consumer<ProjectFigures> each) {
        cursor.query(FIGURES.formatted(scope.level().column) + " ORDER BY lower(p.name), p.project_id",
                   parameters(scope, List.of(at), atNs).addValue("spendFrom", spendFrom), rs -> {
                       each.accept(new ProjectFigures(
                               rs.getObject("project_id", UUID.class), rs.getString("name"),
                               rs.getObject("program_id", UUID.class), ProjectStatus.valueOf(rs.getString("status")),
                               figures(scope, at, rs), new Amount(rs.getBigDecimal("recent"), scope.currency())));
                   });
    }

    /**
     * The roll-up of the scope's projects at each day (PV, EV, AC, BAC summed, ratios from the
     * sums), by day: one statement, {@link #FIGURES} summed for one day, {@link #SERIES} for several.
     */
    public Map<LocalDate, EarnedValueFigures> totals(EarnedValueScope scope, List<LocalDate> days, long atNs) {
        Map<LocalDate, EarnedValueFigures> totals = new LinkedHashMap<>();
        days.stream().sorted().forEach(day -> totals.put(day, EarnedValueFigures.zero(day, scope.currency())));
        if (days.isEmpty()) {
            return totals;
        }
        // one day: the per-project statement summed (measured cheaper for one day); several: SERIES
        jdbc.query(days.size() == 1
                           ? "SELECT day, sum(bac) AS bac, sum(pv) AS pv, sum(ev) AS ev, sum(ac) AS ac FROM ("
                                   + FIGURES.formatted(scope.level().column) + ") f GROUP BY day"
                           : SERIES.formatted(scope.level().column),
                   parameters(scope, days, atNs).addValue("spendFrom", days.get(0)),
                   rs -> {
                       LocalDate day = rs.getDate("day").toLocalDate();
                       totals.put(day, figures(scope, day, rs));
                   });
        return totals;
    }

    /**
     * One project's deliverables valid at {@code atNs} with their PV and EV of day {@code at}
     * ({@link EarnedValue}), the progress report that counts for that day, and the latest
     * forecast finish known at {@code atNs}; in planned start order, then id.
     */
    public List<DeliverableFigures> deliverables(EarnedValueScope project, LocalDate at, long atNs) {
        return jdbc.query("""
                SELECT v.deliverable_id, v.name, v.planned_cost, v.planned_start, v.planned_finish,
                       r.percent, r.on_date AS reported_on,
                       (SELECT f.on_date FROM project_execution_view f
                        WHERE f.kind = 'FORECAST' AND f.item_id = v.deliverable_id AND f.project_id = v.project_id
                          AND f.recorded_ns <= :t ORDER BY f.recorded_ns DESC, f.sequence DESC LIMIT 1) AS expected
                FROM deliverable_cost_version v
                LEFT JOIN project_execution_view r
                       ON r.kind = 'PROGRESS' AND r.project_id = v.project_id AND r.item_id = v.deliverable_id
                      AND r.recorded_ns <= :t AND r.on_date <= :at
                      AND NOT (r.next_ns IS NOT NULL AND r.next_ns <= :t AND r.next_on_date <= :at)
                WHERE v.project_id = :scope AND v.from_ns <= :t AND v.to_ns > :t
                ORDER BY v.planned_start, v.deliverable_id
                """, new MapSqlParameterSource("scope", project.id()).addValue("t", atNs).addValue("at", at),
                          (rs, n) -> {
                              BigDecimal cost = rs.getBigDecimal("planned_cost");
                              LocalDate start = rs.getDate("planned_start").toLocalDate();
                              LocalDate finish = rs.getDate("planned_finish").toLocalDate();
                              Integer percent = (Integer) rs.getObject("percent");
                              EarnedValueFigures figures = new EarnedValueFigures(
                                      at, project.currency(), cost, EarnedValue.plannedValue(cost, start, finish, at),
                                      EarnedValue.earnedValue(cost, percent == null ? 0 : percent), null);
                              return new DeliverableFigures(rs.getObject("deliverable_id", UUID.class),
                                                            rs.getString("name"), figures,
                                                            percent == null ? 0 : percent,
                                                            date(rs, "reported_on"), date(rs, "expected"));
                          });
    }

    /**
     * The latest progress of each deliverable known at {@code atNs} (whatever its status date),
     * its latest forecast finish, and each milestone's completion, by item id.
     */
    public Map<UUID, Execution> executions(List<UUID> itemIds, long atNs) {
        Map<UUID, Execution> found = new LinkedHashMap<>();
        if (itemIds.isEmpty()) {
            return found;
        }
        jdbc.query("""
                SELECT DISTINCT ON (item_id, kind) item_id, kind, percent, on_date FROM project_execution_view
                WHERE item_id = ANY(:ids) AND recorded_ns <= :t
                ORDER BY item_id, kind, recorded_ns DESC, sequence DESC
                """, new MapSqlParameterSource("ids", itemIds.toArray(UUID[]::new)).addValue("t", atNs), rs -> {
                    UUID item = rs.getObject("item_id", UUID.class);
                    Execution before = found.getOrDefault(item, Execution.NONE);
                    LocalDate on = rs.getDate("on_date").toLocalDate();
                    found.put(item, switch (rs.getString("kind")) {
                        case "PROGRESS" -> new Execution(rs.getInt("percent"), on, before.expectedFinish(),
                                                         before.completedOn());
                        case "FORECAST" -> new Execution(before.percentComplete(), before.reportedOn(), on,
                                                         before.completedOn());
                        default -> new Execution(before.percentComplete(), before.reportedOn(),
                                                 before.expectedFinish(), on);
                    });
                });
        return found;
    }

    /** A project's AC incurred by day {@code at} as known at {@code atNs}: expenses minus reversals, plus labour. */
    public BigDecimal actualCost(UUID projectId, LocalDate at, long atNs) {
        return jdbc.queryForObject("""
                SELECT coalesce((SELECT sum(amount) FROM cost_entry_view
                                 WHERE project_id = :id AND incurred_on <= :at AND recorded_ns <= :t), 0)
                     + coalesce((SELECT sum(cost) FROM time_entry_view
                                 WHERE project_id = :id AND work_date <= :at AND logged_ns <= :t
                                   AND (reversed_ns IS NULL OR reversed_ns > :t)), 0)
                """, new MapSqlParameterSource("id", projectId).addValue("at", at).addValue("t", atNs),
                                   BigDecimal.class);
    }

    /**
     * A page of a project's ledger as known at {@code atNs}, in record order (then entry id):
     * the entries after the cursor key, {@code limit} of them.
     */
    public List<CostEntry> costEntries(UUID projectId, Currency currency, long atNs, CostEntryKey after, int limit) {
        return jdbc.query("""
                SELECT entry_id, kind, category, incurred_on, amount, vendor, description, reason, actor,
                       reversed_entry_id, recorded_ns,
                       CASE WHEN reversed_ns <= :t THEN reversal_entry_id END AS reversal_entry_id
                FROM cost_entry_view
                WHERE project_id = :id AND recorded_ns <= :t
                  AND (recorded_ns, entry_id) > (:afterNs, :afterId)
                ORDER BY recorded_ns, entry_id LIMIT :limit
                """, new MapSqlParameterSource("id", projectId).addValue("t", atNs)
                .addValue("afterNs", after == null ? Long.MIN_VALUE : after.recordedNs())
                .addValue("afterId", after == null ? new UUID(Long.MIN_VALUE, Long.MIN_VALUE) : after.entryId())
                .addValue("limit", limit), (rs, n) -> new CostEntry(
                rs.getObject("entry_id", UUID.class), CostEntry.Kind.valueOf(rs.getString("kind")),
                CostCategory.valueOf(rs.getString("category")), rs.getDate("incurred_on").toLocalDate(),
                new Amount(rs.getBigDecimal("amount"), currency), rs.getString("vendor"),
                rs.getString("description"), rs.getString("reason"), rs.getString("actor"),
                rs.getObject("reversed_entry_id", UUID.class), rs.getObject("reversal_entry_id", UUID.class),
                instant(rs.getLong("recorded_ns"))));
    }

    private static MapSqlParameterSource parameters(EarnedValueScope scope, List<LocalDate> days, long atNs) {
        return new MapSqlParameterSource("scope", scope.id()).addValue("t", atNs)
                .addValue("days", days.stream().map(Date::valueOf).toArray(Date[]::new));
    }

    private static EarnedValueFigures figures(EarnedValueScope scope, LocalDate at, ResultSet rs)
            throws SQLException {
        return new EarnedValueFigures(at, scope.currency(), rs.getBigDecimal("bac"), rs.getBigDecimal("pv"),
                                      rs.getBigDecimal("ev"), rs.getBigDecimal("ac"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    /** Record time as the rows keep it (nanoseconds since the epoch, as {@code asof.RecordTime} writes it). */
    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** Where a ledger page starts: the last entry of the page before. */
    public record CostEntryKey(long recordedNs, UUID entryId) {
    }

    /** What was last reported of a deliverable or milestone; empty fields where nothing was. */
    public record Execution(Integer percentComplete, LocalDate reportedOn, LocalDate expectedFinish,
                            LocalDate completedOn) {
        public static final Execution NONE = new Execution(null, null, null, null);
    }
}
