package dev.portfolioledger.api.project;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The objectives of a proposed project were (re)defined. */
@Revision("1")
public record ProjectObjectivesDefinedEvent(ProjectId projectId, List<String> objectives) implements ProjectEvent {
}
