package dev.portfolioledger.api.project;

import org.axonframework.serialization.Revision;

/** A proposed project was approved. */
@Revision("1")
public record ProjectApprovedEvent(ProjectId projectId) implements ProjectEvent {
}
