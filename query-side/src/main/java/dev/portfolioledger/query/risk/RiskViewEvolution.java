package dev.portfolioledger.query.risk;

import dev.portfolioledger.api.risk.RiskClosedEvent;
import dev.portfolioledger.api.risk.RiskIdentifiedEvent;
import dev.portfolioledger.api.risk.RiskMitigationStartedEvent;
import dev.portfolioledger.api.risk.RiskOccurredEvent;
import dev.portfolioledger.api.risk.RiskReassessedEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A risk's view and its history entries as a left fold over the risk's events: what the live
 * projection applies ({@link RiskRows}) and what a test folds the stored stream through to check
 * the rows it wrote.
 */
public final class RiskViewEvolution {

    private RiskViewEvolution() {
    }

    /**
     * The view after {@code event}, decided at {@code at} by {@code actor}; other events leave
     * {@code before} as it is.
     *
     * @param portfolioId the risk's project's portfolio
     * @throws IllegalStateException when a change arrives for a risk that has no view: applying it
     *                               to nothing would hide a lost identification
     */
    public static RiskView apply(RiskView before, Object event, Instant at, String actor, UUID portfolioId) {
        if (event instanceof RiskIdentifiedEvent e) {
            return new RiskView(e.riskId().value(), e.projectId().value(), portfolioId, e.title(), e.description(),
                    e.category(), e.probability(), e.impact(), e.owner(), e.response().name(), e.responsePlan(),
                    e.reviewDate(), RiskView.OPEN, at, actor, at, null, null, null);
        }
        if (event instanceof RiskReassessedEvent e) {
            return existing(before, event).reassessed(e.probability(), e.impact(), e.reviewDate());
        }
        if (event instanceof RiskMitigationStartedEvent) {
            return existing(before, event).moved(RiskView.MITIGATING, at, null, null, null);
        }
        if (event instanceof RiskClosedEvent e) {
            return existing(before, event).moved(RiskView.CLOSED, at, e.reason(), null, null);
        }
        if (event instanceof RiskOccurredEvent e) {
            return existing(before, event).moved(RiskView.OCCURRED, at, null, e.impactNote(),
                    e.changeRequestId() == null ? null : e.changeRequestId().value());
        }
        return before;
    }

    /** The history entry an event of the risk makes, given the view after it; null for other events. */
    public static RiskChange change(Object event, RiskView after, Instant at, String actor) {
        if (event instanceof RiskIdentifiedEvent) {
            return new RiskChange("IDENTIFIED", at, actor, after.status(), null, null, after.probability(),
                    after.impact(), null);
        }
        if (event instanceof RiskReassessedEvent e) {
            return new RiskChange("REASSESSED", at, actor, after.status(), e.previousProbability(),
                    e.previousImpact(), e.probability(), e.impact(), e.reason());
        }
        if (event instanceof RiskMitigationStartedEvent) {
            return new RiskChange("MITIGATION_STARTED", at, actor, after.status(), null, null, after.probability(),
                    after.impact(), null);
        }
        if (event instanceof RiskClosedEvent e) {
            return new RiskChange("CLOSED", at, actor, after.status(), null, null, after.probability(),
                    after.impact(), e.reason());
        }
        if (event instanceof RiskOccurredEvent e) {
            return new RiskChange("OCCURRED", at, actor, after.status(), null, null, after.probability(),
                    after.impact(), e.impactNote());
        }
        return null;
    }

    private static RiskView existing(RiskView before, Object event) {
        if (before == null) {
            throw new IllegalStateException("No risk view to apply " + event.getClass().getSimpleName() + " to");
        }
        return before;
    }
}
