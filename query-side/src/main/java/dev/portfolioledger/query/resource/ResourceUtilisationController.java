package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.resource.Period;
import dev.portfolioledger.api.resource.Skill;
import dev.portfolioledger.query.instant.AsOfReads;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.Edge;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageInfo;
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
 * Utilisation and over-allocation of one resource and of a portfolio's pool, computed by
 * {@link ResourceUtilisation} from the resource views: the live ones, or, inside a request asked
 * {@code asOf}, the views as of that instant (the same arithmetic over the stored history).
 * Access is the parent field's ({@code resource}, {@code portfolio}: READ_VIEWS). Every list is
 * bounded ({@link #MAX_ROWS} rows, {@link ResourceUtilisation#MAX_PERIODS} periods), so the query
 * cost limit can count it.
 */
@Controller
public class ResourceUtilisationController {

    /** The most resources of a utilisation page, and the most over-allocation runs of one answer. */
    public static final int MAX_ROWS = 500;

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
                                                @Argument LocalDate to, @Argument Integer first) {
        Period range = ResourceUtilisation.range(from, to);
        List<Overallocation> runs = ResourceUtilisation.overallocations(resource, range);
        int limit = rows(first);
        return runs.size() <= limit ? runs : runs.subList(0, limit);
    }

    @SchemaMapping(typeName = "Portfolio", field = "utilisation")
    public PortfolioUtilisation portfolioUtilisation(PortfolioView portfolio, @Argument LocalDate from,
                                                     @Argument LocalDate to, @Argument Granularity granularity,
                                                     @Argument Integer first, @Argument String after,
                                                     DataFetchingEnvironment environment) {
        Period range = ResourceUtilisation.range(from, to);
        int limit = rows(first);
        List<UtilisationBucket> buckets = ResourceUtilisation.buckets(range, granularity);
        Pool pool = new Pool(portfolio, environment,
                after == null ? null : NameKey.fromCursor(Resources.LISTING, after));
        List<ResourceUtilisationRow> rows = new ArrayList<>();
        String endCursor = null;
        Edge<ResourceView> edge;
        while (rows.size() < limit && (edge = pool.next()) != null) {
            rows.add(new ResourceUtilisationRow(edge.node(), ResourceUtilisation.periods(edge.node(), buckets)));
            endCursor = edge.cursor();
        }
        boolean hasNext = rows.size() == limit && pool.peek() != null;
        return new PortfolioUtilisation(buckets, rows, new PageInfo(hasNext, after != null,
                rows.isEmpty() ? null : pool.firstCursor, endCursor));
    }

    @SchemaMapping(typeName = "Portfolio", field = "overallocations")
    public List<Overallocation> portfolioOverallocations(PortfolioView portfolio, @Argument LocalDate from,
                                                         @Argument LocalDate to, @Argument Integer first,
                                                         DataFetchingEnvironment environment) {
        Period range = ResourceUtilisation.range(from, to);
        int limit = rows(first);
        Pool pool = new Pool(portfolio, environment, null);
        List<Overallocation> runs = new ArrayList<>();
        Edge<ResourceView> edge;
        while (runs.size() < limit && (edge = pool.next()) != null) {
            for (Overallocation run : ResourceUtilisation.overallocations(edge.node(), range)) {
                if (runs.size() == limit) {
                    break;
                }
                runs.add(run);
            }
        }
        return runs;
    }

    /** {@code first} of a utilisation page or an over-allocation list: 1 to {@link #MAX_ROWS}. */
    private static int rows(Integer first) {
        int value = first == null ? PageRequest.MAX_FIRST : first;
        if (value < 1 || value > MAX_ROWS) {
            throw Checks.invalid("first must be between 1 and " + MAX_ROWS);
        }
        return value;
    }

    /** The resources of a portfolio's pool in list order, read a page at a time (live or as of the request's instant). */
    private final class Pool {

        private final ResourcesAsOf past;
        private final ResourceFilter filter;
        private NameKey after;
        private List<Edge<ResourceView>> page = List.of();
        private int position;
        private boolean more = true;
        private String firstCursor;

        Pool(PortfolioView portfolio, DataFetchingEnvironment environment, NameKey after) {
            this.past = AsOfReads.of(environment, ResourcesAsOf.class);
            this.filter = new ResourceFilter(portfolio.id(), null, null, null, Skill.MIN_LEVEL, null, null);
            this.after = after;
        }

        Edge<ResourceView> next() {
            Edge<ResourceView> edge = peek();
            if (edge != null) {
                position++;
                if (firstCursor == null) {
                    firstCursor = edge.cursor();
                }
            }
            return edge;
        }

        Edge<ResourceView> peek() {
            if (position == page.size() && more) {
                PageRequest<NameKey> request = new PageRequest<>(PageRequest.MAX_FIRST, after);
                Connection<ResourceView> connection = past == null ? resources.page(filter, request)
                        : past.resources(filter, request);
                page = connection.edges();
                position = 0;
                more = connection.pageInfo().hasNextPage() && !page.isEmpty();
                if (!page.isEmpty()) {
                    after = NameKey.fromCursor(Resources.LISTING, page.get(page.size() - 1).cursor());
                }
            }
            return position < page.size() ? page.get(position) : null;
        }
    }
}
