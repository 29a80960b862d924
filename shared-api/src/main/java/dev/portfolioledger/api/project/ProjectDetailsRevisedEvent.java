package dev.portfolioledger.api.project;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A proposed project's details were revised by its planners. */
@Revision("1")
public record ProjectDetailsRevisedEvent(
        ProjectId projectId,
        String name,
        String description,
        String manager,
        String sponsor,
        Methodology methodology,
        LocalDate plannedStart,
        LocalDate plannedFinish) implements ProjectEvent {
}
