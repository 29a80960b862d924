package dev.portfolioledger.api.quality;

import dev.portfolioledger.api.project.ProjectEvent;

/** An event about one stakeholder of a project: which one, without asking which event it is. */
public interface StakeholderEvent extends ProjectEvent {

    StakeholderId stakeholderId();
}
