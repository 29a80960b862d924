package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Replace a planned milestone of a proposed project (name, due date, linked deliverables). */
public record ReviseMilestoneCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        MilestoneId milestoneId,
        String name,
        LocalDate dueDate,
        List<DeliverableId> deliverableIds) implements PlanningCommand {

    public static final int MAX_LINKED_DELIVERABLES = 200;

    public ReviseMilestoneCommand {
        Checks.required(projectId, "projectId");
        Checks.required(milestoneId, "milestoneId");
        name = Checks.name(name, "name");
        Checks.date(dueDate, "dueDate");
        deliverableIds = deliverableIds == null ? List.of() : List.copyOf(deliverableIds);
        if (deliverableIds.size() > MAX_LINKED_DELIVERABLES) {
            throw Checks.invalid("a milestone may link at most " + MAX_LINKED_DELIVERABLES + " deliverables");
        }
        if (deliverableIds.stream().distinct().count() != deliverableIds.size()) {
            throw Checks.invalid("deliverableIds must not repeat a deliverable");
        }
    }

    public MilestonePlan plan() {
        return new MilestonePlan(milestoneId, name, dueDate, deliverableIds);
    }
}
