package dev.portfolioledger.query.risk;

import dev.portfolioledger.api.project.ProjectEvent;
import dev.portfolioledger.api.risk.RiskEvent;
import dev.portfolioledger.axon.audit.AuditMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the risk rows (migration {@code V2026120401__risk_views.sql}): the versions of every risk
 * and its history entries. The live projection hands it every event of a batch with the event's
 * project view ({@link Batch#apply}); the rows are written with one batched statement per table
 * when the batch commits.
 *
 * <p>Each row carries the record time of its <em>decision</em>: the first event of the command that
 * stored it (the events' causation id tells them apart), as the history and the finance rows count
 * it, so that a cancellation and the risks it closes become visible at one instant. Redelivered and
 * replayed events are skipped by the position kept per project ({@code risk_position}, from the
 * project's first risk on: a project without risks costs no write); every insert is idempotent too.
 */
@Repository
public class RiskRows {

    /** The end of a version that still holds. */
    static final long OPEN = Long.MAX_VALUE;

    private final NamedParameterJdbcTemplate jdbc;

    public RiskRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Starts a batch of these events: reads the positions of their projects and the current
     * versions of the risks they concern, one query each.
     */
    public Batch batch(List<? extends DomainEventMessage<?>> events) {
        List<UUID> projectIds = new ArrayList<>();
        List<UUID> riskIds = new ArrayList<>();
        for (DomainEventMessage<?> event : events) {
            if (event.getPayload() instanceof ProjectEvent project) {
                projectIds.add(project.projectId().value());
                if (event.getPayload() instanceof RiskEvent risk) {
                    riskIds.add(risk.riskId().value());
                }
            }
        }
        Map<UUID, Position> positions = new HashMap<>();
        Map<UUID, Stored> stored = new HashMap<>();
        if (!projectIds.isEmpty()) {
            jdbc.query("SELECT project_id, last_sequence, causation_id, decided_ns FROM risk_position "
                               + "WHERE project_id = ANY(:ids)",
                       new MapSqlParameterSource("ids", projectIds.stream().distinct().toArray(UUID[]::new)),
                       rs -> {
                           positions.put(rs.getObject(1, UUID.class),
                                         new Position(rs.getLong(2), rs.getString(3), rs.getLong(4)));
                       });
        }
        if (!riskIds.isEmpty()) {
            jdbc.query("SELECT from_ns, " + RiskReads.COLUMNS + " FROM risk_version WHERE risk_id = ANY(:ids) AND to_ns = "
                               + OPEN, new MapSqlParameterSource("ids", riskIds.stream().distinct().toArray(UUID[]::new)),
                       rs -> {
                           RiskView view = RiskReads.view(rs);
                           stored.put(view.riskId(), new Stored(rs.getLong("from_ns"), view));
                       });
        }
        return new Batch(positions, stored);
    }

    public void deleteAll() {
        jdbc.getJdbcTemplate().execute("TRUNCATE risk_version, risk_history_view, risk_position");
    }

    private record Position(long lastSequence, String causationId, long decidedNs) {
    }

    private record Stored(long fromNs, RiskView view) {
    }

    /** One version being written: from its decision on, until {@code toNs}. */
    private static final class Version {
        final long fromNs;
        long toNs = OPEN;
        RiskView view;

        Version(long fromNs, RiskView view) {
            this.fromNs = fromNs;
            this.view = view;
        }
    }

    /** The rows one processor batch writes. Not thread-safe: one batch, one thread. */
    public final class Batch {

        private final Map<UUID, Position> positions;
        private final Map<UUID, Stored> stored;
        private final Map<UUID, Position> moved = new LinkedHashMap<>();
        private final Map<UUID, RiskView> current = new HashMap<>();
        /** per risk, the stored open version to close and from when */
        private final Map<UUID, Long> closeStored = new LinkedHashMap<>();
        private final Map<UUID, Version> open = new HashMap<>();
        private final List<Version> written = new ArrayList<>();
        private final List<SqlParameterSource> history = new ArrayList<>();

        private Batch(Map<UUID, Position> positions, Map<UUID, Stored> stored) {
            this.positions = positions;
            this.stored = stored;
            stored.forEach((id, s) -> current.put(id, s.view()));
        }

        /**
         * One event, in stream order per aggregate, recorded at {@code recordedNs}.
         *
         * @param portfolioId the portfolio of the event's project (null for other aggregates' events)
         */
        public void apply(DomainEventMessage<?> event, long recordedNs, UUID portfolioId) {
            if (!(event.getPayload() instanceof ProjectEvent project) || portfolioId == null) {
                return;
            }
            UUID projectId = project.projectId().value();
            Position position = moved.getOrDefault(projectId, positions.get(projectId));
            if (position == null && !(event.getPayload() instanceof RiskEvent)) {
                return; // a project without risks so far: nothing to write, no position to keep
            }
            if (position != null && event.getSequenceNumber() <= position.lastSequence()) {
                return; // redelivered, or replayed over rows that have it
            }
            Object causation = event.getMetaData().get(AuditMetadata.CAUSATION_ID);
            String decision = causation == null ? event.getIdentifier() : causation.toString();
            long ns = position != null && position.causationId().equals(decision) ? position.decidedNs() : recordedNs;
            if (position != null && ns < position.decidedNs()) {
                ns = position.decidedNs(); // a clock that went back: visible with the decision before
            }
            moved.put(projectId, new Position(event.getSequenceNumber(), decision, ns));
            if (event.getPayload() instanceof RiskEvent risk) {
                record(event, risk, ns, portfolioId);
            }
        }

        private void record(DomainEventMessage<?> event, RiskEvent risk, long ns, UUID portfolioId) {
            UUID riskId = risk.riskId().value();
            Object actorValue = event.getMetaData().get(AuditMetadata.ACTOR);
            String actor = actorValue == null ? null : actorValue.toString();
            Instant at = instant(ns);
            RiskView after = RiskViewEvolution.apply(current.get(riskId), risk, at, actor, portfolioId);
            current.put(riskId, after);
            RiskChange change = RiskViewEvolution.change(risk, after, at, actor);
            history.add(new MapSqlParameterSource().addValue("riskId", riskId)
                    .addValue("sequence", event.getSequenceNumber()).addValue("projectId", after.projectId())
                    .addValue("kind", change.kind()).addValue("ns", ns).addValue("actor", actor)
                    .addValue("status", change.status()).addValue("previousProbability", change.previousProbability())
                    .addValue("previousImpact", change.previousImpact()).addValue("probability", change.probability())
                    .addValue("impact", change.impact()).addValue("reason", change.reason()));
            version(riskId, after, ns);
        }

        private void version(UUID riskId, RiskView view, long ns) {
            Version version = open.get(riskId);
            if (version == null) {
                Stored before = stored.get(riskId);
                if (before != null && before.fromNs() != ns) {
                    closeStored.put(riskId, ns);
                }
                // a stored version of this very decision (split over two batches) is amended by the upsert
            } else if (version.fromNs == ns) {
                version.view = view;
                return;
            } else {
                version.toNs = ns;
            }
            Version next = new Version(ns, view);
            open.put(riskId, next);
            written.add(next);
        }

        /** Writes the batch's rows: one batched statement per table and kind of change. */
        public void write() {
            if (!closeStored.isEmpty()) {
                jdbc.batchUpdate("UPDATE risk_version SET to_ns = :ns WHERE risk_id = :riskId AND to_ns = " + OPEN
                                         + " AND from_ns < :ns",
                                 closeStored.entrySet().stream().map(e -> new MapSqlParameterSource()
                                         .addValue("riskId", e.getKey()).addValue("ns", e.getValue()))
                                         .toArray(SqlParameterSource[]::new));
            }
            if (!written.isEmpty()) {
                jdbc.batchUpdate("""
                        INSERT INTO risk_version (risk_id, from_ns, to_ns, project_id, portfolio_id, status,
                                                  probability, impact, exposure, review_date, identified_ns,
                                                  identified_by, title, description, category, owner, response,
                                                  response_plan, status_changed_ns, closure_reason, impact_note,
                                                  change_request_id)
                        VALUES (:riskId, :fromNs, :toNs, :projectId, :portfolioId, :status, :probability, :impact,
                                :exposure, :reviewDate, :identifiedNs, :identifiedBy, :title, :description,
                                :category, :owner, :response, :responsePlan, :statusChangedNs, :closureReason,
                                :impactNote, :changeRequestId)
                        ON CONFLICT (risk_id, from_ns) DO UPDATE SET to_ns = excluded.to_ns,
                            status = excluded.status, probability = excluded.probability, impact = excluded.impact,
                            exposure = excluded.exposure, review_date = excluded.review_date,
                            status_changed_ns = excluded.status_changed_ns, closure_reason = excluded.closure_reason,
                            impact_note = excluded.impact_note, change_request_id = excluded.change_request_id
                        """, written.stream().map(v -> versionRow(v)).toArray(SqlParameterSource[]::new));
            }
            if (!history.isEmpty()) {
                jdbc.batchUpdate("""
                        INSERT INTO risk_history_view (risk_id, sequence, project_id, kind, recorded_ns, actor, status,
                                                       previous_probability, previous_impact, probability, impact,
                                                       reason)
                        VALUES (:riskId, :sequence, :projectId, :kind, :ns, :actor, :status, :previousProbability,
                                :previousImpact, :probability, :impact, :reason)
                        ON CONFLICT (risk_id, sequence) DO NOTHING
                        """, history.toArray(SqlParameterSource[]::new));
            }
            if (!moved.isEmpty()) {
                jdbc.batchUpdate("""
                        INSERT INTO risk_position (project_id, last_sequence, causation_id, decided_ns)
                        VALUES (:id, :sequence, :causation, :ns)
                        ON CONFLICT (project_id) DO UPDATE SET last_sequence = excluded.last_sequence,
                            causation_id = excluded.causation_id, decided_ns = excluded.decided_ns
                        """, moved.entrySet().stream().map(e -> new MapSqlParameterSource("id", e.getKey())
                        .addValue("sequence", e.getValue().lastSequence())
                        .addValue("causation", e.getValue().causationId())
                        .addValue("ns", e.getValue().decidedNs())).toArray(SqlParameterSource[]::new));
            }
        }

        private SqlParameterSource versionRow(Version v) {
            RiskView r = v.view;
            return new MapSqlParameterSource().addValue("riskId", r.riskId()).addValue("fromNs", v.fromNs)
                    .addValue("toNs", v.toNs).addValue("projectId", r.projectId())
                    .addValue("portfolioId", r.portfolioId()).addValue("status", r.status())
                    .addValue("probability", r.probability()).addValue("impact", r.impact())
                    .addValue("exposure", r.exposure()).addValue("reviewDate", r.reviewDate())
                    .addValue("identifiedNs", RiskReads.nanos(r.identifiedAt()))
                    .addValue("identifiedBy", r.identifiedBy()).addValue("title", r.title())
                    .addValue("description", r.description()).addValue("category", r.category())
                    .addValue("owner", r.owner()).addValue("response", r.response())
                    .addValue("responsePlan", r.responsePlan())
                    .addValue("statusChangedNs", RiskReads.nanos(r.statusChangedAt()))
                    .addValue("closureReason", r.closureReason()).addValue("impactNote", r.impactNote())
                    .addValue("changeRequestId", r.changeRequestId());
        }
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
