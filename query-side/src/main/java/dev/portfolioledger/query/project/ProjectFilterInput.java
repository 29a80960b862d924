package dev.portfolioledger.query.project;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectStatus;

/** The GraphQL ProjectFilter input as sent: ids still unparsed, so that a malformed one is refused as such. */
public record ProjectFilterInput(
        String portfolioId,
        String programId,
        ProjectStatus status,
        Methodology methodology,
        String manager) {

    public ProjectFilter toFilter() {
        return new ProjectFilter(
                portfolioId == null ? null : PortfolioId.of(portfolioId),
                programId == null ? null : ProgramId.of(programId),
                status,
                methodology,
                Checks.filterText(manager, "filter.manager"));
    }
}
