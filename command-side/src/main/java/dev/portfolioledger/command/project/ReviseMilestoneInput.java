package dev.portfolioledger.command.project;

import java.time.LocalDate;
import java.util.List;

/** GraphQL {@code ReviseMilestoneInput}: the complete new plan, not a patch. */
public record ReviseMilestoneInput(String projectId, String milestoneId, String name, LocalDate dueDate,
                                   List<String> deliverableIds, String reason) {
}
