package dev.portfolioledger.query.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectStatus;

/**
 * Which projects a list holds; every criterion is optional and they combine with AND.
 *
 * @param manager matched exactly, as the manager was recorded
 */
public record ProjectFilter(
        PortfolioId portfolioId,
        ProgramId programId,
        ProjectStatus status,
        Methodology methodology,
        String manager) {

    public static final ProjectFilter ALL = new ProjectFilter(null, null, null, null, null);

    public static ProjectFilter ofPortfolio(PortfolioId portfolioId) {
        return new ProjectFilter(portfolioId, null, null, null, null);
    }

    /** Whether the project passes every criterion given (the live listing's WHERE, in memory). */
    public boolean matches(ProjectView project) {
        return (portfolioId == null || portfolioId.equals(project.portfolioId()))
                && (programId == null || programId.equals(project.programId()))
                && (status == null || status == project.status())
                && (methodology == null || methodology == project.methodology())
                && (manager == null || manager.equals(project.manager()));
    }
}
