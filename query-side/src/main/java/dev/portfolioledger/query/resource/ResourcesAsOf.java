package dev.portfolioledger.query.resource;

import dev.portfolioledger.query.instant.RecordInstant;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;

import java.time.Instant;
import java.util.List;

/**
 * The resources, project teams and logged time as the decisions recorded up to an instant made
 * them, as the resource queries read them; the as-of history implements it ({@code asof.PointInTime}).
 */
public interface ResourcesAsOf extends RecordInstant {


    /** The resource at the instant; null before its registration. */
    ResourceView resource(ResourceId id);

    /** A page of the resources that existed at the instant and match the filter as they were then, in live list order. */
    Connection<ResourceView> resources(ResourceFilter filter, PageRequest<NameKey> page);

    /** The allocations to the project at the instant, by first day then id. */
    List<ResourceAllocationView> team(ProjectId projectId);

    /** The time logged on the project by the instant, minus the reversals recorded by then. */
    Labour labour(ProjectId projectId);
}
