package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record leave over a period; it counts as fully allocated. */
public record RecordResourceLeaveCommand(
        @TargetAggregateIdentifier ResourceId resourceId,
        LeaveId leaveId,
        Period period,
        String reason) {

    public RecordResourceLeaveCommand {
        Checks.required(resourceId, "resourceId");
        Checks.required(leaveId, "leaveId");
        Period.checked(period, "period");
        reason = Checks.reason(reason);
    }
}
