package dev.portfolioledger.query.quality;

import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.quality.AcceptanceReviewRequiredEvent;
import dev.portfolioledger.api.quality.DeliverableAcceptedEvent;
import dev.portfolioledger.api.quality.QualityReviewRecordedEvent;
import dev.portfolioledger.api.quality.ReviewKind;
import dev.portfolioledger.api.quality.ReviewOutcome;
import dev.portfolioledger.api.quality.StakeholderDetailsRevisedEvent;
import dev.portfolioledger.api.quality.StakeholderId;
import dev.portfolioledger.api.quality.StakeholderRegisteredEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The stakeholders of a project and the quality of its deliverables, as its events make them. The
 * {@code on} methods are pure, so a past view is the same fold over fewer events. An event that does
 * not fit (a stakeholder registered twice, one revised that is not registered, a deliverable
 * accepted twice) means an event was lost or applied twice: it fails loudly.
 *
 * @param requiredReview the kind of passed review acceptance needs
 * @param stakeholders   in registration order
 * @param deliverables   every deliverable something was recorded about (removed ones included), in the order
 *                       of their first review
 */
public record ProjectQualityView(ProjectId projectId, ReviewKind requiredReview, List<StakeholderView> stakeholders,
                                 List<DeliverableQuality> deliverables) {

    public ProjectQualityView {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(requiredReview, "requiredReview");
        stakeholders = List.copyOf(stakeholders);
        deliverables = List.copyOf(deliverables);
    }

    /** The view of a project that was just proposed. */
    public static ProjectQualityView empty(ProjectId projectId) {
        return new ProjectQualityView(projectId, ReviewKind.UAT, List.of(), List.of());
    }

    /** What was recorded about the deliverable; nothing when nothing was. */
    public DeliverableQuality deliverable(DeliverableId deliverableId) {
        return deliverables.stream().filter(d -> d.deliverableId().equals(deliverableId)).findFirst()
                .orElse(DeliverableQuality.none(deliverableId));
    }

    public ProjectQualityView on(AcceptanceReviewRequiredEvent e) {
        return new ProjectQualityView(projectId, e.kind(), stakeholders, deliverables);
    }

    public ProjectQualityView on(StakeholderRegisteredEvent e, Instant at) {
        if (indexOf(e.stakeholderId()) >= 0) {
            throw mismatch(e, "stakeholder " + e.stakeholderId() + " is registered already");
        }
        List<StakeholderView> registered = new ArrayList<>(stakeholders);
        registered.add(new StakeholderView(e.stakeholderId(), e.details(), at, null));
        return new ProjectQualityView(projectId, requiredReview, registered, deliverables);
    }

    public ProjectQualityView on(StakeholderDetailsRevisedEvent e, Instant at) {
        int index = indexOf(e.stakeholderId());
        if (index < 0) {
            throw mismatch(e, "stakeholder " + e.stakeholderId() + " is not registered");
        }
        List<StakeholderView> revised = new ArrayList<>(stakeholders);
        revised.set(index, new StakeholderView(e.stakeholderId(), e.details(), stakeholders.get(index).registeredAt(),
                at));
        return new ProjectQualityView(projectId, requiredReview, revised, deliverables);
    }

    /** A FAILED review of an accepted deliverable flags the acceptance, which stands. */
    public ProjectQualityView on(QualityReviewRecordedEvent e, Instant at) {
        DeliverableQuality before = deliverable(e.deliverableId());
        AcceptanceView acceptance = before.acceptance();
        List<QualityReviewView> reviews = new ArrayList<>(before.reviews());
        reviews.add(new QualityReviewView(e.kind(), e.outcome(), e.findings(), e.reviewer(), e.recordedBy(), at,
                acceptance != null));
        if (acceptance != null && e.outcome() == ReviewOutcome.FAILED) {
            acceptance = acceptance.withFailedReview();
        }
        return with(new DeliverableQuality(e.deliverableId(), reviews, acceptance));
    }

    public ProjectQualityView on(DeliverableAcceptedEvent e, Instant at) {
        DeliverableQuality before = deliverable(e.deliverableId());
        if (before.acceptance() != null) {
            throw mismatch(e, "deliverable " + e.deliverableId() + " is accepted already");
        }
        return with(new DeliverableQuality(e.deliverableId(), before.reviews(), new AcceptanceView(e.acceptedBy(),
                e.capacity(), e.stakeholderId(), e.review(), e.note(), at, false)));
    }

    private ProjectQualityView with(DeliverableQuality changed) {
        List<DeliverableQuality> all = new ArrayList<>(deliverables);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).deliverableId().equals(changed.deliverableId())) {
                all.set(i, changed);
                return new ProjectQualityView(projectId, requiredReview, stakeholders, all);
            }
        }
        all.add(changed);
        return new ProjectQualityView(projectId, requiredReview, stakeholders, all);
    }

    private int indexOf(StakeholderId id) {
        for (int i = 0; i < stakeholders.size(); i++) {
            if (stakeholders.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private IllegalStateException mismatch(Object event, String why) {
        return new IllegalStateException("Cannot apply " + event.getClass().getSimpleName()
                + " to the quality view of project " + projectId + ": " + why);
    }
}
