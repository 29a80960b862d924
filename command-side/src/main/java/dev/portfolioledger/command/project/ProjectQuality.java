package dev.portfolioledger.command.project;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.quality.AcceptDeliverableCommand;
import dev.portfolioledger.api.quality.AcceptanceCapacity;
import dev.portfolioledger.api.quality.AcceptanceReviewRequiredEvent;
import dev.portfolioledger.api.quality.DeliverableAcceptedEvent;
import dev.portfolioledger.api.quality.QualityReviewRecordedEvent;
import dev.portfolioledger.api.quality.RecordQualityReviewCommand;
import dev.portfolioledger.api.quality.RegisterStakeholderCommand;
import dev.portfolioledger.api.quality.RequireAcceptanceReviewCommand;
import dev.portfolioledger.api.quality.ReviewKind;
import dev.portfolioledger.api.quality.ReviewOutcome;
import dev.portfolioledger.api.quality.StakeholderDetails;
import dev.portfolioledger.api.quality.StakeholderDetailsRevisedEvent;
import dev.portfolioledger.api.quality.StakeholderId;
import dev.portfolioledger.api.quality.StakeholderRegisteredEvent;
import dev.portfolioledger.api.quality.UpdateStakeholderCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The stakeholders of a {@link Project} and the quality of its deliverables: the reviews they
 * passed or failed, which of them were accepted and which review kind acceptance needs. An entity
 * of the Project aggregate. The root guards the lifecycle and finds the deliverable in the current
 * scope (NOT_FOUND otherwise) before it asks here; the rules of acceptance are these:
 * <ul>
 *   <li>only the sponsor, or a stakeholder with the right to accept registered under the actor's
 *       user name, accepts (ACCEPTANCE_NOT_ENTITLED);</li>
 *   <li>the latest review of the required kind (UAT unless the plan chose another) must have
 *       PASSED: none, or a FAILED one after a pass, refuses (REVIEW_REQUIRED);</li>
 *   <li>a deliverable is accepted once (CONFLICT); a later FAILED review is recorded, and the
 *       acceptance stands (the views flag it).</li>
 * </ul>
 * Snapshots store this object's fields (hence the field visibility for Jackson).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class ProjectQuality {

    private ProjectId projectId;
    /** The kind of passed review acceptance needs. */
    private ReviewKind requiredReview = ReviewKind.UAT;
    /** Every registered stakeholder, in registration order. */
    private Map<StakeholderId, StakeholderDetails> stakeholders = new LinkedHashMap<>();
    /** Per deliverable, the outcome of its latest review of each kind. */
    private Map<DeliverableId, Map<ReviewKind, ReviewOutcome>> latestReviews = new HashMap<>();
    private Set<DeliverableId> accepted = new HashSet<>();

    // --- planning while PROPOSED (the root checks the status first) ---

    @CommandHandler
    void handle(RequireAcceptanceReviewCommand command) {
        apply(new AcceptanceReviewRequiredEvent(projectId, command.kind()));
    }

    // --- stakeholders (the root checks the project is open first) ---

    void register(RegisterStakeholderCommand command) {
        if (stakeholders.containsKey(command.stakeholderId())) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS, "Stakeholder " + command.stakeholderId()
                    + " already exists in project " + projectId + "; ids are never reused");
        }
        apply(new StakeholderRegisteredEvent(projectId, command.stakeholderId(), command.details()));
    }

    void update(UpdateStakeholderCommand command) {
        StakeholderDetails current = stakeholders.get(command.stakeholderId());
        if (current == null) {
            throw new RuleViolation(ErrorCode.NOT_FOUND,
                    "Project " + projectId + " has no stakeholder " + command.stakeholderId());
        }
        apply(new StakeholderDetailsRevisedEvent(projectId, command.stakeholderId(), command.details()));
    }

    // --- quality and acceptance of a deliverable of the current scope (the root found it) ---

    void recordReview(RecordQualityReviewCommand command, String actor) {
        apply(new QualityReviewRecordedEvent(projectId, command.deliverableId(), command.kind(), command.outcome(),
                command.findings(), command.reviewer(), actor));
    }

    void accept(AcceptDeliverableCommand command, String actor, String sponsor) {
        DeliverableId deliverableId = command.deliverableId();
        if (accepted.contains(deliverableId)) {
            throw new RuleViolation(ErrorCode.CONFLICT, "Deliverable " + deliverableId + " is accepted already");
        }
        Optional<StakeholderId> asStakeholder = requireEntitled(actor, sponsor);
        requirePassedReview(deliverableId);
        apply(new DeliverableAcceptedEvent(projectId, deliverableId, actor,
                asStakeholder.isEmpty() ? AcceptanceCapacity.SPONSOR : AcceptanceCapacity.STAKEHOLDER,
                asStakeholder.orElse(null), requiredReview, command.note()));
    }

    /**
     * One {@link ClosureBlocker#UNACCEPTED_DELIVERABLE} per deliverable of the current scope that is
     * not accepted, in the order given. Deliverables that an approved change request removed are not
     * in the current scope, so they do not block.
     *
     * @param currentDeliverables the deliverables of the current scope
     */
    List<ClosureBlocker> closureBlockers(Collection<DeliverableId> currentDeliverables) {
        List<ClosureBlocker> blockers = new ArrayList<>();
        for (DeliverableId deliverableId : currentDeliverables) {
            if (!accepted.contains(deliverableId)) {
                blockers.add(new ClosureBlocker(ClosureBlocker.UNACCEPTED_DELIVERABLE, deliverableId.toString(),
                        "Deliverable " + deliverableId + " is not accepted"));
            }
        }
        return blockers;
    }

    // --- named checks ---

    /** The sponsor accepts in their own right; anyone else must be an entitled stakeholder. */
    private Optional<StakeholderId> requireEntitled(String actor, String sponsor) {
        if (actor.equals(sponsor)) {
            return Optional.empty();
        }
        return Optional.of(stakeholders.entrySet().stream()
                .filter(s -> s.getValue().mayAcceptDeliverables() && actor.equals(s.getValue().username()))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new RuleViolation(ErrorCode.ACCEPTANCE_NOT_ENTITLED, "User " + actor
                        + " may not accept deliverables of project " + projectId
                        + ": only its sponsor or a stakeholder with the right to accept may")));
    }

    private void requirePassedReview(DeliverableId deliverableId) {
        ReviewOutcome latest = latestReviews.getOrDefault(deliverableId, Map.of()).get(requiredReview);
        if (latest == null) {
            throw new RuleViolation(ErrorCode.REVIEW_REQUIRED, "Deliverable " + deliverableId
                    + " has no " + requiredReview + " review yet; it needs a passed one before acceptance");
        }
        if (latest == ReviewOutcome.FAILED) {
            throw new RuleViolation(ErrorCode.REVIEW_REQUIRED, "The latest " + requiredReview
                    + " review of deliverable " + deliverableId + " FAILED; it needs a passed one before acceptance");
        }
    }

    // --- state ---

    @EventSourcingHandler
    void on(ProjectProposedEvent event) {
        projectId = event.projectId();
    }

    @EventSourcingHandler
    void on(AcceptanceReviewRequiredEvent event) {
        requiredReview = event.kind();
    }

    @EventSourcingHandler
    void on(StakeholderRegisteredEvent event) {
        stakeholders.put(event.stakeholderId(), event.details());
    }

    @EventSourcingHandler
    void on(StakeholderDetailsRevisedEvent event) {
        stakeholders.put(event.stakeholderId(), event.details());
    }

    @EventSourcingHandler
    void on(QualityReviewRecordedEvent event) {
        latestReviews.computeIfAbsent(event.deliverableId(), k -> new HashMap<>()).put(event.kind(), event.outcome());
    }

    @EventSourcingHandler
    void on(DeliverableAcceptedEvent event) {
        accepted.add(event.deliverableId());
    }
}
