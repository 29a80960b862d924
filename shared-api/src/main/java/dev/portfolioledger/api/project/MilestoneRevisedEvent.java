package dev.portfolioledger.api.project;

import org.axonframework.serialization.Revision;

/** A planned milestone of a proposed project was replaced by a new plan. */
@Revision("1")
public record MilestoneRevisedEvent(ProjectId projectId, MilestonePlan milestone) implements ProjectEvent {
}
