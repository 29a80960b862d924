package dev.portfolioledger.query.quality;

import dev.portfolioledger.api.quality.AcceptanceCapacity;
import dev.portfolioledger.api.quality.ReviewKind;
import dev.portfolioledger.api.quality.StakeholderId;

import java.time.Instant;

/**
 * The acceptance of a deliverable.
 *
 * @param stakeholderId         the stakeholder the user accepted as; null for the sponsor
 * @param review                the kind of passed review the acceptance rests on
 * @param note                  null if none
 * @param acceptedAt            record time of the acceptance
 * @param failedAfterAcceptance whether a FAILED review was recorded after it (the acceptance stands)
 */
public record AcceptanceView(String acceptedBy, AcceptanceCapacity capacity, StakeholderId stakeholderId,
                             ReviewKind review, String note, Instant acceptedAt, boolean failedAfterAcceptance) {

    AcceptanceView withFailedReview() {
        return new AcceptanceView(acceptedBy, capacity, stakeholderId, review, note, acceptedAt, true);
    }
}
