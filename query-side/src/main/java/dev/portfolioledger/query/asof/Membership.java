package dev.portfolioledger.query.asof;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.ProjectId;

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
}
