package dev.portfolioledger.query.asof;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.ResourceId;

import java.util.List;

/**
 * Which programs and projects belong to a portfolio or program. A program or project never moves,
 * so today's members are every member the parent ever had; as-of views fold each of them and drop
 * those that did not exist yet.
 */
public interface Membership {

    List<ProgramId> programsOf(PortfolioId portfolioId);

    List<ProjectId> projectsOf(PortfolioId portfolioId);

    List<ProjectId> projectsOf(ProgramId programId);

    /** Every project there is (a project is never deleted). */
    List<ProjectId> allProjects();

    /** The resources of the portfolio's pool (a resource never moves; retired ones stay). */
    List<ResourceId> resourcesOf(PortfolioId portfolioId);

    /** Every resource there is. */
    List<ResourceId> allResources();

    /** The resources that ever logged time on the project. */
    List<ResourceId> resourcesLoggingOn(ProjectId projectId);
}
