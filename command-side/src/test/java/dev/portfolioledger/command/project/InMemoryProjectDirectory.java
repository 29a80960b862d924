package dev.portfolioledger.command.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectStatus;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The project directory without a database, for aggregate fixtures. */
public class InMemoryProjectDirectory implements ProjectDirectory {

    record Placement(PortfolioId portfolioId, ProgramId programId) {
    }

    private final Map<ProjectId, Placement> projects = new HashMap<>();
    private final Map<ProjectId, ProjectStatus> statuses = new HashMap<>();

    @Override
    public boolean claim(ProjectId projectId, PortfolioId portfolioId, ProgramId programId) {
        if (projects.putIfAbsent(projectId, new Placement(portfolioId, programId)) != null) {
            return false;
        }
        statuses.put(projectId, ProjectStatus.PROPOSED);
        return true;
    }

    @Override
    public Optional<ProjectFacts> find(ProjectId projectId) {
        return Optional.ofNullable(projects.get(projectId))
                .map(placement -> new ProjectFacts(projectId, placement.portfolioId(), statuses.get(projectId)));
    }

    @Override
    public void markStatus(ProjectId projectId, ProjectStatus status) {
        if (statuses.replace(projectId, status) == null) {
            throw new IllegalStateException("no project " + projectId);
        }
    }

    /** Test convenience: a project known to the directory, as if proposed (and moved on) earlier. */
    public ProjectId add(ProjectId projectId, PortfolioId portfolioId, ProjectStatus status) {
        projects.put(projectId, new Placement(portfolioId, null));
        statuses.put(projectId, status);
        return projectId;
    }

    Optional<Placement> placementOf(ProjectId projectId) {
        return Optional.ofNullable(projects.get(projectId));
    }
}
