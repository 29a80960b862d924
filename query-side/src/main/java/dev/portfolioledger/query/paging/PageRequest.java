package dev.portfolioledger.query.paging;

import dev.portfolioledger.api.Checks;

import java.util.function.Function;

/**
 * A forward page: at most {@code first} rows after the row with sort key {@code after} (null for
 * the first page).
 */
public record PageRequest<K>(int first, K after) {

    public static final int MAX_FIRST = 100;

    public PageRequest {
        if (first < 1 || first > MAX_FIRST) {
            throw Checks.invalid("first must be between 1 and " + MAX_FIRST);
        }
    }

    /**
     * Builds the request from GraphQL arguments. {@code first} is null only when a client passes
     * an explicit null, which we read as "the default" rather than as an error.
     */
    public static <K> PageRequest<K> of(Integer first, int defaultFirst, String after,
                                        Function<String, K> cursorReader) {
        return new PageRequest<>(first == null ? defaultFirst : first,
                                 after == null ? null : cursorReader.apply(after));
    }

    /** One row more than the page holds, to learn whether a next page exists without counting. */
    public int fetchSize() {
        return first + 1;
    }
}
