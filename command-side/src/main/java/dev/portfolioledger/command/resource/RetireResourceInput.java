package dev.portfolioledger.command.resource;

import java.time.LocalDate;

/** GraphQL {@code RetireResourceInput}. */
public record RetireResourceInput(String resourceId, LocalDate retiredFrom, String reason) {
}
