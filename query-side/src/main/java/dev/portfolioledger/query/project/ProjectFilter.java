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
}
