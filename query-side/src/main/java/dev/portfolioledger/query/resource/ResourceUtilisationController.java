package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.resource.Period;
import dev.portfolioledger.api.resource.Skill;
import dev.portfolioledger.query.instant.AsOfReads;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.Edge;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;
import dev.portfolioledger.query.portfolio.PortfolioView;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Utilisation and over-allocation of one resource and of a portfolio's whole pool, computed by
 * {@link ResourceUtilisation} from the resource views: the live ones, or, inside a request asked
 * {@code asOf}, the views as of that instant (the same arithmetic over the stored history).
 * Access is the parent field's ({@code resource}, {@code portfolio}: READ_VIEWS).
 */
@Controller
public class ResourceUtilisationController {

    private static final int POOL_PAGE = PageRequest.MAX_FIRST;

    private final Resources resources;

    public ResourceUtilisationController(Resources resources) {
        this.resources = resources;
    }

    @SchemaMapping(typeName = "Resource", field = "utilisation")
    public List<UtilisationPeriod> utilisation(ResourceView resource, @Argument LocalDate from, @Argument LocalDate to,
                                               @Argument Granularity granularity) {
        return ResourceUtilisation.periods(resource, ResourceUtilisation.range(from, to), granularity);
    }

    @SchemaMapping(typeName = "Resource", field = "overallocations")
    public List<Overallocation> overallocations(ResourceView resource, @Argument LocalDate from,
                                                @Argument LocalDate to) {
        return ResourceUtilisation.overallocations(resource, ResourceUtilisation.range(from, to));
    }

    @SchemaMapping(typeName = "Portfolio", field = "utilisation")
    public List<ResourceUtilisationRow> portfolioUtilisation(PortfolioView portfolio, @Argument LocalDate from,
                                                             @Argument LocalDate to, @Argument Granularity granularity,
                                                             DataFetchingEnvironment environment) {
        Period range = ResourceUtilisation.range(from, to);
        return poolOf(portfolio, environment).stream()
                .map(resource -> new ResourceUtilisationRow(resource,
                        ResourceUtilisation.periods(resource, range, granularity)))
                .toList();
    }

    @SchemaMapping(typeName = "Portfolio", field = "overallocations")
    public List<Overallocation> portfolioOverallocations(PortfolioView portfolio, @Argument LocalDate from,
                                                         @Argument LocalDate to, DataFetchingEnvironment environment) {
        Period range = ResourceUtilisation.range(from, to);
        return poolOf(portfolio, environment).stream()
                .flatMap(resource -> ResourceUtilisation.overallocations(resource, range).stream())
                .toList();
    }

    /** Every resource of the portfolio's pool, by name then id, read page by page (live or as of the request's instant). */
    private List<ResourceView> poolOf(PortfolioView portfolio, DataFetchingEnvironment environment) {
        ResourcesAsOf past = AsOfReads.of(environment, ResourcesAsOf.class);
        ResourceFilter pool = new ResourceFilter(portfolio.id(), null, null, null, Skill.MIN_LEVEL, null, null);
        List<ResourceView> all = new ArrayList<>();
        NameKey after = null;
        while (true) {
            PageRequest<NameKey> page = new PageRequest<>(POOL_PAGE, after);
            Connection<ResourceView> connection = past == null ? resources.page(pool, page) : past.resources(pool, page);
            connection.edges().stream().map(Edge::node).forEach(all::add);
            if (!connection.pageInfo().hasNextPage() || connection.edges().isEmpty()) {
                return all;
            }
            after = NameKey.fromCursor(Resources.LISTING, connection.edges().get(connection.edges().size() - 1).cursor());
        }
    }
}
