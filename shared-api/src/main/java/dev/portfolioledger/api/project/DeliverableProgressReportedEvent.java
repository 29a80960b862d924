package dev.portfolioledger.api.project;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A deliverable's percent complete was reported as of a status date; earned value (EV) is its
 * planned cost × this percent from that date on.
 *
 * @param previousPercent the percent of the report before, 0 for the first
 * @param reason          why the percent went down; null otherwise (optional)
 */
@Revision("1")
public record DeliverableProgressReportedEvent(
        ProjectId projectId,
        DeliverableId deliverableId,
        int percentComplete,
        int previousPercent,
        LocalDate reportedOn,
        String reason) implements ProjectEvent {
}
