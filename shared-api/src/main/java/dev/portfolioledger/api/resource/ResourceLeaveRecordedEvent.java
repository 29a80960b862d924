package dev.portfolioledger.api.resource;

import org.axonframework.serialization.Revision;

/** The resource is on leave over the period; leave counts as fully allocated. */
@Revision("1")
public record ResourceLeaveRecordedEvent(
        ResourceId resourceId,
        LeaveId leaveId,
        Period period,
        String reason) implements ResourceEvent {
}
