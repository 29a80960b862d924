package dev.portfolioledger.command.quality;

import dev.portfolioledger.api.quality.ReviewKind;
import dev.portfolioledger.api.quality.ReviewOutcome;

/** GraphQL {@code RecordQualityReviewInput}. */
public record RecordQualityReviewInput(String projectId, String deliverableId, ReviewKind kind, ReviewOutcome outcome,
                                       String findings, String reviewer, String reason) {
}
