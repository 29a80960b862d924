package dev.portfolioledger.command.project;

import java.time.LocalDate;
import java.util.List;

/** GraphQL {@code ScheduleMilestoneInput}; deliverableIds is null when the client sends none. */
public record ScheduleMilestoneInput(String projectId, String milestoneId, String name, LocalDate dueDate,
                                     List<String> deliverableIds, String reason) {
}
