package dev.portfolioledger.api.project;

import org.axonframework.serialization.Revision;

/** A planned milestone was dropped from a proposed project. */
@Revision("1")
public record MilestoneRemovedEvent(ProjectId projectId, MilestoneId milestoneId) implements ProjectEvent {
}
