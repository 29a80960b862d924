package dev.portfolioledger.api.project;

import org.axonframework.serialization.Revision;

/** An approved project was started. */
@Revision("1")
public record ProjectStartedEvent(ProjectId projectId) implements ProjectEvent {
}
