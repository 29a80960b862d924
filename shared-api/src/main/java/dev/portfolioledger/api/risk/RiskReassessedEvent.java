package dev.portfolioledger.api.risk;

import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An open risk was rated again. The event carries the ratings before and after, so the risk's
 * history needs no lookup; who reassessed it is the event's actor.
 *
 * @param reviewDate the review date from now on (the previous one when the reassessment kept it)
 */
@Revision("1")
public record RiskReassessedEvent(
        ProjectId projectId,
        RiskId riskId,
        int previousProbability,
        int previousImpact,
        int probability,
        int impact,
        String reason,
        LocalDate reviewDate) implements RiskEvent {
}
