package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.resource.LeaveId;
import dev.portfolioledger.api.resource.Period;

import java.time.LocalDate;

/** A recorded leave of a resource, first and last day included; leave counts as fully allocated. */
public record ResourceLeave(LeaveId leaveId, LocalDate start, LocalDate end, String reason) {

    public Period period() {
        return new Period(start, end);
    }
}
