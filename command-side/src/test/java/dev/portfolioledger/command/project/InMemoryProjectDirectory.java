package dev.portfolioledger.command.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.ProjectId;

import dev.portfolioledger.command.portfolio.InMemoryPortfolioDirectory;

import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The project directory without a database, for aggregate fixtures. */
class InMemoryProjectDirectory implements ProjectDirectory {

    record Placement(PortfolioId portfolioId, ProgramId programId) {
    }

    private final Map<ProjectId, Placement> projects = new HashMap<>();
    private final InMemoryPortfolioDirectory portfolios;

    /** @param portfolios where the currency comes from, as the JDBC directory joins portfolio_directory */
    InMemoryProjectDirectory(InMemoryPortfolioDirectory portfolios) {
        this.portfolios = portfolios;
    }

    @Override
    public boolean claim(ProjectId projectId, PortfolioId portfolioId, ProgramId programId) {
        return projects.putIfAbsent(projectId, new Placement(portfolioId, programId)) == null;
    }

    @Override
    public Optional<Currency> currencyOf(ProjectId projectId) {
        return placementOf(projectId).flatMap(placement -> portfolios.currencyOf(placement.portfolioId()));
    }

    Optional<Placement> placementOf(ProjectId projectId) {
        return Optional.ofNullable(projects.get(projectId));
    }
}
