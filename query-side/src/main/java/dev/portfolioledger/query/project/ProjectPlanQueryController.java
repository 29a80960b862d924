package dev.portfolioledger.query.project;

import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.query.instant.AsOfReads;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The plan of a project: deliverables, milestones, budget, objectives and baseline version. Live,
 * every list is read for all projects (or milestones) of a request at once, one query per field,
 * through named data loaders; as of a past instant, from the request's {@link ProjectsAsOf}.
 */
@Controller
public class ProjectPlanQueryController {

    /** The most deliverables and milestones Project lists (see the query cost limit). */
    public static final int MAX_LISTED_DELIVERABLES = 500;
    public static final int MAX_LISTED_MILESTONES = 100;

    static final String DELIVERABLES_LOADER = "projectDeliverables";
    static final String MILESTONES_LOADER = "projectMilestones";
    static final String BUDGET_LOADER = "projectBudget";
    static final String OBJECTIVES_LOADER = "projectObjectives";
    static final String BASELINE_VERSION_LOADER = "projectBaselineVersion";
    static final String MILESTONE_DELIVERABLES_LOADER = "milestoneDeliverables";

    private final ProjectPlans plans;

    public ProjectPlanQueryController(ProjectPlans plans, BatchLoaderRegistry batchLoaders) {
        this.plans = plans;
        register(batchLoaders, DELIVERABLES_LOADER, this::deliverablesOf);
        register(batchLoaders, MILESTONES_LOADER, this::milestonesOf);
        register(batchLoaders, BUDGET_LOADER, this::budgetsOf);
        register(batchLoaders, OBJECTIVES_LOADER, this::objectivesOf);
        register(batchLoaders, BASELINE_VERSION_LOADER, this::baselineVersionsOf);
        register(batchLoaders, MILESTONE_DELIVERABLES_LOADER, this::milestoneDeliverablesOf);
    }

    @SchemaMapping(typeName = "Project", field = "deliverables")
    public CompletableFuture<List<DeliverablePlan>> deliverables(ProjectView project, DataFetchingEnvironment env) {
        return asOfOrLoad(env, DELIVERABLES_LOADER, project, p -> planOf(p, project).deliverables())
                .thenApply(list -> atMost(list, MAX_LISTED_DELIVERABLES));
    }

    @SchemaMapping(typeName = "Project", field = "milestones")
    public CompletableFuture<List<ProjectMilestone>> milestones(ProjectView project, DataFetchingEnvironment env) {
        return asOfOrLoad(env, MILESTONES_LOADER, project, p -> planOf(p, project).milestones().stream()
                .map(m -> ProjectMilestone.of(project.id(), m)).toList())
                .thenApply(list -> atMost(list, MAX_LISTED_MILESTONES));
    }

    /**
     * The query cost limit counts a list by the most items it can hold; a plan has no such bound of
     * its own, so the listing sets one, far above any real plan.
     */
    private static <T> List<T> atMost(List<T> list, int max) {
        return list.size() <= max ? list : list.subList(0, max);
    }

    @SchemaMapping(typeName = "Project", field = "budget")
    public CompletableFuture<Budget> budget(ProjectView project, DataFetchingEnvironment env) {
        return asOfOrLoad(env, BUDGET_LOADER, project, p -> p.budget(project.id()));
    }

    @SchemaMapping(typeName = "Project", field = "objectives")
    public CompletableFuture<List<String>> objectives(ProjectView project, DataFetchingEnvironment env) {
        return asOfOrLoad(env, OBJECTIVES_LOADER, project, p -> planOf(p, project).objectives());
    }

    @SchemaMapping(typeName = "Project", field = "baselineVersion")
    public CompletableFuture<Integer> baselineVersion(ProjectView project, DataFetchingEnvironment env) {
        return asOfOrLoad(env, BASELINE_VERSION_LOADER, project, p -> planOf(p, project).baselineVersion());
    }

