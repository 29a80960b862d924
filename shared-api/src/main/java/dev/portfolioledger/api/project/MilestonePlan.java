package dev.portfolioledger.api.project;

import java.time.LocalDate;
import java.util.List;

/** A milestone as planned: its due date and the deliverables it marks (part of a baseline). */
public record MilestonePlan(MilestoneId milestoneId, String name, LocalDate dueDate, List<DeliverableId> deliverableIds) {

    public MilestonePlan {
        deliverableIds = deliverableIds == null ? List.of() : List.copyOf(deliverableIds);
    }
}
