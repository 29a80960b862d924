package dev.portfolioledger.query.quality;

import dev.portfolioledger.api.quality.ReviewKind;
import dev.portfolioledger.api.quality.ReviewOutcome;

import java.time.Instant;

/**
 * A quality review of a deliverable, as recorded.
 *
 * @param findings        null if nothing was noted
 * @param recordedBy      the user who recorded it
 * @param recordedAt      record time of the review
 * @param afterAcceptance whether the deliverable was accepted already when the review was recorded
 */
public record QualityReviewView(ReviewKind kind, ReviewOutcome outcome, String findings, String reviewer,
                                String recordedBy, Instant recordedAt, boolean afterAcceptance) {
}
