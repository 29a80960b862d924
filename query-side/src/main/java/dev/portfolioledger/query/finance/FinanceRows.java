package dev.portfolioledger.query.finance;

import dev.portfolioledger.api.finance.CostLedgerEvent;
import dev.portfolioledger.api.finance.CostReversedEvent;
import dev.portfolioledger.api.finance.ExpenseRecordedEvent;
import dev.portfolioledger.api.project.BudgetLine;
import dev.portfolioledger.api.project.DeliverableFinishForecastEvent;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.DeliverableProgressReportedEvent;
import dev.portfolioledger.api.project.MilestoneCompletedEvent;
import dev.portfolioledger.axon.audit.AuditMetadata;
import dev.portfolioledger.query.project.ProjectPlan;
import dev.portfolioledger.query.project.ProjectView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the finance rows (migration {@code V2026120285__finance_views.sql}): the cost ledger,
 * the execution reports, and the versions of what planned value needs. The live projection hands
 * it every event it applies together with the project's views after the event ({@link Batch}),
 * so the versions follow the plan exactly as the plan view's own evolution makes it; everything
 * is written with one batched statement per table when the batch commits.
 *
 * <p>Each row carries the record time of its <em>decision</em>: the first event of the command
 * that stored it (the events' causation id tells them apart), as the history counts it, so that
 * an approval's status and baseline, or a change request's approval and the plan it revises,
 * become visible at one instant. Redelivered and replayed events are skipped by the position kept
 * per aggregate ({@code finance_position}), and every insert is idempotent too.
 */
@Repository
public class FinanceRows {

    /** The end of a version that still holds. */
    static final long OPEN = Long.MAX_VALUE;

    private final NamedParameterJdbcTemplate jdbc;

    public FinanceRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts a batch of events of these aggregates: reads their positions with one query. */
    public Batch batch(Collection<UUID> aggregateIds) {
        Map<UUID, Position> positions = new HashMap<>();
        if (!aggregateIds.isEmpty()) {
            jdbc.query("SELECT aggregate_id, last_sequence, causation_id, decided_ns FROM finance_position "
                               + "WHERE aggregate_id = ANY(:ids)",
                       new MapSqlParameterSource("ids", aggregateIds.toArray(UUID[]::new)), rs -> {
                           UUID id = rs.getObject(1, UUID.class);
                           positions.put(id, new Position(rs.getLong(2), rs.getString(3), rs.getLong(4)));
                       });
        }
        return new Batch(positions);
    }

    public void deleteAll() {
        jdbc.getJdbcTemplate().execute(
                "TRUNCATE cost_entry_view, project_execution_view, project_cost_version, deliverable_cost_version, "
                        + "finance_position");
    }

    private record Position(long lastSequence, String causationId, long decidedNs) {
    }

    /** What planned value reads of a project besides its deliverables. */
    record ProjectCost(UUID portfolioId, UUID programId, String name, String status, BigDecimal bac) {

        static ProjectCost of(ProjectView project, ProjectPlan plan) {
            BigDecimal bac = plan == null ? BigDecimal.ZERO : plan.budget().stream().map(BudgetLine::amount)
                    .map(m -> m.amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new ProjectCost(project.portfolioId().value(),
                                   project.programId() == null ? null : project.programId().value(),
                                   project.name(), project.status().name(), bac);
        }
    }

    /** What planned value reads of a deliverable. */
    record DeliverableCost(String name, BigDecimal plannedCost, LocalDate start, LocalDate finish) {

        static DeliverableCost of(DeliverablePlan plan) {
            return new DeliverableCost(plan.name(), plan.plannedCost().amount(), plan.plannedStart(),
                                       plan.plannedFinish());
        }
    }

    /** One version being written: created in this batch (from its decision on), or amending a stored one. */
    private static final class Version<D> {
        final UUID projectId;
        final UUID itemId;
        final long fromNs;
        long toNs = OPEN;
        D data;

        Version(UUID projectId, UUID itemId, long fromNs, D data) {
            this.projectId = projectId;
            this.itemId = itemId;
            this.fromNs = fromNs;
            this.data = data;
        }
    }

    /** The versions of one kind of row a batch writes: closes of stored versions, upserts of new ones. */
    private static final class Versions<D> {
        /** key → first decision that changed it in the batch, when a stored version may be open */
        final Map<List<UUID>, Long> closeStored = new LinkedHashMap<>();
        final Map<List<UUID>, Version<D>> open = new HashMap<>();
        final List<Version<D>> written = new ArrayList<>();
        final List<Version<D>> dropped = new ArrayList<>();

        /**
         * The row holds {@code data} from {@code ns} on (null: it no longer exists).
         *
         * @param existed whether the row existed before this change (then a stored version may be open)
         */
        void change(UUID projectId, UUID itemId, D data, long ns, boolean existed) {
            List<UUID> key = itemId == null ? List.of(projectId) : List.of(projectId, itemId);
            Version<D> current = open.get(key);
            if (current == null) {
                if (existed) {
                    closeStored.putIfAbsent(key, ns);
                    if (data == null) {
                        // a stored version this decision opened in an earlier batch goes too
                        dropped.add(new Version<>(projectId, itemId, ns, null));
                    }
                }
            } else if (current.fromNs == ns) {
                // the same decision again: the version it opened changes, or goes
                if (data == null) {
                    written.remove(current);
                    dropped.add(current);
                    open.remove(key);
                } else {
                    current.data = data;
                }
                return;
            } else {
                current.toNs = ns;
            }
            if (data == null) {
                open.remove(key);
                return;
            }
            Version<D> next = new Version<>(projectId, itemId, ns, data);
            open.put(key, next);
            written.add(next);
        }
    }

    /** The rows one processor batch writes. Not thread-safe: one batch, one thread. */
    public final class Batch {

        private final Map<UUID, Position> positions;
        private final Map<UUID, Position> moved = new LinkedHashMap<>();
        private final Versions<ProjectCost> projectVersions = new Versions<>();
        private final Versions<DeliverableCost> deliverableVersions = new Versions<>();
        private final List<SqlParameterSource> expenses = new ArrayList<>();
        private final List<SqlParameterSource> reversals = new ArrayList<>();
        private final List<SqlParameterSource> executions = new ArrayList<>();
        private final Map<UUID, ProjectCost> projects = new HashMap<>();
        private final Map<UUID, Map<UUID, DeliverableCost>> deliverables = new HashMap<>();

        private Batch(Map<UUID, Position> positions) {
            this.positions = positions;
        }

        /** The aggregate's project and plan before the batch's first event of it (null for a ledger). */
        public void begin(UUID aggregateId, ProjectView project, ProjectPlan plan) {
            if (project != null) {
                projects.put(aggregateId, ProjectCost.of(project, plan));
                deliverables.put(aggregateId, deliverablesOf(plan));
            }
        }

        /**
         * One event of the aggregate, in stream order, recorded at {@code recordedNs}, with the
         * project and plan as they are after it (both null for a ledger's event).
         */
        public void apply(DomainEventMessage<?> event, long recordedNs, ProjectView project, ProjectPlan plan) {
            if (project == null && !(event.getPayload() instanceof CostLedgerEvent)) {
                return; // neither a project's nor a ledger's
            }
            UUID aggregateId = UUID.fromString(event.getAggregateIdentifier());
            Position position = moved.getOrDefault(aggregateId, positions.get(aggregateId));
            if (position != null && event.getSequenceNumber() <= position.lastSequence()) {
                return; // redelivered, or replayed over rows that have it
            }
            Object causation = event.getMetaData().get(AuditMetadata.CAUSATION_ID);
            String decision = causation == null ? event.getIdentifier() : causation.toString();
            long ns = position != null && position.causationId().equals(decision) ? position.decidedNs() : recordedNs;
            if (position != null && ns < position.decidedNs()) {
                ns = position.decidedNs(); // a clock that went back: visible with the decision before
            }
            moved.put(aggregateId, new Position(event.getSequenceNumber(), decision, ns));
            record(event, ns);
            if (project != null) {
                plan(aggregateId, project, plan, ns);
            }
        }

        private void record(DomainEventMessage<?> event, long ns) {
            Object payload = event.getPayload();
            Object actor = event.getMetaData().get(AuditMetadata.ACTOR);
            if (payload instanceof ExpenseRecordedEvent e) {
                expenses.add(new MapSqlParameterSource()
                        .addValue("projectId", e.projectId().value()).addValue("entryId", e.entryId().value())
                        .addValue("kind", CostEntry.Kind.EXPENSE.name()).addValue("category", e.category().name())
                        .addValue("incurredOn", e.incurredOn()).addValue("amount", e.amount().amount())
                        .addValue("currency", e.amount().currency().getCurrencyCode())
                        .addValue("vendor", e.vendor()).addValue("description", e.description())
                        .addValue("reason", null).addValue("actor", actor == null ? null : actor.toString())
                        .addValue("reversedEntryId", null).addValue("ns", ns));
            } else if (payload instanceof CostReversedEvent e) {
                reversals.add(new MapSqlParameterSource()
                        .addValue("projectId", e.projectId().value()).addValue("entryId", e.reversalEntryId().value())
                        .addValue("kind", CostEntry.Kind.REVERSAL.name()).addValue("category", e.category().name())
                        .addValue("incurredOn", e.incurredOn()).addValue("amount", e.amount().amount().negate())
                        .addValue("currency", e.amount().currency().getCurrencyCode())
                        .addValue("vendor", null).addValue("description", null)
                        .addValue("reason", e.reason()).addValue("actor", actor == null ? null : actor.toString())
                        .addValue("reversedEntryId", e.reversedEntryId().value()).addValue("ns", ns));
            } else if (payload instanceof DeliverableProgressReportedEvent e) {
                executions.add(execution(event, "PROGRESS", e.deliverableId().value(), e.percentComplete(),
                                         e.reportedOn(), ns));
            } else if (payload instanceof MilestoneCompletedEvent e) {
                executions.add(execution(event, "COMPLETION", e.milestoneId().value(), null, e.actualDate(), ns));
            } else if (payload instanceof DeliverableFinishForecastEvent e) {
                executions.add(execution(event, "FORECAST", e.deliverableId().value(), null, e.expectedFinish(), ns));
            }
        }

        private SqlParameterSource execution(DomainEventMessage<?> event, String kind, UUID item, Integer percent,
                                             LocalDate on, long ns) {
            return new MapSqlParameterSource().addValue("projectId", UUID.fromString(event.getAggregateIdentifier()))
                    .addValue("sequence", event.getSequenceNumber()).addValue("kind", kind)
                    .addValue("itemId", item).addValue("percent", percent).addValue("on", on).addValue("ns", ns);
        }

        private void plan(UUID projectId, ProjectView project, ProjectPlan plan, long ns) {
            ProjectCost cost = ProjectCost.of(project, plan);
            ProjectCost previous = projects.put(projectId, cost);
            if (!cost.equals(previous)) {
                projectVersions.change(projectId, null, cost, ns, previous != null);
            }
            Map<UUID, DeliverableCost> before = deliverables.getOrDefault(projectId, Map.of());
            Map<UUID, DeliverableCost> after = deliverablesOf(plan);
            if (before.equals(after)) {
                return;
            }
            after.forEach((id, d) -> {
                if (!d.equals(before.get(id))) {
                    deliverableVersions.change(projectId, id, d, ns, before.containsKey(id));
                }
            });
            before.keySet().stream().filter(id -> !after.containsKey(id))
                    .forEach(id -> deliverableVersions.change(projectId, id, null, ns, true));
            deliverables.put(projectId, after);
        }

        /** Writes the batch's rows: one batched statement per table and kind of change. */
        public void write() {
            insertEntries(expenses);
            insertEntries(reversals);
            if (!reversals.isEmpty()) {
                jdbc.batchUpdate("""
                        UPDATE cost_entry_view SET reversal_entry_id = :entryId, reversed_ns = :ns
                        WHERE project_id = :projectId AND entry_id = :reversedEntryId AND reversed_ns IS NULL
                        """, reversals.toArray(SqlParameterSource[]::new));
            }
            if (!executions.isEmpty()) {
                jdbc.batchUpdate("""
                        INSERT INTO project_execution_view (project_id, sequence, kind, item_id, percent, on_date,
                                                            recorded_ns)
                        VALUES (:projectId, :sequence, :kind, :itemId, :percent, :on, :ns)
                        ON CONFLICT (project_id, sequence) DO NOTHING
                        """, executions.toArray(SqlParameterSource[]::new));
                // in stream order, so each report stamps the one before it (redelivered: nothing left to stamp)
                jdbc.batchUpdate("""
                        UPDATE project_execution_view SET next_on_date = :on, next_ns = :ns
                        WHERE project_id = :projectId AND kind = 'PROGRESS' AND item_id = :itemId
                          AND sequence < :sequence AND next_ns IS NULL
                        """, executions.stream().filter(e -> "PROGRESS".equals(e.getValue("kind")))
                        .toArray(SqlParameterSource[]::new));
            }
            writeVersions("project_cost_version", "project_id", projectVersions, v -> new MapSqlParameterSource()
                    .addValue("portfolioId", v.data.portfolioId()).addValue("programId", v.data.programId())
                    .addValue("name", v.data.name()).addValue("status", v.data.status())
                    .addValue("bac", v.data.bac()), """
                    INSERT INTO project_cost_version (project_id, from_ns, to_ns, portfolio_id, program_id, name,
                                                      status, bac)
                    VALUES (:projectId, :fromNs, :toNs, :portfolioId, :programId, :name, :status, :bac)
                    ON CONFLICT (project_id, from_ns) DO UPDATE SET to_ns = excluded.to_ns,
                        portfolio_id = excluded.portfolio_id, program_id = excluded.program_id,
                        name = excluded.name, status = excluded.status, bac = excluded.bac
                    """);
            writeVersions("deliverable_cost_version", "project_id = :projectId AND deliverable_id", deliverableVersions,
                          v -> new MapSqlParameterSource()
                                  .addValue("name", v.data.name()).addValue("cost", v.data.plannedCost())
                                  .addValue("start", v.data.start()).addValue("finish", v.data.finish()), """
                    INSERT INTO deliverable_cost_version (project_id, deliverable_id, from_ns, to_ns, name,
                                                          planned_cost, planned_start, planned_finish)
                    VALUES (:projectId, :itemId, :fromNs, :toNs, :name, :cost, :start, :finish)
                    ON CONFLICT (project_id, deliverable_id, from_ns) DO UPDATE SET to_ns = excluded.to_ns,
                        name = excluded.name, planned_cost = excluded.planned_cost,
                        planned_start = excluded.planned_start, planned_finish = excluded.planned_finish
                    """);
            if (!moved.isEmpty()) {
                jdbc.batchUpdate("""
                        INSERT INTO finance_position (aggregate_id, last_sequence, causation_id, decided_ns)
                        VALUES (:id, :sequence, :causation, :ns)
                        ON CONFLICT (aggregate_id) DO UPDATE SET last_sequence = excluded.last_sequence,
                            causation_id = excluded.causation_id, decided_ns = excluded.decided_ns
                        """, moved.entrySet().stream().map(e -> new MapSqlParameterSource("id", e.getKey())
                        .addValue("sequence", e.getValue().lastSequence())
                        .addValue("causation", e.getValue().causationId())
                        .addValue("ns", e.getValue().decidedNs())).toArray(SqlParameterSource[]::new));
            }
        }

        private void insertEntries(List<SqlParameterSource> entries) {
            if (entries.isEmpty()) {
                return;
            }
            jdbc.batchUpdate("""
                    INSERT INTO cost_entry_view (project_id, entry_id, kind, category, incurred_on, amount, currency,
                                                 vendor, description, reason, actor, reversed_entry_id, recorded_ns)
                    VALUES (:projectId, :entryId, :kind, :category, :incurredOn, :amount, :currency, :vendor,
                            :description, :reason, :actor, :reversedEntryId, :ns)
                    ON CONFLICT (project_id, entry_id) DO NOTHING
                    """, entries.toArray(SqlParameterSource[]::new));
        }

        /**
         * Closes the stored versions a change in this batch ended (those opened by an earlier
         * decision; a version of the same decision is amended by the upsert), drops versions a
         * decision opened and then removed again, and upserts the batch's versions.
         */
        private <D> void writeVersions(String table, String keyColumns, Versions<D> versions,
                                       java.util.function.Function<Version<D>, MapSqlParameterSource> data,
                                       String upsert) {
            if (!versions.closeStored.isEmpty()) {
                jdbc.batchUpdate("UPDATE " + table + " SET to_ns = :ns WHERE " + keyColumns + " = :itemId"
                                         + " AND to_ns = " + OPEN + " AND from_ns < :ns",
                                 versions.closeStored.entrySet().stream().map(e -> new MapSqlParameterSource()
                                         .addValue("projectId", e.getKey().get(0))
                                         .addValue("itemId", e.getKey().get(e.getKey().size() - 1))
                                         .addValue("ns", e.getValue())).toArray(SqlParameterSource[]::new));
            }
            if (!versions.dropped.isEmpty()) {
                jdbc.batchUpdate("DELETE FROM " + table + " WHERE " + keyColumns + " = :itemId AND from_ns = :fromNs",
                                 versions.dropped.stream().map(v -> new MapSqlParameterSource()
                                         .addValue("projectId", v.projectId)
                                         .addValue("itemId", v.itemId == null ? v.projectId : v.itemId)
                                         .addValue("fromNs", v.fromNs)).toArray(SqlParameterSource[]::new));
            }
            if (!versions.written.isEmpty()) {
                jdbc.batchUpdate(upsert, versions.written.stream().map(v -> data.apply(v)
                        .addValue("projectId", v.projectId).addValue("itemId", v.itemId)
                        .addValue("fromNs", v.fromNs).addValue("toNs", v.toNs)).toArray(SqlParameterSource[]::new));
            }
        }
    }

    private static Map<UUID, DeliverableCost> deliverablesOf(ProjectPlan plan) {
        Map<UUID, DeliverableCost> costs = new HashMap<>();
        if (plan != null) {
            plan.deliverables().forEach(d -> costs.put(d.deliverableId().value(), DeliverableCost.of(d)));
        }
        return costs;
    }
}
