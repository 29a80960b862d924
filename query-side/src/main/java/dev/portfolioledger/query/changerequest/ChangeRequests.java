package dev.portfolioledger.query.changerequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ChangeRequestStatus;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.query.paging.PageRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * change_request_view and baseline_version_view. Proposed changes and version 1's plan are stored
 * as JSON written with the Axon object mapper, the same mapping the events themselves use.
 */
@Repository
public class ChangeRequests {

    private static final TypeReference<List<ProposedChange>> CHANGES = new TypeReference<>() {
    };

    private static final String COLUMNS = "project_id, change_request_id, position, title, justification, "
            + "changes, status, submitted_by, submitted_at, cost_impact, cost_currency, schedule_impact_days, "
            + "risk_notes, assessed_by, assessed_at, decided_by, decided_at, rejection_reason, baseline_version, "
            + "closure_reason";

    private static final String SAVE = """
                INSERT INTO change_request_view (project_id, change_request_id, position, title, justification,
                        changes, status, submitted_by, submitted_at, cost_impact, cost_currency,
                        schedule_impact_days, risk_notes, assessed_by, assessed_at, decided_by, decided_at,
                        rejection_reason, baseline_version, closure_reason, last_sequence)
                VALUES (:projectId, :id, :position, :title, :justification, CAST(:changes AS jsonb), :status,
                        :submittedBy, :submittedAt, :costImpact, :costCurrency, :scheduleImpactDays, :riskNotes,
                        :assessedBy, :assessedAt, :decidedBy, :decidedAt, :rejectionReason, :baselineVersion,
                        :closureReason, :sequence)
                ON CONFLICT (project_id, change_request_id) DO UPDATE SET
                    position = EXCLUDED.position, title = EXCLUDED.title, justification = EXCLUDED.justification,
                    changes = EXCLUDED.changes, status = EXCLUDED.status, submitted_by = EXCLUDED.submitted_by,
                    submitted_at = EXCLUDED.submitted_at, cost_impact = EXCLUDED.cost_impact,
                    cost_currency = EXCLUDED.cost_currency, schedule_impact_days = EXCLUDED.schedule_impact_days,
                    risk_notes = EXCLUDED.risk_notes, assessed_by = EXCLUDED.assessed_by,
                    assessed_at = EXCLUDED.assessed_at, decided_by = EXCLUDED.decided_by,
                    decided_at = EXCLUDED.decided_at, rejection_reason = EXCLUDED.rejection_reason,
                    baseline_version = EXCLUDED.baseline_version, closure_reason = EXCLUDED.closure_reason,
                    last_sequence = EXCLUDED.last_sequence
                WHERE change_request_view.last_sequence < EXCLUDED.last_sequence
                """;

