package dev.portfolioledger.query.resource;

import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.Edge;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Pages of resources when part of the filter (skill, free time) is checked on the views in Java:
 * the candidates the SQL selects are read in keyset chunks, in list order, and the matching ones
 * kept until the page and the one row that tells of a next page are full, or the candidates run
 * out. Every edge's cursor is its own row's key, so the next page resumes right after the last
 * match returned: candidates passed over are passed over again, and no match is skipped or
 * repeated. The cost is bounded by the candidates read, at most the whole selection (a pool of a
 * portfolio, or all pools without a portfolio filter) for a page nothing matches.
 */
public final class ResourcePages {

    /** How many candidates each read asks for. */
    static final int CHUNK = 200;

    private ResourcePages() {
    }

    /**
     * @param candidates reads up to {@code limit} candidates after a key (null: from the start), in
     *                   list order, each edge with its row's cursor
     */
    public static Connection<ResourceView> page(ResourceFilter filter, PageRequest<NameKey> page,
                                                BiFunction<NameKey, Integer, List<Edge<ResourceView>>> candidates) {
        if (!filter.filtersViews()) {
            return Connection.of(candidates.apply(page.after(), page.fetchSize()), page.first());
        }
        List<Edge<ResourceView>> matching = new ArrayList<>();
        NameKey after = page.after();
        while (matching.size() < page.fetchSize()) {
            List<Edge<ResourceView>> chunk = candidates.apply(after, CHUNK);
            for (Edge<ResourceView> edge : chunk) {
                if (filter.matchesView(edge.node()) && matching.size() < page.fetchSize()) {
                    matching.add(edge);
                }
            }
            if (chunk.size() < CHUNK) {
                break;
            }
            after = NameKey.fromCursor(Resources.LISTING, chunk.get(chunk.size() - 1).cursor());
        }
        return Connection.of(matching, page.first());
    }
}
