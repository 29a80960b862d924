package dev.portfolioledger.app.graphql;

import dev.portfolioledger.api.changerequest.SubmitChangeRequestCommand;
import dev.portfolioledger.api.project.CloseProjectCommand;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DefineProjectObjectivesCommand;
import dev.portfolioledger.api.project.ScheduleMilestoneCommand;
import dev.portfolioledger.api.resource.Skill;
import dev.portfolioledger.app.integrity.AuditIntegrityGraphQlController;
import dev.portfolioledger.query.finance.EarnedValueQueryController;
import dev.portfolioledger.query.changerequest.ChangeRequestQueryController;
import dev.portfolioledger.query.paging.PageRequest;
import dev.portfolioledger.query.project.ProjectPlanQueryController;
import dev.portfolioledger.query.status.StatusReportQueryController;
import dev.portfolioledger.query.risk.RiskQueryController;
import dev.portfolioledger.query.quality.QualityQueryController;
import dev.portfolioledger.query.quality.StakeholderRegister;
import dev.portfolioledger.query.resource.ResourceFieldWiring;
import dev.portfolioledger.query.resource.ResourceUtilisation;
import dev.portfolioledger.query.resource.ResourceUtilisationController;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.util.Map;
import java.util.Set;

/**
 * The cost of a field counts the items a list can return, so that nesting lists multiplies:
 * <pre>
 *   cost(field) = 1 + items(field) × Σ cost(selected sub-fields)   (+ 100 for a top-level field)
 * </pre>
 * where {@code items} is
 * <ul>
 *   <li>for the {@code edges} of a connection: the connection's {@code first} (its default when
 *       omitted), at most {@link PageRequest#MAX_FIRST}, the most a page holds;</li>
 *   <li>for a list of objects with a {@code first} argument: that argument, at most its cap;</li>
 *   <li>for the rows of a page whose {@code first} is on the parent field ({@link #PAGED_BY_PARENT}):
 *       the parent's {@code first}, at most the cap;</li>
 *   <li>for any other list of objects: its cap, the most items it can hold ({@link #CAPS});</li>
 *   <li>1 for everything else: objects, scalars, enums, and lists of scalars (values read with
 *       their parent, nothing to select under them).</li>
 * </ul>
 * A top-level field costs {@link #ROOT_FIELD} more: each one starts its own database reads, which
 * no batching shares, so a field repeated under hundreds of aliases adds up even when each copy
 * asks for little.
 * Introspection fields ({@code __schema}, {@code __type} and below) cost 1 each plus their
 * sub-fields, as graphql-java counts them, since they read the schema in memory and are bounded
 * by the schema's size. Costs saturate at {@link #CEILING} instead of overflowing.
 */
public final class ListSizeComplexity implements FieldComplexityCalculator {

    /** Far above any limit, and small enough that sums of many ceilings stay within a long. */
    static final long CEILING = 1_000_000_000_000L;

    /** The most items each list of objects returns; an object list missing here costs {@link #UNKNOWN_LIST}. */
    static final Map<String, Integer> CAPS = Map.ofEntries(
            Map.entry("Project.deliverables", ProjectPlanQueryController.MAX_LISTED_DELIVERABLES),
            Map.entry("Project.milestones", ProjectPlanQueryController.MAX_LISTED_MILESTONES),
            Map.entry("Milestone.deliverables", ScheduleMilestoneCommand.MAX_LINKED_DELIVERABLES),
            Map.entry("Budget.lines", CostCategory.values().length),
            Map.entry("ChangeRequest.changes", SubmitChangeRequestCommand.MAX_CHANGES),
            Map.entry("BaselineVersion.changes", SubmitChangeRequestCommand.MAX_CHANGES),
            Map.entry("Query.scopeHistory", ChangeRequestQueryController.SCOPE_HISTORY_MAX),
            Map.entry("BaselineDiff.addedDeliverables", ProjectPlanQueryController.MAX_LISTED_DELIVERABLES),
            Map.entry("BaselineDiff.removedDeliverables", ProjectPlanQueryController.MAX_LISTED_DELIVERABLES),
            Map.entry("BaselineDiff.changedDeliverables", ProjectPlanQueryController.MAX_LISTED_DELIVERABLES),
            Map.entry("BaselineDiff.movedMilestones", ProjectPlanQueryController.MAX_LISTED_MILESTONES),
            Map.entry("BaselineDiff.budgetChanges", CostCategory.values().length),
            Map.entry("Resource.skills", Skill.MAX_SKILLS),
            Map.entry("Resource.capacityHistory", ResourceFieldWiring.MAX_LISTED),
            Map.entry("Resource.rateHistory", ResourceFieldWiring.MAX_LISTED),
            Map.entry("Resource.leave", ResourceFieldWiring.MAX_LISTED),
            Map.entry("Resource.allocations", ResourceFieldWiring.MAX_LISTED),
            Map.entry("Project.team", ResourceFieldWiring.MAX_LISTED),
            Map.entry("ProjectClosure.lessonsLearned", CloseProjectCommand.MAX_LESSONS),
            Map.entry("ProjectClosure.objectives", DefineProjectObjectivesCommand.MAX_OBJECTIVES),
            Map.entry("StakeholderRegister.stakeholders", StakeholderRegister.MAX_LISTED),
            Map.entry("StakeholderRegister.grid", StakeholderRegister.GRID_CELLS),
            Map.entry("Deliverable.qualityReviews", QualityQueryController.MAX_LISTED_REVIEWS),
            Map.entry("Resource.utilisation", ResourceUtilisation.MAX_PERIODS),
            Map.entry("Resource.overallocations", ResourceUtilisationController.MAX_ROWS),
            Map.entry("Portfolio.overallocations", ResourceUtilisationController.MAX_ROWS),
            Map.entry("PortfolioUtilisation.periods", ResourceUtilisation.MAX_PERIODS),
            Map.entry("PortfolioUtilisation.resources", ResourceUtilisationController.MAX_ROWS),
            Map.entry("ResourceUtilisation.periods", ResourceUtilisation.MAX_PERIODS),
            Map.entry("Overallocation.allocations", ResourceFieldWiring.MAX_LISTED),
            Map.entry("AuditVerification.findings", AuditIntegrityGraphQlController.MAX_LISTED_FINDINGS),
            Map.entry("ProjectEarnedValue.deliverables", EarnedValueQueryController.MAX_DELIVERABLES),
            Map.entry("Project.earnedValueSeries", EarnedValueQueryController.MAX_PERIODS),
            Map.entry("Program.earnedValueSeries", EarnedValueQueryController.MAX_PERIODS),
            Map.entry("Portfolio.earnedValueSeries", EarnedValueQueryController.MAX_PERIODS),
            Map.entry("PortfolioDashboard.worstCostPerformance", EarnedValueQueryController.MAX_WORST),
            Map.entry("PortfolioDashboard.worstSchedulePerformance", EarnedValueQueryController.MAX_WORST),
            Map.entry("PortfolioHealth.disagreements", StatusReportQueryController.MAX_LISTED),
            Map.entry("HealthGroup.projects", StatusReportQueryController.MAX_LISTED),
            // name, description, acceptanceCriteria, plannedCost, plannedStart, plannedFinish
            Map.entry("ChangedDeliverable.fields", 6),
            Map.entry("Portfolio.topRisks", RiskQueryController.MAX_TOP),
            Map.entry("RiskHeatmap.cells", RiskQueryController.CELLS),
            Map.entry("RiskHeatmapCell.risks", RiskQueryController.MAX_CELL_RISKS),
            Map.entry("Risk.history", RiskQueryController.MAX_HISTORY));

