package dev.portfolioledger.api.project;

import org.axonframework.serialization.Revision;

/** A planned deliverable was dropped from a proposed project; milestones no longer refer to it. */
@Revision("1")
public record DeliverableRemovedEvent(ProjectId projectId, DeliverableId deliverableId) implements ProjectEvent {
}
