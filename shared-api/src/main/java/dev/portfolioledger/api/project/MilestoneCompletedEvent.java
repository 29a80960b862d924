package dev.portfolioledger.api.project;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A milestone was reached on its actual date; with its due date this gives the milestone's
 * schedule variance in days.
 */
@Revision("1")
public record MilestoneCompletedEvent(
        ProjectId projectId,
        MilestoneId milestoneId,
        LocalDate dueDate,
        LocalDate actualDate) implements ProjectEvent {
}
