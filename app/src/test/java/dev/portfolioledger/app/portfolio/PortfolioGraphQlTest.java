package dev.portfolioledger.app.portfolio;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PortfolioGraphQlTest extends GraphQlIntegrationTest {

    @Test
    void createPortfolioReturnsTheCaughtUpView() {
        String name = unique("Growth");
        var response = as("pmo").documentName("createPortfolio")
                .variable("input", Map.of("name", "  " + name + "  ", "description", "New markets",
                                          "currency", "CHF", "owner", "Olivia Owner"))
                .execute();
        response.path("createPortfolio.portfolio.name").entity(String.class).isEqualTo(name);
        response.path("createPortfolio.portfolio.currency").entity(String.class).isEqualTo("CHF");
        response.path("createPortfolio.portfolio.status").entity(String.class).isEqualTo("ACTIVE");
        response.path("createPortfolio.portfolio.owner").entity(String.class).isEqualTo("Olivia Owner");
        response.path("createPortfolio.portfolio.createdAt").hasValue();
        response.path("createPortfolio.correlationId").hasValue();
    }

    @Test
    void clientMayChooseThePortfolioId() {
        String id = UUID.randomUUID().toString();
        as("portfolio").documentName("createPortfolio")
                .variable("input", Map.of("portfolioId", id, "name", unique("Chosen"), "currency", "EUR",
                                          "owner", "O"))
                .execute().path("createPortfolio.portfolio.id").entity(String.class).isEqualTo(id);
        as("auditor").documentName("portfolio").variable("id", id).execute()
                .path("portfolio.id").entity(String.class).isEqualTo(id);
    }

    @Test
    void renamePortfolioShowsTheNewName() {
        String id = newPortfolio();
        String newName = unique("Renamed");
        as("pmo").documentName("renamePortfolio")
                .variable("input", Map.of("portfolioId", id, "name", newName, "reason", "merger"))
                .execute().path("renamePortfolio.portfolio.name").entity(String.class).isEqualTo(newName);
    }

    @Test
    void archivePortfolioShowsItArchived() {
        String id = newPortfolio();
        as("pmo").documentName("archivePortfolio").variable("input", Map.of("portfolioId", id))
                .execute().path("archivePortfolio.portfolio.status").entity(String.class).isEqualTo("ARCHIVED");
    }

    @Test
    void cannotCreateTwoPortfoliosWithTheSameName() {
        String name = unique("Twin");
        newPortfolio(name);
        long events = eventCount();
        assertRefused(as("pmo").documentName("createPortfolio")
                              .variable("input", Map.of("name", name.toUpperCase(), "currency", "EUR", "owner", "O")),
                      "NAME_TAKEN");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void cannotRenameOntoATakenName() {
        String taken = unique("Taken");
        newPortfolio(taken);
        String other = newPortfolio();
        assertRefused(as("pmo").documentName("renamePortfolio")
                              .variable("input", Map.of("portfolioId", other, "name", taken)),
                      "NAME_TAKEN");
    }

    @Test
    void nameIsFreeAgainAfterRename() {
        String first = unique("Old name");
        String id = newPortfolio(first);
        as("pmo").documentName("renamePortfolio")
                .variable("input", Map.of("portfolioId", id, "name", unique("New name")))
                .execute().path("renamePortfolio.portfolio.id").hasValue();
        assertThat(newPortfolio(first)).isNotEqualTo(id);
    }

    @Test
    void cannotCreatePortfolioWithBlankName() {
        assertRefused(as("pmo").documentName("createPortfolio")
                              .variable("input", Map.of("name", "   ", "currency", "EUR", "owner", "O")),
                      "VALIDATION_FAILED");
    }

    @Test
    void cannotCreatePortfolioWithUnknownCurrency() {
        assertRefused(as("pmo").documentName("createPortfolio")
                              .variable("input", Map.of("name", unique("Money"), "currency", "EURO", "owner", "O")),
                      "VALIDATION_FAILED");
        assertRefused(as("pmo").documentName("createPortfolio")
                              .variable("input", Map.of("name", unique("Money"), "currency", "XYZ", "owner", "O")),
                      "VALIDATION_FAILED");
    }

    @Test
    void cannotRenameUnknownPortfolio() {
        assertRefused(as("pmo").documentName("renamePortfolio")
                              .variable("input", Map.of("portfolioId", UUID.randomUUID().toString(),
                                                        "name", unique("Ghost"))),
                      "NOT_FOUND");
    }

    @Test
    void malformedIdIsAValidationError() {
        assertRefused(as("pmo").documentName("renamePortfolio")
                              .variable("input", Map.of("portfolioId", "not-a-uuid", "name", unique("X"))),
                      "VALIDATION_FAILED");
        assertRefused(as("pmo").documentName("portfolio").variable("id", "not-a-uuid"), "VALIDATION_FAILED");
    }

    @Test
    void cannotRenameArchivedPortfolio() {
        String id = newPortfolio();
        as("pmo").documentName("archivePortfolio").variable("input", Map.of("portfolioId", id)).execute()
                .path("archivePortfolio.portfolio.status").entity(String.class).isEqualTo("ARCHIVED");
        assertRefused(as("pmo").documentName("renamePortfolio")
                              .variable("input", Map.of("portfolioId", id, "name", unique("Late"))),
                      "PORTFOLIO_ARCHIVED");
    }

    @Test
    void cannotArchiveTwice() {
        String id = newPortfolio();
        as("pmo").documentName("archivePortfolio").variable("input", Map.of("portfolioId", id)).execute()
                .path("archivePortfolio.portfolio.status").hasValue();
        assertRefused(as("pmo").documentName("archivePortfolio").variable("input", Map.of("portfolioId", id)),
                      "ILLEGAL_TRANSITION");
    }

    @Test
    void unknownPortfolioReadsAsNull() {
        as("auditor").documentName("portfolio").variable("id", UUID.randomUUID().toString())
                .execute().path("portfolio").valueIsNull();
    }

    @Test
    void portfoliosPageThroughEveryPortfolioOnce() {
        for (int i = 0; i < 5; i++) {
            newPortfolio();
        }
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 1000; page++) {
            var request = as("member").documentName("portfolios").variable("first", 2);
            if (after != null) {
                request = request.variable("after", after);
            }
            var response = request.execute();
            List<String> ids = response.path("portfolios.edges[*].node.id").entityList(String.class).get();
            assertThat(ids).hasSizeLessThanOrEqualTo(2);
            for (String id : ids) {
                assertThat(seen.add(id)).as("portfolio %s appears twice", id).isTrue();
                order.add(id);
            }
            boolean hasNext = response.path("portfolios.pageInfo.hasNextPage").entity(Boolean.class).get();
            if (!hasNext) {
                break;
            }
            after = response.path("portfolios.pageInfo.endCursor").entity(String.class).get();
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM portfolio_view", Long.class);
        assertThat((long) seen.size()).isEqualTo(total);
    }

    @Test
    void malformedCursorIsAValidationError() {
        assertRefused(as("member").documentName("portfolios").variable("first", 2).variable("after", "%%%"),
                      "VALIDATION_FAILED");
    }

    @Test
    void pageSizeIsBounded() {
        assertRefused(as("member").documentName("portfolios").variable("first", 0), "VALIDATION_FAILED");
        assertRefused(as("member").documentName("portfolios").variable("first", 1000), "VALIDATION_FAILED");
    }
}