    /** Lists of a page whose size is the parent field's {@code first} (as a connection's edges are). */
    static final Set<String> PAGED_BY_PARENT = Set.of("PortfolioUtilisation.resources",
            "PortfolioDashboard.worstCostPerformance", "PortfolioDashboard.worstSchedulePerformance");

    /** What a top-level field costs on top of its own cost. */
    static final long ROOT_FIELD = 100;

    /** A list of objects without a cap (there is none today; a test checks the schema). */
    static final int UNKNOWN_LIST = PageRequest.MAX_FIRST;

    @Override
    public int calculate(FieldComplexityEnvironment environment, int childComplexity) {
        return (int) Math.min(Integer.MAX_VALUE, cost(environment, childComplexity));
    }

    /** The cost of the field, given the summed cost of its selected sub-fields. */
    public long cost(FieldComplexityEnvironment environment, long childCost) {
        if (isIntrospection(environment)) {
            return Math.min(CEILING, 1 + childCost);
        }
        long items = items(environment);
        long multiplied = childCost == 0 ? 0 : (childCost > CEILING / items ? CEILING : items * childCost);
        long root = environment.getParentEnvironment() == null ? ROOT_FIELD : 0;
        return Math.min(CEILING, root + 1 + multiplied);
    }

    static boolean isIntrospection(FieldComplexityEnvironment environment) {
        for (FieldComplexityEnvironment e = environment; e != null; e = e.getParentEnvironment()) {
            if (e.getField().getName().startsWith("__")) {
                return true;
            }
        }
        return false;
    }

    private static long items(FieldComplexityEnvironment environment) {
        GraphQLFieldDefinition definition = environment.getFieldDefinition();
        if (isConnectionEdges(environment)) {
            return first(environment.getParentEnvironment().getArguments(), PageRequest.MAX_FIRST);
        }
        GraphQLType type = GraphQLTypeUtil.unwrapNonNull(definition.getType());
        if (!(type instanceof GraphQLList) || GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(type))) {
            return 1;
        }
        String coordinates = environment.getParentType().getName() + "." + definition.getName();
        int cap = CAPS.getOrDefault(coordinates, UNKNOWN_LIST);
        if (PAGED_BY_PARENT.contains(coordinates) && environment.getParentEnvironment() != null) {
            return first(environment.getParentEnvironment().getArguments(), cap);
        }
        return definition.getArgument("first") == null ? cap : first(environment.getArguments(), cap);
    }

    static boolean isConnectionEdges(FieldComplexityEnvironment environment) {
        return environment.getField().getName().equals("edges")
                && environment.getParentType().getName().endsWith("Connection")
                && environment.getParentEnvironment() != null;
    }

    /** {@code first} as the fetcher will take it: omitted or null is read as at most the cap, out of range is refused there. */
    private static long first(Map<String, Object> arguments, int cap) {
        Object first = arguments.get("first");
        if (!(first instanceof Number number)) {
            return cap;
        }
        return Math.max(1, Math.min(cap, number.longValue()));
    }
}
