package dev.portfolioledger.api.risk;

import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A risk was put on a project's register, OPEN, with its first assessment (exposure =
 * probability × impact). Who identified it is the event's actor.
 *
 * @param description  null when none was given
 * @param responsePlan null when none was given
 */
@Revision("1")
public record RiskIdentifiedEvent(
        ProjectId projectId,
        RiskId riskId,
        String title,
        String description,
        String category,
        int probability,
        int impact,
        String owner,
        RiskResponse response,
        String responsePlan,
        LocalDate reviewDate) implements RiskEvent {
}
