package dev.portfolioledger.api.project;

import org.axonframework.serialization.Revision;

/** A planned deliverable of a proposed project was replaced by a new plan. */
@Revision("1")
public record DeliverableRevisedEvent(ProjectId projectId, DeliverablePlan deliverable) implements ProjectEvent {
}
