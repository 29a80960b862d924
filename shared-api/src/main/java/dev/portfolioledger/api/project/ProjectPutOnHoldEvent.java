package dev.portfolioledger.api.project;

import org.axonframework.serialization.Revision;

/** An active project was put on hold. */
@Revision("1")
public record ProjectPutOnHoldEvent(ProjectId projectId) implements ProjectEvent {
}
