package dev.portfolioledger.query.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;

/**
 * The projects and their plans as the decisions recorded up to an instant made them, as the project
 * queries read them; the as-of history implements it ({@code asof.PointInTime}).
 */
public interface ProjectsAsOf {

    /** The project at the instant; null before its proposal. */
    ProjectView project(ProjectId id);

    /** The project's plan (scope, schedule, budget lines, objectives, baseline version); null before its proposal. */
    ProjectPlan plan(ProjectId id);

    /**
     * The project's budget: its lines and their total in the portfolio's currency (the lines'
     * currency if the portfolio is not known); null before the proposal.
     */
    Budget budget(ProjectId id);

    /** A page of the projects of the portfolio that existed at the instant, with or without a program. */
    Connection<ProjectView> projectsOf(PortfolioId portfolioId, PageRequest<NameKey> page);

    /** A page of the projects of the program that existed at the instant. */
    Connection<ProjectView> projectsOf(ProgramId programId, PageRequest<NameKey> page);

    /** A page of the projects that existed at the instant and match the filter as they were then, in live list order. */
    Connection<ProjectView> projects(ProjectFilter filter, PageRequest<NameKey> page);

    ProjectStatusCounts projectCounts(PortfolioId portfolioId);

    ProjectStatusCounts projectCounts(ProgramId programId);
}
