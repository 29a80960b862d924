package dev.portfolioledger.query.quality;

import dev.portfolioledger.api.project.DeliverableId;

import java.util.List;
import java.util.Objects;

/**
 * The reviews and the acceptance of one deliverable of a project.
 *
 * @param reviews    oldest first
 * @param acceptance null while it is not accepted
 */
public record DeliverableQuality(DeliverableId deliverableId, List<QualityReviewView> reviews,
                                 AcceptanceView acceptance) {

    /** The quality of a deliverable nothing was recorded about. */
    public static DeliverableQuality none(DeliverableId deliverableId) {
        return new DeliverableQuality(deliverableId, List.of(), null);
    }

    public DeliverableQuality {
        Objects.requireNonNull(deliverableId, "deliverableId");
        reviews = List.copyOf(reviews);
    }
}
