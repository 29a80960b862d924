package dev.portfolioledger.api.project;

import org.axonframework.serialization.Revision;

/** A project on hold was resumed. */
@Revision("1")
public record ProjectResumedEvent(ProjectId projectId) implements ProjectEvent {
}
