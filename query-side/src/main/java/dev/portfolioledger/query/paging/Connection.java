package dev.portfolioledger.query.paging;

import java.util.List;

/**
 * A Relay connection page. The type name ends in "Connection" so that Spring GraphQL's connection
 * support passes it through unchanged.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    public Connection {
        edges = List.copyOf(edges);
    }

    /**
     * Makes the page from rows fetched with {@link PageRequest#fetchSize()}: the extra row, if
     * present, only tells that a next page exists and is dropped.
     */
    public static <T> Connection<T> of(List<Edge<T>> fetched, int first) {
        boolean hasNext = fetched.size() > first;
        List<Edge<T>> edges = hasNext ? fetched.subList(0, first) : fetched;
        if (edges.isEmpty()) {
            return new Connection<>(List.of(), new PageInfo(false, false, null, null));
        }
        return new Connection<>(edges, new PageInfo(hasNext, false,
                edges.get(0).cursor(), edges.get(edges.size() - 1).cursor()));
    }
}
