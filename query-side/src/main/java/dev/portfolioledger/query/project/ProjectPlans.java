package dev.portfolioledger.query.project;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.project.BudgetLine;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.MilestonePlan;
import dev.portfolioledger.api.project.ProjectId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Project plans: objectives and baseline_version on project_view, and the deliverable_view,
 * milestone_view and budget_line_view rows. The readers for GraphQL take many projects at once
 * and answer each with one query; every requested project gets an entry.
 */
@Repository
public class ProjectPlans {

    private static final String DELIVERABLE_COLUMNS = "project_id, deliverable_id, name, description, "
            + "acceptance_criteria, planned_cost, currency, planned_start, planned_finish";

    private final NamedParameterJdbcTemplate jdbc;

    public ProjectPlans(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The plans of the projects that have a view, read with one query per table; others are absent. */
    public Map<ProjectId, ProjectPlan> plansOf(Collection<ProjectId> ids) {
        Map<ProjectId, List<String>> objectives = objectivesOf(ids);
        if (objectives.isEmpty()) {
            return Map.of();
        }
        Set<ProjectId> withView = objectives.keySet();
        Map<ProjectId, List<DeliverablePlan>> deliverables = deliverablesOf(withView);
        Map<ProjectId, List<MilestonePlan>> milestones = milestonesOf(withView);
        Map<ProjectId, List<BudgetLine>> budgets = budgetLinesOf(withView);
        Map<ProjectId, Integer> versions = baselineVersionsOf(withView);
        Map<ProjectId, ProjectPlan> plans = new HashMap<>();
        for (ProjectId id : withView) {
            plans.put(id, new ProjectPlan(id, deliverables.get(id), milestones.get(id), budgets.get(id),
                                          objectives.get(id), versions.get(id)));
        }
        return plans;
    }

    /** A plan as stored before a batch ({@code null}: rows unknown, rewrite them all) and after it. */
    public record Change(ProjectPlan before, ProjectPlan after) {
    }

    /**
     * Writes the deliverable, milestone and budget line rows of the changed plans (objectives and
     * baseline version are on project_view, written with the project's row): per list, the items
     * after the longest prefix both versions share are deleted and inserted again, so positions stay
     * dense and in list order, and an added item costs one insert rather than a rewrite of the
     * list. One batched delete and one batched insert per table for all the plans.
     */
    public void rewrite(Collection<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<MapSqlParameterSource> deliverableCuts = new ArrayList<>();
        List<MapSqlParameterSource> milestoneCuts = new ArrayList<>();
        List<MapSqlParameterSource> lineCuts = new ArrayList<>();
        List<MapSqlParameterSource> deliverables = new ArrayList<>();
        List<MapSqlParameterSource> milestones = new ArrayList<>();
        List<MapSqlParameterSource> lines = new ArrayList<>();
        for (Change change : changes) {
            UUID projectId = change.after().projectId().value();
            ProjectPlan before = change.before();
            int keptDeliverables = before == null ? 0 : sharedPrefix(before.deliverables(), change.after().deliverables());
            int keptMilestones = before == null ? 0 : sharedPrefix(before.milestones(), change.after().milestones());
            int keptLines = before == null ? 0 : sharedPrefix(before.budget(), change.after().budget());
            if (before == null || keptDeliverables < before.deliverables().size()) {
                deliverableCuts.add(cut(projectId, keptDeliverables));
            }
            if (before == null || keptMilestones < before.milestones().size()) {
                milestoneCuts.add(cut(projectId, keptMilestones));
            }
            if (before == null || keptLines < before.budget().size()) {
                lineCuts.add(cut(projectId, keptLines));
            }
            deliverables.addAll(deliverableRows(projectId, change.after().deliverables(), keptDeliverables));
            milestones.addAll(milestoneRows(projectId, change.after().milestones(), keptMilestones));
            lines.addAll(budgetLineRows(projectId, change.after().budget(), keptLines));
        }
        deleteFrom("deliverable_view", deliverableCuts);
        deleteFrom("milestone_view", milestoneCuts);
        deleteFrom("budget_line_view", lineCuts);
        insertDeliverables(deliverables.toArray(MapSqlParameterSource[]::new));
        insertMilestones(milestones.toArray(MapSqlParameterSource[]::new));
        insertBudgetLines(lines.toArray(MapSqlParameterSource[]::new));
    }

    private static int sharedPrefix(List<?> before, List<?> after) {
        int shared = 0;
        while (shared < before.size() && shared < after.size() && before.get(shared).equals(after.get(shared))) {
            shared++;
        }
        return shared;
    }

    private static MapSqlParameterSource cut(UUID projectId, int fromPosition) {
        return new MapSqlParameterSource("projectId", projectId).addValue("from", fromPosition);
    }

    private void deleteFrom(String table, List<MapSqlParameterSource> cuts) {
        if (!cuts.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM " + table + " WHERE project_id = :projectId AND position >= :from",
                             cuts.toArray(MapSqlParameterSource[]::new));
        }
    }

