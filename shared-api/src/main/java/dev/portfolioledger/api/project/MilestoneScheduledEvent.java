package dev.portfolioledger.api.project;

import org.axonframework.serialization.Revision;

/** A milestone was planned for a proposed project. */
@Revision("1")
public record MilestoneScheduledEvent(ProjectId projectId, MilestonePlan milestone) implements ProjectEvent {
}
