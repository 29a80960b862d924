package dev.portfolioledger.api.changerequest;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

/** A change request's impact on cost, schedule and risk was assessed; it may now be decided. */
@Revision("1")
public record ChangeRequestAssessedEvent(
        ProjectId projectId,
        ChangeRequestId changeRequestId,
        Money costImpact,
        int scheduleImpactDays,
        String riskNotes,
        String assessedBy) implements ChangeRequestEvent {
}
