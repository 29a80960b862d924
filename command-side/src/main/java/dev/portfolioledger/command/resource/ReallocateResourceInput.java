package dev.portfolioledger.command.resource;

import java.time.LocalDate;

/** GraphQL {@code ReallocateResourceInput}. */
public record ReallocateResourceInput(String resourceId, String allocationId, String fromProjectId,
                                      String toProjectId, int percent, LocalDate start, LocalDate end,
                                      String reason) {
}
