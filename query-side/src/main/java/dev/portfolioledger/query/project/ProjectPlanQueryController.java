package dev.portfolioledger.query.project;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.ProjectId;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The plan of a project: deliverables, milestones, budget, objectives and baseline version. Every
 * list is read for all projects (or milestones) of a request at once, one query per field.
 */
@Controller
public class ProjectPlanQueryController {

    private final ProjectPlans plans;

    public ProjectPlanQueryController(ProjectPlans plans) {
        this.plans = plans;
    }

    @BatchMapping(typeName = "Project", field = "deliverables")
    public Map<ProjectView, List<DeliverablePlan>> deliverables(List<ProjectView> projectList) {
        var found = plans.deliverablesOf(ids(projectList));
        return projectList.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), p -> found.get(p.id())));
    }

    @BatchMapping(typeName = "Project", field = "milestones")
    public Map<ProjectView, List<ProjectMilestone>> milestones(List<ProjectView> projectList) {
        var found = plans.milestonesOf(ids(projectList));
        return projectList.stream().distinct().collect(Collectors.toMap(Function.identity(), p -> found.get(p.id())
                .stream().map(m -> ProjectMilestone.of(p.id(), m)).toList()));
    }

    @BatchMapping(typeName = "Project", field = "budget")
    public Map<ProjectView, Budget> budget(List<ProjectView> projectList) {
        var found = plans.budgetsOf(ids(projectList));
        return projectList.stream().distinct().filter(p -> found.containsKey(p.id()))
                .collect(Collectors.toMap(Function.identity(), p -> found.get(p.id())));
    }

    @BatchMapping(typeName = "Project", field = "objectives")
    public Map<ProjectView, List<String>> objectives(List<ProjectView> projectList) {
        var found = plans.objectivesOf(ids(projectList));
        return projectList.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), p -> found.getOrDefault(p.id(), List.of())));
    }

    @BatchMapping(typeName = "Project", field = "baselineVersion")
    public Map<ProjectView, Integer> baselineVersion(List<ProjectView> projectList) {
        var found = plans.baselineVersionsOf(ids(projectList));
        // a project without a baseline is left out, which GraphQL answers with null
        Map<ProjectView, Integer> versions = new HashMap<>();
        projectList.stream().filter(p -> found.containsKey(p.id())).forEach(p -> versions.put(p, found.get(p.id())));
        return versions;
    }

    /** A milestone's deliverables in the order they were linked, read for all milestones of the batch at once. */
    @BatchMapping(typeName = "Milestone", field = "deliverables")
    public Map<ProjectMilestone, List<DeliverablePlan>> milestoneDeliverables(List<ProjectMilestone> milestoneList) {
        var found = plans.deliverablesOf(milestoneList.stream().map(ProjectMilestone::projectId).distinct().toList());
        return milestoneList.stream().distinct().collect(Collectors.toMap(Function.identity(), m -> {
            Map<DeliverableId, DeliverablePlan> byId = found.get(m.projectId()).stream()
                    .collect(Collectors.toMap(DeliverablePlan::deliverableId, Function.identity()));
            return m.deliverableIds().stream().map(byId::get).filter(Objects::nonNull).toList();
        }));
    }

    @SchemaMapping(typeName = "Deliverable", field = "id")
    public String deliverableId(DeliverablePlan deliverable) {
        return deliverable.deliverableId().toString();
    }

    @SchemaMapping(typeName = "Milestone", field = "id")
    public String milestoneId(ProjectMilestone milestone) {
        return milestone.id().toString();
    }

    @SchemaMapping(typeName = "Money", field = "currency")
    public String currency(Money money) {
        return money.currency().getCurrencyCode();
    }

    private static List<ProjectId> ids(List<ProjectView> projectList) {
        return projectList.stream().map(ProjectView::id).distinct().toList();
    }
}
