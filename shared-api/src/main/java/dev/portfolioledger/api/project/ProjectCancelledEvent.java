package dev.portfolioledger.api.project;

import org.axonframework.serialization.Revision;

/** An open project was cancelled; previousStatus is the state it was cancelled from. */
@Revision("1")
public record ProjectCancelledEvent(ProjectId projectId, ProjectStatus previousStatus, String reason)
        implements ProjectEvent {
}