    /** Clears the plan rows; project_view itself is cleared by {@link ProjectProjection}. */
    public void deleteAll() {
        jdbc.getJdbcTemplate().execute("TRUNCATE deliverable_view");
        jdbc.getJdbcTemplate().execute("TRUNCATE milestone_view");
        jdbc.getJdbcTemplate().execute("TRUNCATE budget_line_view");
    }

    /** The objectives of each project that has a view; projects without one have no entry. */
    public Map<ProjectId, List<String>> objectivesOf(Collection<ProjectId> projectIds) {
        if (projectIds.isEmpty()) {
            return Map.of();
        }
        Map<ProjectId, List<String>> objectives = new HashMap<>();
        jdbc.query("SELECT id, objectives FROM project_view WHERE id IN (:ids)", ids(projectIds),
                   rs -> {
                       objectives.put(new ProjectId(rs.getObject("id", UUID.class)), texts(rs.getArray("objectives")));
                   });
        return objectives;
    }

    /** The baseline version of each project that has one; projects not yet approved have no entry. */
    public Map<ProjectId, Integer> baselineVersionsOf(Collection<ProjectId> projectIds) {
        if (projectIds.isEmpty()) {
            return Map.of();
        }
        Map<ProjectId, Integer> versions = new HashMap<>();
        jdbc.query("SELECT id, baseline_version FROM project_view "
                           + "WHERE id IN (:ids) AND baseline_version IS NOT NULL", ids(projectIds),
                   rs -> {
                       versions.put(new ProjectId(rs.getObject("id", UUID.class)), rs.getInt("baseline_version"));
                   });
        return versions;
    }

    public Map<ProjectId, List<DeliverablePlan>> deliverablesOf(Collection<ProjectId> projectIds) {
        return grouped(projectIds, "SELECT " + DELIVERABLE_COLUMNS
                               + " FROM deliverable_view WHERE project_id IN (:ids) ORDER BY project_id, position",
                       (rs, n) -> new Row<>(projectId(rs), deliverable(rs)));
    }

    public Map<ProjectId, List<MilestonePlan>> milestonesOf(Collection<ProjectId> projectIds) {
        return grouped(projectIds, "SELECT project_id, milestone_id, name, due_date, deliverable_ids "
                               + "FROM milestone_view WHERE project_id IN (:ids) ORDER BY project_id, position",
                       (rs, n) -> new Row<>(projectId(rs), new MilestonePlan(
                               new MilestoneId(rs.getObject("milestone_id", UUID.class)),
                               rs.getString("name"),
                               rs.getObject("due_date", LocalDate.class),
                               uuids(rs.getArray("deliverable_ids")).stream().map(DeliverableId::new).toList())));
    }

    public Map<ProjectId, List<BudgetLine>> budgetLinesOf(Collection<ProjectId> projectIds) {
        return grouped(projectIds, "SELECT project_id, category, amount, currency "
                               + "FROM budget_line_view WHERE project_id IN (:ids) ORDER BY project_id, position",
                       (rs, n) -> new Row<>(projectId(rs), new BudgetLine(
                               CostCategory.valueOf(rs.getString("category")),
                               money(rs, "amount"))));
    }

    /**
     * The budget of each requested project, with one query: the lines, and the currency of the
     * project's portfolio for the total. A project whose portfolio view has not been written yet
     * (views of different aggregates may lag each other) gets its total in its lines' currency;
     * one with neither has no entry.
     */
    public Map<ProjectId, Budget> budgetsOf(Collection<ProjectId> projectIds) {
        if (projectIds.isEmpty()) {
            return Map.of();
        }
        Map<ProjectId, String> currencies = new HashMap<>();
        Map<ProjectId, List<BudgetLine>> lines = new HashMap<>();
        jdbc.query("""
                SELECT p.id AS project_id, f.currency AS portfolio_currency, b.category, b.amount, b.currency
                FROM project_view p
                LEFT JOIN portfolio_view f ON f.id = p.portfolio_id
                LEFT JOIN budget_line_view b ON b.project_id = p.id
                WHERE p.id IN (:ids)
                ORDER BY p.id, b.position
                """, ids(projectIds), rs -> {
            ProjectId id = projectId(rs);
            List<BudgetLine> projectLines = lines.computeIfAbsent(id, k -> new ArrayList<>());
            if (rs.getString("portfolio_currency") != null) {
                currencies.put(id, rs.getString("portfolio_currency"));
            }
            if (rs.getString("category") != null) {
                projectLines.add(new BudgetLine(CostCategory.valueOf(rs.getString("category")), money(rs, "amount")));
            }
        });
        Map<ProjectId, Budget> budgets = new HashMap<>();
        lines.forEach((id, projectLines) -> {
            String code = currencies.containsKey(id) ? currencies.get(id)
                    : projectLines.isEmpty() ? null : projectLines.get(0).amount().currency().getCurrencyCode();
            if (code != null) {
                budgets.put(id, Budget.of(projectLines, Currency.getInstance(code.trim())));
            }
        });
        return budgets;
    }

