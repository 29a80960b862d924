package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.axon.security.Roles;
import dev.portfolioledger.query.instant.AsOfReads;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;
import dev.portfolioledger.query.portfolio.PortfolioView;
import dev.portfolioledger.query.portfolio.Portfolios;
import dev.portfolioledger.query.portfolio.PortfoliosAsOf;
import dev.portfolioledger.query.project.ProjectView;
import dev.portfolioledger.query.project.Projects;
import dev.portfolioledger.query.project.ProjectsAsOf;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Resource queries, the portfolio, resource and project of a resource's allocations, and a
 * project's team and logged time. Live, every nested field is read for all the parents of a
 * request at once (named loaders: they must look at the as-of local context first, which
 * {@code @BatchMapping} cannot); as of a past instant, from the {@link ResourcesAsOf} the root
 * query opened.
 */
@Controller
public class ResourceQueryController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final String RESOURCE_LOADER = "resourceById";
    static final String RESOURCE_PORTFOLIO_LOADER = "resourcePortfolio";
    static final String ALLOCATION_PROJECT_LOADER = "allocationProject";
    static final String PROJECT_TEAM_LOADER = "projectTeam";
    static final String PROJECT_LABOUR_LOADER = "projectLabour";

    private final Resources resources;
    private final AsOfReads<? extends ResourcesAsOf> history;

    public ResourceQueryController(Resources resources, TimeEntries timeEntries, Portfolios portfolios,
                                   Projects projects, AsOfReads<? extends ResourcesAsOf> history,
                                   BatchLoaderRegistry batchLoaders) {
        this.resources = resources;
        this.history = history;
        batchLoaders.<ResourceId, ResourceView>forName(RESOURCE_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> resources.findAll(keys)));
        batchLoaders.<ResourceView, PortfolioView>forName(RESOURCE_PORTFOLIO_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> {
                    var found = portfolios.findAll(keys.stream().map(ResourceView::portfolioId).toList());
                    Map<ResourceView, PortfolioView> byResource = new HashMap<>();
                    keys.forEach(r -> {
                        if (found.containsKey(r.portfolioId())) {
                            byResource.put(r, found.get(r.portfolioId()));
                        }
                    });
                    return byResource;
                }));
        batchLoaders.<ProjectId, ProjectView>forName(ALLOCATION_PROJECT_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> projects.findAll(keys)));
        batchLoaders.<ProjectId, List<ResourceAllocationView>>forName(PROJECT_TEAM_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> resources.teams(keys)));
        batchLoaders.<ProjectId, Labour>forName(PROJECT_LABOUR_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(
                        () -> timeEntries.labour(keys, Long.MAX_VALUE)));
    }

    @QueryMapping
    @PreAuthorize(Roles.READ_VIEWS)
    public DataFetcherResult<ResourceView> resource(@Argument String id, @Argument OffsetDateTime asOf) {
        ResourceId resourceId = ResourceId.of(id);
        if (asOf == null) {
            return AsOfReads.result(resources.find(resourceId).orElse(null), null);
        }
        ResourcesAsOf past = history.at(asOf);
        return AsOfReads.result(past.resource(resourceId), past);
    }

    @QueryMapping
    @PreAuthorize(Roles.READ_VIEWS)
    public DataFetcherResult<Connection<ResourceView>> resources(@Argument ResourceFilterInput filter,
                                                                 @Argument Integer first, @Argument String after,
                                                                 @Argument OffsetDateTime asOf) {
        ResourceFilter criteria = filter == null ? ResourceFilter.ALL : filter.toFilter();
        PageRequest<NameKey> page = PageRequest.of(first, DEFAULT_PAGE_SIZE, after,
                                                   cursor -> NameKey.fromCursor(Resources.LISTING, cursor));
        if (asOf == null) {
            return AsOfReads.result(resources.page(criteria, page), null);
        }
        ResourcesAsOf past = history.at(asOf);
        return AsOfReads.result(past.resources(criteria, page), past);
    }

    @SchemaMapping(typeName = "Resource", field = "portfolio")
    public CompletableFuture<PortfolioView> portfolio(ResourceView resource, DataFetchingEnvironment environment) {
        PortfoliosAsOf past = AsOfReads.of(environment, PortfoliosAsOf.class);
        if (past != null) {
            return CompletableFuture.completedFuture(past.portfolio(resource.portfolioId()));
        }
        return environment.<ResourceView, PortfolioView>getDataLoader(RESOURCE_PORTFOLIO_LOADER).load(resource);
    }

    @SchemaMapping(typeName = "Resource", field = "capacityPercent")
    public int capacityPercent(ResourceView resource, DataFetchingEnvironment environment) {
        return resource.capacityOn(AsOfReads.today(environment));
    }

    @SchemaMapping(typeName = "Resource", field = "costRate")
    public Money costRate(ResourceView resource, DataFetchingEnvironment environment) {
        return resource.costRateOn(AsOfReads.today(environment));
    }

    @SchemaMapping(typeName = "ResourceAllocation", field = "resource")
    public CompletableFuture<ResourceView> allocationResource(ResourceAllocationView allocation,
                                                              DataFetchingEnvironment environment) {
        return resourceOf(allocation, environment);
    }

    @SchemaMapping(typeName = "TeamMember", field = "resource")
    public CompletableFuture<ResourceView> memberResource(ResourceAllocationView allocation,
                                                          DataFetchingEnvironment environment) {
        return resourceOf(allocation, environment);
    }

    @SchemaMapping(typeName = "ResourceAllocation", field = "project")
    public CompletableFuture<ProjectView> project(ResourceAllocationView allocation,
                                                  DataFetchingEnvironment environment) {
        ProjectsAsOf past = AsOfReads.of(environment, ProjectsAsOf.class);
        if (past != null) {
            return CompletableFuture.completedFuture(past.project(allocation.projectId()));
        }
        return environment.<ProjectId, ProjectView>getDataLoader(ALLOCATION_PROJECT_LOADER)
                .load(allocation.projectId());
    }

    @SchemaMapping(typeName = "Project", field = "team")
    public CompletableFuture<List<ResourceAllocationView>> team(ProjectView project,
                                                                DataFetchingEnvironment environment) {
        ResourcesAsOf past = AsOfReads.of(environment, ResourcesAsOf.class);
        if (past != null) {
            return CompletableFuture.completedFuture(ResourceFieldWiring.atMost(past.team(project.id())));
        }
        return environment.<ProjectId, List<ResourceAllocationView>>getDataLoader(PROJECT_TEAM_LOADER)
                .load(project.id()).thenApply(ResourceFieldWiring::atMost);
    }

    @SchemaMapping(typeName = "Project", field = "loggedHours")
    public CompletableFuture<BigDecimal> loggedHours(ProjectView project, DataFetchingEnvironment environment) {
        return labour(project, environment).thenApply(Labour::hours);
    }

    @SchemaMapping(typeName = "Project", field = "labourCost")
    public CompletableFuture<Money> labourCost(ProjectView project, DataFetchingEnvironment environment) {
        return labour(project, environment).thenApply(Labour::cost);
    }

    private CompletableFuture<Labour> labour(ProjectView project, DataFetchingEnvironment environment) {
        ResourcesAsOf past = AsOfReads.of(environment, ResourcesAsOf.class);
        if (past != null) {
            return CompletableFuture.completedFuture(past.labour(project.id()));
        }
        return environment.<ProjectId, Labour>getDataLoader(PROJECT_LABOUR_LOADER).load(project.id());
    }

    private static CompletableFuture<ResourceView> resourceOf(ResourceAllocationView allocation,
                                                              DataFetchingEnvironment environment) {
        ResourcesAsOf past = AsOfReads.of(environment, ResourcesAsOf.class);
        if (past != null) {
            return CompletableFuture.completedFuture(past.resource(allocation.resourceId()));
        }
        return environment.<ResourceId, ResourceView>getDataLoader(RESOURCE_LOADER).load(allocation.resourceId());
    }
}
