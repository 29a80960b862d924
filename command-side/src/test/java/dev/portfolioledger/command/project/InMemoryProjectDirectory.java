package dev.portfolioledger.command.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.ProjectId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The project directory without a database, for aggregate fixtures. */
class InMemoryProjectDirectory implements ProjectDirectory {

    record Placement(PortfolioId portfolioId, ProgramId programId) {
    }

    private final Map<ProjectId, Placement> projects = new HashMap<>();
    @Override
    public boolean claim(ProjectId projectId, PortfolioId portfolioId, ProgramId programId) {
        return projects.putIfAbsent(projectId, new Placement(portfolioId, programId)) == null;
    }

    Optional<Placement> placementOf(ProjectId projectId) {
        return Optional.ofNullable(projects.get(projectId));
    }
}
