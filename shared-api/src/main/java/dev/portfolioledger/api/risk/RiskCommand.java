package dev.portfolioledger.api.risk;

import dev.portfolioledger.api.project.ProjectId;

/**
 * A command on a project's risk register. The Project aggregate takes one only while the project is
 * open (PROPOSED, APPROVED, ACTIVE or ON_HOLD), checked once for every such command; the register
 * then finds the risk (NOT_FOUND) or, for a new one, checks that its id is unused.
 */
public interface RiskCommand {

    ProjectId projectId();

    RiskId riskId();
}
