package dev.portfolioledger.api.project;

import org.axonframework.serialization.Revision;

/** A deliverable was planned for a proposed project. */
@Revision("1")
public record DeliverableAddedEvent(ProjectId projectId, DeliverablePlan deliverable) implements ProjectEvent {
}
