package dev.portfolioledger.command.resource;

/** GraphQL {@code ReverseTimeLogInput}. */
public record ReverseTimeLogInput(String resourceId, String timeEntryId, String reason) {
}
