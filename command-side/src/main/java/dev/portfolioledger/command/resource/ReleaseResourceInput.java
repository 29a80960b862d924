package dev.portfolioledger.command.resource;

import java.time.LocalDate;

/** GraphQL {@code ReleaseResourceInput}. */
public record ReleaseResourceInput(String resourceId, String allocationId, LocalDate releaseFrom, String reason) {
}