    private static final String SAVE_VERSION = """
                INSERT INTO baseline_version_view (project_id, version, change_request_id, established_at, changes,
                                                   established)
                VALUES (:projectId, :version, :changeRequestId, :establishedAt, CAST(:changes AS jsonb),
                        CAST(:established AS jsonb))
                ON CONFLICT (project_id, version) DO NOTHING
                """;

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public ChangeRequests(NamedParameterJdbcTemplate jdbc,
                          @Qualifier("defaultAxonObjectMapper") ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /**
     * Inserts or replaces the requests, each with the sequence number of the newest event it
     * reflects, unless its row already reflects that or a later event: a redelivered event never
     * moves a request backwards. One batched statement for all.
     */
    public void saveAll(Map<ChangeRequestView, Long> views) {
        if (views.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(SAVE, views.entrySet().stream().map(e -> params(e.getKey(), e.getValue()))
                .toArray(SqlParameterSource[]::new));
    }

    private MapSqlParameterSource params(ChangeRequestView v, long sequenceNumber) {
        ChangeRequestAssessment a = v.assessment();
        return new MapSqlParameterSource()
                .addValue("projectId", v.projectId().value())
                .addValue("id", v.changeRequestId().value())
                .addValue("position", v.position())
                .addValue("title", v.title())
                .addValue("justification", v.justification())
                .addValue("changes", json(v.changes()))
                .addValue("status", v.status().name())
                .addValue("submittedBy", v.submittedBy())
                .addValue("submittedAt", timestamp(v.submittedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("costImpact", a == null ? null : a.costImpact().amount(), Types.NUMERIC)
                .addValue("costCurrency", a == null ? null : a.costImpact().currency().getCurrencyCode(),
                          Types.CHAR)
                .addValue("scheduleImpactDays", a == null ? null : a.scheduleImpactDays(), Types.INTEGER)
                .addValue("riskNotes", a == null ? null : a.riskNotes(), Types.VARCHAR)
                .addValue("assessedBy", a == null ? null : a.assessedBy(), Types.VARCHAR)
                .addValue("assessedAt", a == null ? null : timestamp(a.assessedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("decidedBy", v.decidedBy(), Types.VARCHAR)
                .addValue("decidedAt", timestamp(v.decidedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("rejectionReason", v.rejectionReason(), Types.VARCHAR)
                .addValue("baselineVersion", v.baselineVersion(), Types.INTEGER)
                .addValue("closureReason", v.closureReason(), Types.VARCHAR)
                .addValue("sequence", sequenceNumber);
    }

    /** How many change requests of each project are pending (SUBMITTED or ASSESSED) now; projects with none are absent. */
    public Map<ProjectId, Integer> pendingOf(Collection<ProjectId> projectIds) {
        Map<ProjectId, Integer> pending = new HashMap<>();
        if (projectIds.isEmpty()) {
            return pending;
        }
        jdbc.query("SELECT project_id, count(*) AS n FROM change_request_view WHERE project_id = ANY(:ids)"
                           + " AND status IN ('SUBMITTED', 'ASSESSED') GROUP BY project_id",
                   new MapSqlParameterSource("ids", projectIds.stream().map(ProjectId::value).toArray(UUID[]::new)),
                   rs -> {
                       pending.put(new ProjectId(rs.getObject("project_id", UUID.class)), rs.getInt("n"));
                   });
        return pending;
    }

    /** One project's page of its requests, as Project.changeRequests asks for it. */
    public record ProjectPageKey(ProjectId projectId, ChangeRequestStatus status, PageRequest<Long> page) {
    }

    /**
     * Pages of the projects' requests, newest submitted first, optionally only those in one status;
     * the key of a page is the position ({@code page.after()} the position of the last row seen).
     * One query per distinct (status, page) request, a lateral join running the keyset query per
     * project inside the database. Every key gets an entry.
     */
    public Map<ProjectPageKey, List<ChangeRequestView>> pagesOf(Collection<ProjectPageKey> keys) {
        Map<ProjectPageKey, List<ChangeRequestView>> pages = new HashMap<>();
        record SameRequest(ChangeRequestStatus status, PageRequest<Long> page) {
        }
        Map<SameRequest, List<ProjectPageKey>> byRequest = new HashMap<>();
        for (ProjectPageKey key : keys) {
            byRequest.computeIfAbsent(new SameRequest(key.status(), key.page()), k -> new ArrayList<>()).add(key);
        }
        byRequest.values().forEach(sameRequest -> {
            ProjectPageKey first = sameRequest.get(0);
            MapSqlParameterSource params = new MapSqlParameterSource()
                    .addValue("ids", sameRequest.stream().map(k -> k.projectId().value()).distinct().toList())
                    .addValue("status", first.status() == null ? null : first.status().name(), Types.VARCHAR)
                    .addValue("after", first.page().after(), Types.BIGINT)
                    .addValue("limit", first.page().fetchSize());
            Map<ProjectId, List<ChangeRequestView>> byProject = new HashMap<>();
            jdbc.query("""
                    SELECT r.* FROM unnest(CAST(ARRAY[:ids] AS uuid[])) AS parent(id)
                    CROSS JOIN LATERAL (
                        SELECT %s FROM change_request_view v
                        WHERE v.project_id = parent.id %s %s
                        ORDER BY v.position DESC LIMIT :limit) r
                    """.formatted(COLUMNS, first.status() == null ? "" : "AND v.status = :status",
                                  first.page().after() == null ? "" : "AND v.position < :after"), params, rs -> {
                ChangeRequestView view = view(rs);
                byProject.computeIfAbsent(view.projectId(), k -> new ArrayList<>()).add(view);
            });
            for (ProjectPageKey key : sameRequest) {
                pages.put(key, byProject.getOrDefault(key.projectId(), List.of()));
            }
        });
        return pages;
    }

    /** Where the cross-project listing resumes: the last row seen, newest submitted first. */
    public record InboxKey(Instant submittedAt, UUID changeRequestId) {
    }

    /**
     * Change requests across projects, newest submitted first ({@code submitted_at}, then id), with
     * the filter's status, portfolio and program: one keyset query.
     */
    public List<ChangeRequestView> inbox(ChangeRequestFilter filter, PageRequest<InboxKey> page) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", page.fetchSize());
        List<String> conditions = filter.conditions("project_id", params);
        if (page.after() != null) {
            conditions.add("(submitted_at, change_request_id) < (:afterAt, :afterId)");
            params.addValue("afterAt", timestamp(page.after().submittedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                    .addValue("afterId", page.after().changeRequestId());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return jdbc.query("SELECT " + COLUMNS + " FROM change_request_view" + where
                                  + " ORDER BY submitted_at DESC, change_request_id DESC LIMIT :limit",
                          params, (rs, n) -> view(rs));
    }

    /** The project's baseline versions, oldest first. */
    public List<BaselineVersion> versions(ProjectId projectId) {
        return jdbc.query("SELECT project_id, version, change_request_id, established_at, changes, established "
                                  + "FROM baseline_version_view WHERE project_id = :projectId ORDER BY version",
                          Map.of("projectId", projectId.value()), (rs, n) -> new BaselineVersion(
                        new ProjectId(rs.getObject("project_id", UUID.class)),
                        rs.getInt("version"),
                        Optional.ofNullable(rs.getObject("change_request_id", UUID.class))
                                .map(ChangeRequestId::new).orElse(null),
                        instant(rs, "established_at"),
                        read(rs.getString("changes"), CHANGES),
                        rs.getString("established") == null ? null
                                : read(rs.getString("established"), new TypeReference<
                                        BaselineVersion.EstablishedPlan>() {
                                })));
    }

    /** The project's change requests by id; for the versions of its scope history. */
    public Map<ChangeRequestId, ChangeRequestView> byId(ProjectId projectId) {
        Map<ChangeRequestId, ChangeRequestView> found = new HashMap<>();
        jdbc.query("SELECT " + COLUMNS + " FROM change_request_view WHERE project_id = :projectId",
                   Map.of("projectId", projectId.value()), (rs, n) -> view(rs))
                .forEach(v -> found.put(v.changeRequestId(), v));
        return found;
    }

    /** Stores baseline versions; a version already stored is left as it is (versions never change). */
    public void saveVersions(List<BaselineVersion> versions) {
        if (versions.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(SAVE_VERSION, versions.stream().map(this::params).toArray(SqlParameterSource[]::new));
    }

    private MapSqlParameterSource params(BaselineVersion v) {
        return new MapSqlParameterSource()
                .addValue("projectId", v.projectId().value())
                .addValue("version", v.version())
                .addValue("changeRequestId", v.changeRequestId() == null ? null : v.changeRequestId().value(),
                          Types.OTHER)
                .addValue("establishedAt", timestamp(v.establishedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("changes", json(v.changes()))
                .addValue("established", v.established() == null ? null : json(v.established()), Types.VARCHAR);
    }

    /** Every change request of the projects, by project. */
    public Map<ProjectId, List<ChangeRequestView>> ofProjects(Collection<ProjectId> projectIds) {
        Map<ProjectId, List<ChangeRequestView>> found = new HashMap<>();
        if (projectIds.isEmpty()) {
            return found;
        }
        jdbc.query("SELECT " + COLUMNS + " FROM change_request_view WHERE project_id IN (:ids)",
                   Map.of("ids", projectIds.stream().map(ProjectId::value).distinct().toList()), (rs, n) -> view(rs))
                .forEach(v -> found.computeIfAbsent(v.projectId(), id -> new ArrayList<>()).add(v));
        return found;
    }

    public void deleteAll() {
        jdbc.getJdbcTemplate().execute("TRUNCATE change_request_view");
        jdbc.getJdbcTemplate().execute("TRUNCATE baseline_version_view");
    }

    private ChangeRequestView view(ResultSet rs) throws SQLException {
        BigDecimal cost = rs.getBigDecimal("cost_impact");
        ChangeRequestAssessment assessment = cost == null ? null : new ChangeRequestAssessment(
                new Money(cost, Currency.getInstance(rs.getString("cost_currency").trim())),
                rs.getInt("schedule_impact_days"),
                rs.getString("risk_notes"),
                rs.getString("assessed_by"),
                instant(rs, "assessed_at"));
        return new ChangeRequestView(
                new ProjectId(rs.getObject("project_id", UUID.class)),
                new ChangeRequestId(rs.getObject("change_request_id", UUID.class)),
                rs.getLong("position"),
                rs.getString("title"),
                rs.getString("justification"),
                read(rs.getString("changes"), CHANGES),
                ChangeRequestStatus.valueOf(rs.getString("status")),
                rs.getString("submitted_by"),
                instant(rs, "submitted_at"),
                assessment,
                rs.getString("decided_by"),
                instant(rs, "decided_at"),
                rs.getString("rejection_reason"),
                rs.getObject("baseline_version", Integer.class),
                rs.getString("closure_reason"));
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read stored " + type.getType().getTypeName(), e);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
