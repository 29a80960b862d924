package dev.portfolioledger.api.project;

/**
 * A command that edits a project's plan directly (deliverables, milestones, budget, objectives).
 * Only a PROPOSED project takes one: once approved, its baseline changes through change requests
 * only. The Project aggregate checks that once for every such command.
 */
public interface PlanningCommand {

    ProjectId projectId();
}
