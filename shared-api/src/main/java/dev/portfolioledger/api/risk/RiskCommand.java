package dev.portfolioledger.api.risk;

import dev.portfolioledger.api.project.ProjectId;

/**
 * A command on a project's risk register. The Project aggregate takes one only while the project is
 * open (PROPOSED, APPROVED, ACTIVE or ON_HOLD) and, for a command about an existing risk, only when
 * the register holds that risk; it checks both once for every such command.
 */
public interface RiskCommand {

    ProjectId projectId();

    RiskId riskId();
}
