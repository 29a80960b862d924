package dev.portfolioledger.api.project;

/**
 * An event of the Project aggregate (its lifecycle, plan, baseline and change requests): the
 * project it belongs to, without asking which event it is.
 */
public interface ProjectEvent {

    ProjectId projectId();
}
