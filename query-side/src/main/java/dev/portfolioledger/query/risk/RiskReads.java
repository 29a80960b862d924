package dev.portfolioledger.query.risk;

import dev.portfolioledger.query.instant.RecordInstant;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the risk rows at a record time {@code atNs}: the versions with {@code from_ns <= atNs <
 * to_ns}. Live reads pass {@link RecordInstant#LIVE}, so live and as of are the same statements on the same
 * indexes (migration {@code V2026120401__risk_views.sql}).
 */
@Repository
public class RiskReads {


    static final String COLUMNS = "risk_id, project_id, portfolio_id, title, description, category, probability, "
            + "impact, owner, response, response_plan, review_date, status, identified_ns, identified_by, "
            + "status_changed_ns, closure_reason, impact_note, change_request_id";
    private static final String VALID = "from_ns <= :t AND to_ns > :t";
    private static final String OPEN_STATUS = "status IN ('OPEN', 'MITIGATING')";

    private final NamedParameterJdbcTemplate jdbc;

    public RiskReads(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a project's register page ends: the identification instant and id of its last risk. */
    public record ProjectKey(long identifiedNs, UUID riskId) {
    }

    /** Where a past-review page ends. */
    public record ReviewKey(LocalDate reviewDate, long identifiedNs, UUID riskId) {
    }

    /** One heatmap cell: how many open risks have this probability and impact. */
    public record Cell(int probability, int impact) {
    }

    /** A project's risks at t in the order identified, after {@code after}, of one status when given. */
    public List<RiskView> ofProject(UUID projectId, String status, long atNs, ProjectKey after, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("projectId", projectId).addValue("t", atNs)
                .addValue("status", status).addValue("limit", limit);
        String keyset = "";
        if (after != null) {
            keyset = " AND (identified_ns, risk_id) > (:afterNs, :afterId)";
            params.addValue("afterNs", after.identifiedNs()).addValue("afterId", after.riskId());
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM risk_version WHERE project_id = :projectId AND " + VALID
                                  + (status == null ? "" : " AND status = :status") + keyset
                                  + " ORDER BY identified_ns, risk_id LIMIT :limit",
                          params, (rs, i) -> view(rs));
    }

    /** One risk of a project at t, or null when it did not exist then. */
    public RiskView find(UUID projectId, UUID riskId, long atNs) {
        List<RiskView> found = jdbc.query("SELECT " + COLUMNS + " FROM risk_version WHERE risk_id = :riskId AND "
                                                  + "project_id = :projectId AND " + VALID,
                                          new MapSqlParameterSource("riskId", riskId).addValue("projectId", projectId)
                                                  .addValue("t", atNs), (rs, i) -> view(rs));
        return found.isEmpty() ? null : found.get(0);
    }

    /** The counts of open risks of the portfolio at t by probability and impact (cells without any are absent). */
    public Map<Cell, Integer> heatmap(UUID portfolioId, long atNs) {
        Map<Cell, Integer> counts = new HashMap<>();
        jdbc.query("SELECT probability, impact, count(*) FROM risk_version WHERE portfolio_id = :portfolioId AND "
                           + OPEN_STATUS + " AND " + VALID + " GROUP BY probability, impact",
                   new MapSqlParameterSource("portfolioId", portfolioId).addValue("t", atNs),
                   rs -> {
                       counts.put(new Cell(rs.getInt(1), rs.getInt(2)), rs.getInt(3));
                   });
        return counts;
    }

    /** For each of the cells, the first {@code first} of its open risks at t in ranking order (one query). */
    public Map<Cell, List<RiskView>> cellRisks(UUID portfolioId, long atNs, Collection<Cell> cells, int first) {
        Map<Cell, List<RiskView>> found = new LinkedHashMap<>();
        cells.forEach(cell -> found.put(cell, new ArrayList<>()));
        if (cells.isEmpty()) {
            return found;
        }
        Integer[] keys = cells.stream().map(c -> c.probability() * 10 + c.impact()).distinct().toArray(Integer[]::new);
        jdbc.query("SELECT * FROM (SELECT " + COLUMNS + ", row_number() OVER (PARTITION BY probability, impact "
                           + "ORDER BY identified_ns, risk_id) AS n FROM risk_version WHERE portfolio_id = :portfolioId"
                           + " AND " + OPEN_STATUS + " AND " + VALID + " AND probability * 10 + impact = ANY(:cells))"
                           + " ranked WHERE n <= :first ORDER BY probability, impact, n",
                   new MapSqlParameterSource("portfolioId", portfolioId).addValue("t", atNs).addValue("cells", keys)
                           .addValue("first", first),
                   rs -> {
                       RiskView view = view(rs);
                       List<RiskView> list = found.get(new Cell(view.probability(), view.impact()));
                       if (list != null) {
                           list.add(view);
                       }
                   });
        return found;
    }

    /**
     * The portfolio's open risks at t with the highest exposure, at most {@code limit}: exposure
     * descending, then impact descending, then the earliest identified, then by id.
     */
    public List<RiskView> top(UUID portfolioId, long atNs, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM risk_version WHERE portfolio_id = :portfolioId AND "
                                  + OPEN_STATUS + " AND " + VALID
                                  + " ORDER BY exposure DESC, impact DESC, identified_ns, risk_id LIMIT :limit",
                          new MapSqlParameterSource("portfolioId", portfolioId).addValue("t", atNs)
                                  .addValue("limit", limit), (rs, i) -> view(rs));
    }

    /** The portfolio's open risks at t whose review date is before {@code day}, the oldest review first. */
    public List<RiskView> pastReview(UUID portfolioId, long atNs, LocalDate day, ReviewKey after, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("portfolioId", portfolioId).addValue("t", atNs)
                .addValue("day", day).addValue("limit", limit);
        String keyset = "";
        if (after != null) {
            keyset = " AND (review_date, identified_ns, risk_id) > (:afterDate, :afterNs, :afterId)";
            params.addValue("afterDate", after.reviewDate()).addValue("afterNs", after.identifiedNs())
                    .addValue("afterId", after.riskId());
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM risk_version WHERE portfolio_id = :portfolioId AND "
                                  + OPEN_STATUS + " AND " + VALID + " AND review_date < :day" + keyset
                                  + " ORDER BY review_date, identified_ns, risk_id LIMIT :limit",
                          params, (rs, i) -> view(rs));
    }

    /** The history of each risk recorded up to t, oldest first, at most {@code first} entries each (one query). */
    public Map<UUID, List<RiskChange>> history(Collection<UUID> riskIds, long atNs, int first) {
        Map<UUID, List<RiskChange>> found = new HashMap<>();
        if (riskIds.isEmpty()) {
            return found;
        }
        jdbc.query("SELECT * FROM (SELECT risk_id, kind, recorded_ns, actor, status, previous_probability, "
                           + "previous_impact, probability, impact, reason, row_number() OVER (PARTITION BY risk_id "
                           + "ORDER BY sequence) AS n FROM risk_history_view WHERE risk_id = ANY(:ids) "
                           + "AND recorded_ns <= :t) h WHERE n <= :first ORDER BY risk_id, n",
                   new MapSqlParameterSource("ids", riskIds.toArray(UUID[]::new)).addValue("t", atNs)
                           .addValue("first", first),
                   rs -> {
                       found.computeIfAbsent(rs.getObject("risk_id", UUID.class), k -> new ArrayList<>())
                               .add(new RiskChange(rs.getString("kind"), instant(rs.getLong("recorded_ns")),
                                                   rs.getString("actor"), rs.getString("status"),
                                                   rs.getObject("previous_probability", Integer.class),
                                                   rs.getObject("previous_impact", Integer.class),
                                                   rs.getInt("probability"), rs.getInt("impact"),
                                                   rs.getString("reason")));
                   });
        return found;
    }

    static RiskView view(ResultSet rs) throws SQLException {
        return new RiskView(rs.getObject("risk_id", UUID.class), rs.getObject("project_id", UUID.class),
                            rs.getObject("portfolio_id", UUID.class), rs.getString("title"),
                            rs.getString("description"), rs.getString("category"), rs.getInt("probability"),
                            rs.getInt("impact"), rs.getString("owner"), rs.getString("response"),
                            rs.getString("response_plan"), rs.getObject("review_date", LocalDate.class),
                            rs.getString("status"), instant(rs.getLong("identified_ns")),
                            rs.getString("identified_by"), instant(rs.getLong("status_changed_ns")),
                            rs.getString("closure_reason"), rs.getString("impact_note"),
                            rs.getObject("change_request_id", UUID.class));
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
