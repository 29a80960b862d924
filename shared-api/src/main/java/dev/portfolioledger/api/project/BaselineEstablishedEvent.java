package dev.portfolioledger.api.project;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * Approval froze the plan into baseline version 1: from now on scope, schedule and budget change
 * only through approved change requests.
 */
@Revision("1")
public record BaselineEstablishedEvent(
        ProjectId projectId,
        int version,
        List<DeliverablePlan> deliverables,
        List<MilestonePlan> milestones,
        List<BudgetLine> budget) implements ProjectEvent {
}