    private static List<MapSqlParameterSource> deliverableRows(UUID projectId, List<DeliverablePlan> deliverables,
                                                               int from) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (int i = from; i < deliverables.size(); i++) {
            DeliverablePlan d = deliverables.get(i);
            rows.add(new MapSqlParameterSource()
                    .addValue("projectId", projectId)
                    .addValue("deliverableId", d.deliverableId().value())
                    .addValue("position", i)
                    .addValue("name", d.name())
                    .addValue("description", d.description())
                    .addValue("acceptanceCriteria", d.acceptanceCriteria())
                    .addValue("plannedCost", d.plannedCost().amount())
                    .addValue("currency", d.plannedCost().currency().getCurrencyCode())
                    .addValue("plannedStart", d.plannedStart())
                    .addValue("plannedFinish", d.plannedFinish()));
        }
        return rows;
    }

    private void insertDeliverables(MapSqlParameterSource[] rows) {
        jdbc.batchUpdate("""
                INSERT INTO deliverable_view (project_id, deliverable_id, position, name, description,
                                              acceptance_criteria, planned_cost, currency, planned_start,
                                              planned_finish)
                VALUES (:projectId, :deliverableId, :position, :name, :description, :acceptanceCriteria,
                        :plannedCost, :currency, :plannedStart, :plannedFinish)
                """, rows);
    }

    private static List<MapSqlParameterSource> milestoneRows(UUID projectId, List<MilestonePlan> milestones,
                                                             int from) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (int i = from; i < milestones.size(); i++) {
            MilestonePlan m = milestones.get(i);
            rows.add(new MapSqlParameterSource()
                    .addValue("projectId", projectId)
                    .addValue("milestoneId", m.milestoneId().value())
                    .addValue("position", i)
                    .addValue("name", m.name())
                    .addValue("dueDate", m.dueDate())
                    // sent as text[] and cast: the driver has no portable binding for uuid[]
                    .addValue("deliverableIds", m.deliverableIds().stream().map(DeliverableId::toString)
                            .toArray(String[]::new)));
        }
        return rows;
    }

    private void insertMilestones(MapSqlParameterSource[] rows) {
        jdbc.batchUpdate("""
                INSERT INTO milestone_view (project_id, milestone_id, position, name, due_date, deliverable_ids)
                VALUES (:projectId, :milestoneId, :position, :name, :dueDate, CAST(:deliverableIds AS uuid[]))
                """, rows);
    }

    private static List<MapSqlParameterSource> budgetLineRows(UUID projectId, List<BudgetLine> lines, int from) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) {
            BudgetLine line = lines.get(i);
            rows.add(new MapSqlParameterSource()
                    .addValue("projectId", projectId)
                    .addValue("category", line.category().name())
                    .addValue("position", i)
                    .addValue("amount", line.amount().amount())
                    .addValue("currency", line.amount().currency().getCurrencyCode()));
        }
        return rows;
    }

    private void insertBudgetLines(MapSqlParameterSource[] rows) {
        jdbc.batchUpdate("""
                INSERT INTO budget_line_view (project_id, category, position, amount, currency)
                VALUES (:projectId, :category, :position, :amount, :currency)
                """, rows);
    }

    /** A row of a per-project list, before grouping. */
    private record Row<T>(ProjectId projectId, T item) {
    }

    private <T> Map<ProjectId, List<T>> grouped(Collection<ProjectId> projectIds, String sql,
                                               RowMapper<Row<T>> mapper) {
        if (projectIds.isEmpty()) {
            return Map.of();
        }
        // the query orders each project's rows by position; the grouping keeps that order
        Map<ProjectId, List<T>> byProject = jdbc.query(sql, ids(projectIds), mapper).stream()
                .collect(Collectors.groupingBy(Row::projectId, LinkedHashMap::new,
                                               Collectors.mapping(Row::item, Collectors.toList())));
        return projectIds.stream().distinct().collect(Collectors.toMap(
                Function.identity(), id -> byProject.getOrDefault(id, List.of())));
    }

    private static Map<String, List<UUID>> ids(Collection<ProjectId> projectIds) {
        return Map.of("ids", projectIds.stream().map(ProjectId::value).distinct().toList());
    }

    private static ProjectId projectId(ResultSet rs) throws SQLException {
        return new ProjectId(rs.getObject("project_id", UUID.class));
    }

    private static DeliverablePlan deliverable(ResultSet rs) throws SQLException {
        return new DeliverablePlan(
                new DeliverableId(rs.getObject("deliverable_id", UUID.class)),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("acceptance_criteria"),
                money(rs, "planned_cost"),
                rs.getObject("planned_start", LocalDate.class),
                rs.getObject("planned_finish", LocalDate.class));
    }

    private static Money money(ResultSet rs, String amountColumn) throws SQLException {
        return new Money(rs.getBigDecimal(amountColumn), Currency.getInstance(rs.getString("currency").trim()));
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        // the driver returns UUID elements for uuid[]; going through the text form also accepts strings
        return Arrays.stream((Object[]) array.getArray()).map(o -> UUID.fromString(o.toString())).toList();
    }
}
