package dev.portfolioledger.api.project;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A deliverable is now expected to finish on a new date; with its planned finish this gives its
 * forecast schedule variance in days.
 */
@Revision("1")
public record DeliverableFinishForecastEvent(
        ProjectId projectId,
        DeliverableId deliverableId,
        LocalDate plannedFinish,
        LocalDate expectedFinish,
        String reason) implements ProjectEvent {
}
