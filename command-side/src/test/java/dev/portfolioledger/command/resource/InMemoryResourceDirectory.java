package dev.portfolioledger.command.resource;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.ResourceId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The resource directory without a database, for aggregate fixtures. */
class InMemoryResourceDirectory implements ResourceDirectory {

    private final Map<ResourceId, PortfolioId> resources = new HashMap<>();
    private final Map<ProjectId, Set<String>> allocated = new HashMap<>();

    @Override
    public boolean claim(ResourceId resourceId, PortfolioId portfolioId) {
        return resources.putIfAbsent(resourceId, portfolioId) == null;
    }

    @Override
    public void recordAllocation(ResourceId resourceId, ProjectId projectId) {
        allocated.computeIfAbsent(projectId, id -> new TreeSet<>()).add(resourceId.toString());
    }

    @Override
    public List<ResourceId> allocatedTo(ProjectId projectId) {
        return allocated.getOrDefault(projectId, Set.of()).stream().map(ResourceId::of).toList();
    }
}
