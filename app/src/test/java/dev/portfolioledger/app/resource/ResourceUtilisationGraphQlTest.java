package dev.portfolioledger.app.resource;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resource pool end to end through real mutations: every payload's {@code resource} after
 * read your writes, a refused and a recorded over-allocation, a reallocation that splits, and the
 * portfolio's utilisation grid and over-allocations, live and as of an instant before the
 * over-allocation.
 */
class ResourceUtilisationGraphQlTest extends GraphQlIntegrationTest {

    /** Monday 2027-03-01 .. Sunday 2027-03-14: two ISO weeks. */
    private static final String FROM = "2027-03-01";
    private static final String TO = "2027-03-14";

    @Test
    void utilisationFollowsAllocationsOverallocationAndReallocation() throws InterruptedException {
        String portfolioId = newPortfolio();
        String shop = approvedProject(portfolioId);
        String crm = approvedProject(portfolioId);

        var registered = as("resources").documentName("resourcePayload").operationName("registerResourceWithPayload")
                .variable("input", Map.of("portfolioId", portfolioId, "name", unique("Ada"), "role", "Developer",
                        "capacityPercent", 100, "costRate", Map.of("amount", "80", "currency", "EUR"),
                        "rateEffectiveFrom", "2027-01-01"))
                .execute();
        String ada = registered.path("registerResource.resource.id").entity(String.class).get();
        registered.path("registerResource.resource.capacityPercent").entity(Integer.class).isEqualTo(100);
        registered.path("registerResource.resource.portfolio.id").entity(String.class).isEqualTo(portfolioId);

        // 60 % to the shop for both weeks
        as("resources").documentName("resourcePayload").operationName("allocateResourceWithPayload")
                .variable("input", allocation(ada, shop, 60, FROM, TO, null)).execute()
                .path("allocateResource.resource.allocations[*].percent").entityList(Integer.class).containsExactly(60);

        // 50 % more to the CRM in the second week: over capacity, refused with the days
        as("resources").documentName("allocateResource")
                .variable("input", allocation(ada, crm, 50, "2027-03-08", TO, null)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "CAPACITY_EXCEEDED");
                    assertThat(error.getExtensions().get("days")).asList().isNotEmpty();
                }));
        Instant beforeOverallocation = Instant.now();
        Thread.sleep(5);

        // recorded on purpose for the go-live week
        as("resources").documentName("resourcePayload").operationName("allocateResourceWithPayload")
                .variable("input", allocation(ada, crm, 50, "2027-03-08", TO, "Go-live week")).execute()
                .path("allocateResource.resource.allocations[?(@.overallocated == true)].overallocationReason")
                .entityList(String.class).containsExactly("Go-live week");

        var grid = utilisation(portfolioId, null);
        grid.path("portfolio.utilisation.periods[*].start").entityList(String.class)
                .containsExactly("2027-03-01", "2027-03-08");
        grid.path("portfolio.utilisation.resources[0].resource.id").entity(String.class).isEqualTo(ada);
        grid.path("portfolio.utilisation.resources[0].allocatedPercent").entityList(Double.class)
                .containsExactly(60.0, 110.0);
        grid.path("portfolio.utilisation.resources[0].overallocated").entityList(Boolean.class)
                .containsExactly(false, true);
        var overallocations = overallocations(portfolioId, null);
        overallocations.path("portfolio.overallocations[*].start").entityList(String.class).containsExactly("2027-03-08");
        overallocations.path("portfolio.overallocations[0].end").entity(String.class).isEqualTo(TO);
        overallocations.path("portfolio.overallocations[0].loadPercent").entity(Integer.class).isEqualTo(110);
        overallocations.path("portfolio.overallocations[0].recorded").entity(Boolean.class).isEqualTo(true);
        overallocations.path("portfolio.overallocations[0].allocations[*].percent").entityList(Integer.class)
                .containsExactly(60, 50);
        overallocations.path("portfolio.utilisation.resources[0].periods[1].overallocatedDays").entity(Integer.class)
                .isEqualTo(7);

        // as of before the over-allocation: only the shop's 60 %
        var before = utilisation(portfolioId, beforeOverallocation.toString());
        before.path("portfolio.utilisation.resources[0].allocatedPercent").entityList(Double.class)
                .containsExactly(60.0, 60.0);
        overallocations(portfolioId, beforeOverallocation.toString()).path("portfolio.overallocations")
                .entityList(Object.class).hasSize(0);

        // move 20 % of the shop to the CRM for the first week only: the shop's allocation is split
        as("resources").documentName("resourcePayload").operationName("reallocateResourceWithPayload")
                .variable("input", Map.of("resourceId", ada, "fromProjectId", shop, "toProjectId", crm,
                        "percent", 20, "start", FROM, "end", "2027-03-07", "reason", "CRM needs help"))
                .execute()
                .path("reallocateResource.resource.allocations[?(@.project.id == '" + shop + "')].percent")
                .entityList(Integer.class).contains(40, 60).hasSize(2);
        utilisation(portfolioId, null).path("portfolio.utilisation.resources[0].allocatedPercent")
                .entityList(Double.class).containsExactly(60.0, 110.0);

        as("member").documentName("resourcePayload").operationName("logTimeWithPayload")
                .variable("input", Map.of("resourceId", ada, "projectId", shop, "date", "2027-03-02", "hours", "7.5"))
                .execute().path("logTime.resource.id").entity(String.class).isEqualTo(ada);
        var labour = as("auditor").documentName("projectLabour").variable("id", shop).execute();
        assertThat(labour.path("project.loggedHours").entity(BigDecimal.class).get()).isEqualByComparingTo("7.5");
        assertThat(labour.path("project.labourCost.amount").entity(BigDecimal.class).get()).isEqualByComparingTo("600");
        labour.path("project.team[*].percent").entityList(Integer.class).contains(40, 60).hasSize(2);

        as("auditor").documentName("resourceUtilisation").variable("id", ada).variable("from", FROM)
                .variable("to", "2027-03-31").variable("granularity", "MONTH").execute()
                .path("resource.utilisation[*].start").entityList(String.class).containsExactly(FROM);
    }

    @Test
    void utilisationRangesAndPagesAreChecked() {
        String portfolioId = newPortfolio();
        assertRefused(as("auditor").documentName("portfolioUtilisation").variable("id", portfolioId)
                .variable("from", TO).variable("to", FROM), "VALIDATION_FAILED");
        assertRefused(as("auditor").documentName("portfolioUtilisation").variable("id", portfolioId)
                .variable("from", "2027-01-01").variable("to", "2030-12-31"), "VALIDATION_FAILED");
        assertRefused(as("auditor").documentName("portfolioUtilisation").variable("id", portfolioId)
                .variable("from", FROM).variable("to", TO).variable("first", 501), "VALIDATION_FAILED");
    }

    private GraphQlTester.Response utilisation(String portfolioId,
                                                                                       String asOf) {
        var request = as("auditor").documentName("portfolioUtilisation").variable("id", portfolioId)
                .variable("from", FROM).variable("to", TO).variable("granularity", "WEEK");
        return (asOf == null ? request : request.variable("asOf", asOf)).execute();
    }

    private GraphQlTester.Response overallocations(String portfolioId, String asOf) {
        var request = as("auditor").documentName("portfolioOverallocations").variable("id", portfolioId)
                .variable("from", FROM).variable("to", TO);
        return (asOf == null ? request : request.variable("asOf", asOf)).execute();
    }

    private String approvedProject(String portfolioId) {
        String projectId = newProject(portfolioId, null);
        transition("approveProject", projectId, "pmo");
        return projectId;
    }

    private static Map<String, Object> allocation(String resourceId, String projectId, int percent, String start,
                                                  String end, String overallocationReason) {
        Map<String, Object> input = new HashMap<>(Map.of("resourceId", resourceId, "projectId", projectId,
                "percent", percent, "start", start, "end", end));
        if (overallocationReason != null) {
            input.put("allowOverallocation", true);
            input.put("reason", overallocationReason);
        }
        return input;
    }
}
