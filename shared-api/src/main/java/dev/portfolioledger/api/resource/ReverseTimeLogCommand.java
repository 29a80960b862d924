package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reverse a time log entry (the ledger keeps it and records the reversal). */
public record ReverseTimeLogCommand(
        @TargetAggregateIdentifier ResourceId resourceId,
        TimeEntryId timeEntryId,
        String reason) {

    public ReverseTimeLogCommand {
        Checks.required(resourceId, "resourceId");
        Checks.required(timeEntryId, "timeEntryId");
        reason = Checks.text(reason, "reason", Checks.REASON_MAX);
    }
}
