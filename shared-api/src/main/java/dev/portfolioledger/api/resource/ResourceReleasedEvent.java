package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An allocation ends the day before releasedFrom; remaining is what is left of its period, null
 * when it was released entirely.
 */
@Revision("1")
public record ResourceReleasedEvent(
        ResourceId resourceId,
        AllocationId allocationId,
        ProjectId projectId,
        LocalDate releasedFrom,
        Period remaining,
        String reason) implements ResourceEvent {
}
