package dev.portfolioledger.query.changerequest;

import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.BudgetLine;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.MilestonePlan;
import dev.portfolioledger.api.project.ProjectId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One version of a project's baseline as the event that made it records it. Version 1 holds the
 * full plan approval froze; every later version holds the changes its change request applied to
 * the version before. Versions never change once made.
 *
 * @param changeRequestId null for version 1
 * @param changes         empty for version 1
 * @param established     the full plan of version 1; null for later versions
 */
public record BaselineVersion(
        ProjectId projectId,
        int version,
        ChangeRequestId changeRequestId,
        Instant establishedAt,
        List<ProposedChange> changes,
        EstablishedPlan established) {

    public BaselineVersion {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(establishedAt, "establishedAt");
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** The plan approval froze into version 1. */
    public record EstablishedPlan(List<DeliverablePlan> deliverables, List<MilestonePlan> milestones,
                                  List<BudgetLine> budget) {

        public EstablishedPlan {
            deliverables = deliverables == null ? List.of() : List.copyOf(deliverables);
            milestones = milestones == null ? List.of() : List.copyOf(milestones);
            budget = budget == null ? List.of() : List.copyOf(budget);
        }
    }

    public static BaselineVersion of(BaselineEstablishedEvent e, Instant at) {
        return new BaselineVersion(e.projectId(), e.version(), null, at, List.of(),
                                   new EstablishedPlan(e.deliverables(), e.milestones(), e.budget()));
    }

    public static BaselineVersion of(BaselineRevisedEvent e, Instant at) {
        return new BaselineVersion(e.projectId(), e.version(), e.changeRequestId(), at, e.changes(), null);
    }

    /** The event with this version's content, to fold with the project plan's own code. */
    public Object asEvent() {
        return established != null
                ? new BaselineEstablishedEvent(projectId, version, established.deliverables(),
                                               established.milestones(), established.budget())
                : new BaselineRevisedEvent(projectId, version, changeRequestId, changes);
    }
}
