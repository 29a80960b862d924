package dev.portfolioledger.api.changerequest;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record the impact of a submitted change request: cost (negative when it saves money), schedule
 * in days (negative when it brings the finish forward) and risk notes. The assessor is the actor.
 */
public record AssessChangeRequestCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        ChangeRequestId changeRequestId,
        Money costImpact,
        int scheduleImpactDays,
        String riskNotes) implements ChangeRequestDecisionCommand {

    /** About ten years either way; anything beyond is a typing error. */
    public static final int MAX_SCHEDULE_IMPACT_DAYS = 3660;

    public AssessChangeRequestCommand {
        Checks.required(projectId, "projectId");
        Checks.required(changeRequestId, "changeRequestId");
        costImpact = Checks.money(costImpact, "costImpact");
        // Not Math.abs: it leaves Integer.MIN_VALUE negative, which let -2147483648 through.
        if (scheduleImpactDays < -MAX_SCHEDULE_IMPACT_DAYS || scheduleImpactDays > MAX_SCHEDULE_IMPACT_DAYS) {
            throw Checks.invalid("scheduleImpactDays must be between -" + MAX_SCHEDULE_IMPACT_DAYS + " and "
                    + MAX_SCHEDULE_IMPACT_DAYS);
        }
        riskNotes = Checks.optionalText(riskNotes, "riskNotes", Checks.TEXT_MAX);
    }
}
