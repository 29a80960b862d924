package dev.portfolioledger.command.resource;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.ResourceId;

import java.util.List;

/**
 * The command side's own record of the resource pool: which resource ids are taken (so a duplicate
 * is refused before any event insert) and which projects each resource has been allocated to (so
 * the release process finds the resources of a project that ends).
 */
public interface ResourceDirectory {

    /**
     * Records a new resource in the portfolio's pool, unless its id is taken. Called in the
     * registering command's transaction before the event is applied.
     *
     * @return false when a resource with this id exists
     */
    boolean claim(ResourceId resourceId, PortfolioId portfolioId);

    /** Notes that the resource has (had) an allocation to the project; noting it twice is fine. */
    void recordAllocation(ResourceId resourceId, ProjectId projectId);

    /** Every resource ever allocated to the project, by id. */
    List<ResourceId> allocatedTo(ProjectId projectId);
}
