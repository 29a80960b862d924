package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.api.resource.ResourceRegisteredEvent;
import dev.portfolioledger.api.resource.Skill;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.Edge;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.portfolioledger.query.resource.ResourceFixtures.REGISTERED;
import static org.assertj.core.api.Assertions.assertThat;

/** Paging stays exact when the skill is checked in Java over keyset chunks of candidates. */
class ResourcePagesTest {

    /** 500 resources in name order; every seventh knows Rust. */
    private final List<ResourceView> pool = new ArrayList<>();
    private int reads;

    ResourcePagesTest() {
        for (int i = 0; i < 500; i++) {
            List<Skill> skills = i % 7 == 0 ? List.of(new Skill("Rust", 3)) : List.of(new Skill("Java", 3));
            pool.add(ResourceViewEvolution.apply(null, new ResourceRegisteredEvent(
                    ResourceId.random(), REGISTERED.portfolioId(), String.format("Person %03d", i), "Developer",
                    skills, 100, REGISTERED.costRate(), REGISTERED.rateEffectiveFrom()), ResourceFixtures.AT));
        }
    }

    private List<Edge<ResourceView>> candidates(NameKey after, int limit) {
        reads++;
        return pool.stream()
                .map(r -> new Edge<>(key(r).toCursor(Resources.LISTING), r))
                .filter(e -> after == null || key(e.node()).sortName().compareTo(after.sortName()) > 0)
                .limit(limit).toList();
    }

    private static NameKey key(ResourceView r) {
        return new NameKey(r.name().toLowerCase(Locale.ROOT), r.id().value());
    }

    @Test
    void pagesThroughEveryMatchOnceInOrderAcrossChunks() {
        ResourceFilter rust = new ResourceFilter(null, null, null, "rust", 1, null, null);
        List<String> seen = new ArrayList<>();
        String after = null;
        Connection<ResourceView> page;
        do {
            String cursor = after;
            page = ResourcePages.page(rust, PageRequest.of(10, 10, cursor,
                                                           c -> NameKey.fromCursor(Resources.LISTING, c)),
                                      this::candidates);
            page.edges().forEach(e -> seen.add(e.node().name()));
            after = page.pageInfo().endCursor();
        } while (page.pageInfo().hasNextPage());

        List<String> expected = pool.stream().filter(rust::matches).map(ResourceView::name).toList();
        assertThat(seen).hasSize(72).isEqualTo(expected);
    }

    @Test
    void aPageNothingMatchesReadsEveryCandidateOnceAndEndsTheList() {
        ResourceFilter cobol = new ResourceFilter(null, null, null, "COBOL", 1, null, null);

        Connection<ResourceView> page = ResourcePages.page(cobol, new PageRequest<>(20, null), this::candidates);

        assertThat(page.edges()).isEmpty();
        assertThat(page.pageInfo().hasNextPage()).isFalse();
        assertThat(reads).isEqualTo(3);
    }

    @Test
    void withoutAViewCriterionOnePageIsOneRead() {
        Connection<ResourceView> page = ResourcePages.page(ResourceFilter.ALL, new PageRequest<>(20, null),
                                                           this::candidates);

        assertThat(page.edges()).hasSize(20);
        assertThat(page.pageInfo().hasNextPage()).isTrue();
        assertThat(reads).isEqualTo(1);
    }
}