    @SchemaMapping(typeName = "Milestone", field = "deliverables")
    public CompletableFuture<List<DeliverablePlan>> milestoneDeliverables(ProjectMilestone milestone,
                                                                          DataFetchingEnvironment env) {
        return asOfOrLoad(env, MILESTONE_DELIVERABLES_LOADER, milestone, p -> {
            ProjectPlan plan = p.plan(milestone.projectId());
            return linked(milestone, plan == null ? List.of() : plan.deliverables());
        });
    }

    /** The field from the request's point in time when it has one, else from the live views through the loader. */
    private static <K, V> CompletableFuture<V> asOfOrLoad(DataFetchingEnvironment env, String loader, K source,
                                                          Function<ProjectsAsOf, V> asOf) {
        ProjectsAsOf past = AsOfReads.of(env, ProjectsAsOf.class);
        if (past != null) {
            return CompletableFuture.completedFuture(asOf.apply(past));
        }
        DataLoader<K, V> dataLoader = env.getDataLoader(loader);
        return dataLoader.load(source);
    }

    /** The project's plan at the point in time; a project with a view has a plan, folded from the same events. */
    private static ProjectPlan planOf(ProjectsAsOf past, ProjectView project) {
        ProjectPlan plan = past.plan(project.id());
        return plan == null ? ProjectPlan.empty(project.id()) : plan;
    }

    private static <K, V> void register(BatchLoaderRegistry registry, String name, Function<List<K>, Map<K, V>> batch) {
        registry.<K, V>forName(name)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> batch.apply(List.copyOf(keys))));
    }

    Map<ProjectView, List<DeliverablePlan>> deliverablesOf(List<ProjectView> projectList) {
        var found = plans.deliverablesOf(ids(projectList));
        return projectList.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), p -> found.get(p.id())));
    }

    Map<ProjectView, List<ProjectMilestone>> milestonesOf(List<ProjectView> projectList) {
        var found = plans.milestonesOf(ids(projectList));
        return projectList.stream().distinct().collect(Collectors.toMap(Function.identity(), p -> found.get(p.id())
                .stream().map(m -> ProjectMilestone.of(p.id(), m)).toList()));
    }

    Map<ProjectView, Budget> budgetsOf(List<ProjectView> projectList) {
        var found = plans.budgetsOf(ids(projectList));
        return projectList.stream().distinct().filter(p -> found.containsKey(p.id()))
                .collect(Collectors.toMap(Function.identity(), p -> found.get(p.id())));
    }

    Map<ProjectView, List<String>> objectivesOf(List<ProjectView> projectList) {
        var found = plans.objectivesOf(ids(projectList));
        return projectList.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), p -> found.getOrDefault(p.id(), List.of())));
    }

    Map<ProjectView, Integer> baselineVersionsOf(List<ProjectView> projectList) {
        var found = plans.baselineVersionsOf(ids(projectList));
        // a project without a baseline is left out, which GraphQL answers with null
        Map<ProjectView, Integer> versions = new HashMap<>();
        projectList.stream().filter(p -> found.containsKey(p.id())).forEach(p -> versions.put(p, found.get(p.id())));
        return versions;
    }

    /** A milestone's deliverables in the order they were linked, read for all milestones of the batch at once. */
    Map<ProjectMilestone, List<DeliverablePlan>> milestoneDeliverablesOf(List<ProjectMilestone> milestoneList) {
        var found = plans.deliverablesOf(milestoneList.stream().map(ProjectMilestone::projectId).distinct().toList());
        return milestoneList.stream().distinct().collect(Collectors.toMap(Function.identity(),
                m -> linked(m, found.get(m.projectId()))));
    }

    private static List<DeliverablePlan> linked(ProjectMilestone milestone, List<DeliverablePlan> deliverables) {
        Map<DeliverableId, DeliverablePlan> byId = deliverables.stream()
                .collect(Collectors.toMap(DeliverablePlan::deliverableId, Function.identity()));
        return milestone.deliverableIds().stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static List<ProjectId> ids(List<ProjectView> projectList) {
        return projectList.stream().map(ProjectView::id).distinct().toList();
    }
}
