package dev.portfolioledger.command.resource;

import java.math.BigDecimal;
import java.time.LocalDate;

/** GraphQL {@code LogTimeInput}. */
public record LogTimeInput(String resourceId, String timeEntryId, String projectId, LocalDate date,
                           BigDecimal hours, String note, String reason) {
}
