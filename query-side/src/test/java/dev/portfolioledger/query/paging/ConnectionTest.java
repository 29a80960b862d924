package dev.portfolioledger.query.paging;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionTest {

    private static List<Edge<String>> edges(String... nodes) {
        return Arrays.stream(nodes).map(n -> new Edge<>("c-" + n, n)).toList();
    }

    @Test
    void extraRowMeansANextPageAndIsDropped() {
        Connection<String> page = Connection.of(edges("a", "b", "c"), 2);

        assertThat(page.edges()).extracting(Edge::node).containsExactly("a", "b");
        assertThat(page.pageInfo()).isEqualTo(new PageInfo(true, false, "c-a", "c-b"));
    }

    @Test
    void fullPageWithoutExtraRowIsTheLastPage() {
        Connection<String> page = Connection.of(edges("a", "b"), 2);

        assertThat(page.edges()).hasSize(2);
        assertThat(page.pageInfo()).isEqualTo(new PageInfo(false, false, "c-a", "c-b"));
    }

    @Test
    void emptyPageHasNoCursors() {
        Connection<String> page = Connection.of(List.of(), 20);

        assertThat(page.edges()).isEmpty();
        assertThat(page.pageInfo()).isEqualTo(new PageInfo(false, false, null, null));
    }
}
