package dev.portfolioledger.api.changerequest;

import dev.portfolioledger.api.project.ProjectEvent;

/** An event that concerns one change request of a project: which one, without asking which event it is. */
public interface ChangeRequestEvent extends ProjectEvent {

    ChangeRequestId changeRequestId();
}
