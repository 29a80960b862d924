package dev.portfolioledger.command.resource;

import java.time.LocalDate;

/** GraphQL {@code ChangeResourceCapacityInput}. */
public record ChangeResourceCapacityInput(String resourceId, int capacityPercent, LocalDate effectiveFrom,
                                          String reason) {
}
