package dev.portfolioledger.api.changerequest;

import dev.portfolioledger.api.project.ProjectId;

/**
 * A command on a change request already submitted (assess, approve, reject, withdraw): it names
 * the request, which must exist in a project whose change control is open. The Project aggregate
 * checks that once for every such command.
 */
public interface ChangeRequestDecisionCommand {

    ProjectId projectId();

    ChangeRequestId changeRequestId();
}
