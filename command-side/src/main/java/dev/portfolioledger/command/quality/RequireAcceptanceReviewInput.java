package dev.portfolioledger.command.quality;

import dev.portfolioledger.api.quality.ReviewKind;

/** GraphQL {@code RequireAcceptanceReviewInput}. */
public record RequireAcceptanceReviewInput(String projectId, ReviewKind kind, String reason) {
}
