package dev.portfolioledger.command.resource;

import java.time.LocalDate;

/** GraphQL {@code AllocateResourceInput}; a null allowOverallocation means false. */
public record AllocateResourceInput(String resourceId, String allocationId, String projectId, int percent,
                                    LocalDate start, LocalDate end, Boolean allowOverallocation, String reason) {
}
