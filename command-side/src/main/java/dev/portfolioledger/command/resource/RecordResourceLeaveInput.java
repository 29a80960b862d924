package dev.portfolioledger.command.resource;

import java.time.LocalDate;

/** GraphQL {@code RecordResourceLeaveInput}. */
public record RecordResourceLeaveInput(String resourceId, String leaveId, LocalDate start, LocalDate end,
                                       String reason) {
}
