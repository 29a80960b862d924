package dev.portfolioledger.query.project;

import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.MilestonePlan;
import dev.portfolioledger.api.project.ProjectId;

import java.time.LocalDate;
import java.util.List;

/**
 * A milestone as GraphQL shows it. It carries its project so that the deliverables of a batch of
 * milestones are read with one query scoped to their projects.
 */
public record ProjectMilestone(ProjectId projectId, MilestoneId id, String name, LocalDate dueDate,
                               List<DeliverableId> deliverableIds) {

    public ProjectMilestone {
        deliverableIds = List.copyOf(deliverableIds);
    }

    public static ProjectMilestone of(ProjectId projectId, MilestonePlan plan) {
        return new ProjectMilestone(projectId, plan.milestoneId(), plan.name(), plan.dueDate(), plan.deliverableIds());
    }
}
