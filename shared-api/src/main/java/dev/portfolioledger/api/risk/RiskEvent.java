package dev.portfolioledger.api.risk;

import dev.portfolioledger.api.project.ProjectEvent;

/** An event that concerns one risk of a project: which one, without asking which event it is. */
public interface RiskEvent extends ProjectEvent {

    RiskId riskId();
}
