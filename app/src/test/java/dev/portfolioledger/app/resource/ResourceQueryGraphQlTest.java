package dev.portfolioledger.app.resource;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.Allocation;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.LeaveId;
import dev.portfolioledger.api.resource.Period;
import dev.portfolioledger.api.resource.ResourceAllocatedEvent;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.api.resource.ResourceLeaveRecordedEvent;
import dev.portfolioledger.api.resource.ResourceRegisteredEvent;
import dev.portfolioledger.api.resource.ResourceRetiredEvent;
import dev.portfolioledger.api.resource.Skill;
import dev.portfolioledger.api.resource.TimeEntryId;
import dev.portfolioledger.api.resource.TimeLogReversedEvent;
import dev.portfolioledger.api.resource.TimeLoggedEvent;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.Processors;
import dev.portfolioledger.app.support.ResourceEvents;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.query.asof.PointInTime;
import dev.portfolioledger.query.asof.PointsInTime;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;
import dev.portfolioledger.query.resource.ResourceFilter;
import dev.portfolioledger.query.resource.ResourceStatus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resource queries over HTTP, on resources whose events are appended straight to the event
 * store: one resource, every filter of the list, a project's team and logged time, and as-of
 * answers between the events, with the stored history and the fold compared at every instant.
 *
 * <p>Ada (Developer, Java 4, SQL 2, 80 %) works 50 % on Apollo in March 2027, is on leave on 1-2
 * April and logged 7.5 h (reversed) and 2 h on Apollo; Bob (Tester, Java 2, 100 %) works 100 % on
 * Apollo on 10-20 March and 20 % on Gemini on 15-16 March over capacity, and retires on 30 June;
 * Cyd (Developer, Rust 5, 60 %) has nothing allocated.
 */
class ResourceQueryGraphQlTest extends GraphQlIntegrationTest {

    @Autowired
    private EventStore eventStore;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private PointsInTime pointsInTime;

    private ResourceEvents events;
    private String portfolioId;
    private String apollo;
    private String gemini;
    private final ResourceId ada = ResourceId.random();
    private final ResourceId bob = ResourceId.random();
    private final ResourceId cyd = ResourceId.random();
    private final List<Instant> instants = new ArrayList<>();
    private Instant beforeAllocation;
    private Instant afterFirstLog;
    private String adaName;
    private String bobName;
    private String cydName;

    @BeforeEach
    void pool() {
        events = new ResourceEvents(eventStore, jdbc);
        portfolioId = newPortfolio();
        apollo = newProject(portfolioId, null);
        gemini = newProject(portfolioId, null);
        String tag = unique("");
        adaName = "Ada" + tag;
        bobName = "Bob" + tag;
        cydName = "Cyd" + tag;
        PortfolioId portfolio = PortfolioId.of(portfolioId);
        ProjectId apolloId = ProjectId.of(apollo);
        ProjectId geminiId = ProjectId.of(gemini);
        record(new ResourceRegisteredEvent(ada, portfolio, adaName, "Developer",
                                           List.of(new Skill("Java", 4), new Skill("SQL", 2)), 80,
                                           Money.of("95.00", "EUR"), LocalDate.of(2027, 1, 1)));
        record(new ResourceRegisteredEvent(bob, portfolio, bobName, "Tester", List.of(new Skill("Java", 2)), 100,
                                           Money.of("80.00", "EUR"), LocalDate.of(2027, 1, 1)));
        record(new ResourceRegisteredEvent(cyd, portfolio, cydName, "Developer", List.of(new Skill("Rust", 5)), 60,
                                           Money.of("120.00", "EUR"), LocalDate.of(2027, 1, 1)));
        beforeAllocation = instants.get(instants.size() - 1);
        record(new ResourceAllocatedEvent(ada, new Allocation(AllocationId.random(), apolloId, 50,
                                                              period("2027-03-01", "2027-03-31")), null, null));
        record(new ResourceAllocatedEvent(bob, new Allocation(AllocationId.random(), apolloId, 100,
                                                              period("2027-03-10", "2027-03-20")), null, null));
        record(new ResourceAllocatedEvent(bob, new Allocation(AllocationId.random(), geminiId, 20,
                                                              period("2027-03-15", "2027-03-16")), "Release weekend",
                                          List.of(period("2027-03-15", "2027-03-16"))));
        record(new ResourceLeaveRecordedEvent(ada, LeaveId.random(), period("2027-04-01", "2027-04-02"), "Easter"));
        TimeEntryId first = TimeEntryId.random();
        record(new TimeLoggedEvent(ada, first, apolloId, LocalDate.of(2027, 3, 2), new BigDecimal("7.5"), "Design",
                                   Money.of("95.00", "EUR"), Money.of("712.50", "EUR")));
        afterFirstLog = instants.get(instants.size() - 1);
        record(new TimeLoggedEvent(ada, TimeEntryId.random(), apolloId, LocalDate.of(2027, 3, 3), new BigDecimal("2"),
                                   null, Money.of("95.00", "EUR"), Money.of("190.00", "EUR")));
        record(new TimeLogReversedEvent(ada, first, apolloId, LocalDate.of(2027, 3, 2), new BigDecimal("7.5"),
                                        Money.of("712.50", "EUR"), "Logged on the wrong project"));
        record(new ResourceRetiredEvent(bob, LocalDate.of(2027, 6, 30)));
        Processors processors = new Processors(processing, jdbc);
        processors.awaitHead(ProcessingGroups.VIEWS);
        processors.awaitHead(ProcessingGroups.HISTORY);
    }

    private void record(dev.portfolioledger.api.resource.ResourceEvent event) {
        instants.add(events.append(event));
    }

    @Test
    void readsAResourceWithItsHistoriesLeaveAndAllocations() {
        Map<String, Object> resource = resource(ada.toString(), null);

        assertThat(resource).containsEntry("name", adaName).containsEntry("role", "Developer")
                .containsEntry("status", "ACTIVE").containsEntry("capacityPercent", 80);
        assertThat(resource.get("retiredFrom")).isNull();
        assertThat(resource.get("skills")).isEqualTo(List.of(Map.of("name", "Java", "level", 4),
                                                            Map.of("name", "SQL", "level", 2)));
        assertThat(resource.get("capacityHistory")).isEqualTo(List.of(Map.of("effectiveFrom", "1900-01-01",
                                                                              "capacityPercent", 80)));
        assertThat(resource.get("portfolio")).asString().contains(portfolioId);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> allocations = (List<Map<String, Object>>) resource.get("allocations");
        assertThat(allocations).hasSize(1);
        assertThat(allocations.get(0)).containsEntry("percent", 50).containsEntry("start", "2027-03-01")
                .containsEntry("end", "2027-03-31").containsEntry("overallocated", false);
        assertThat(allocations.get(0).get("project")).asString().contains(apollo);
        assertThat(allocations.get(0).get("resource")).isEqualTo(Map.of("id", ada.toString(), "name", adaName));
        assertThat(resource.get("leave")).asString().contains("2027-04-01").contains("Easter");

        Map<String, Object> retired = resource(bob.toString(), null);
        assertThat(retired).containsEntry("status", "RETIRED").containsEntry("retiredFrom", "2027-06-30");
        assertThat(retired.get("allocations")).asString().contains("Release weekend").contains("overallocated=true");
        assertThat(resource(ResourceId.random().toString(), null)).isNull();
    }

    @Test
    void listsThePoolByNameAndFiltersByRoleSkillStatusAndFreeTime() {
        assertThat(names(Map.of("portfolioId", portfolioId))).containsExactly(adaName, bobName, cydName);
        assertThat(names(Map.of("portfolioId", portfolioId, "role", "Developer"))).containsExactly(adaName, cydName);
        assertThat(names(Map.of("portfolioId", portfolioId, "skill", "JAVA"))).containsExactly(adaName, bobName);
        assertThat(names(Map.of("portfolioId", portfolioId, "skill", "java", "minSkillLevel", 3)))
                .containsExactly(adaName);
        assertThat(names(Map.of("portfolioId", portfolioId, "status", "RETIRED"))).containsExactly(bobName);
        assertThat(names(Map.of("portfolioId", portfolioId, "status", "ACTIVE"))).containsExactly(adaName, cydName);
        assertThat(names(free(30, "2027-03-01", "2027-03-31"))).containsExactly(adaName, cydName);
        assertThat(names(free(31, "2027-03-01", "2027-03-31"))).containsExactly(cydName);
        assertThat(names(free(30, "2027-03-21", "2027-04-01"))).containsExactly(bobName, cydName);
        assertThat(names(free(81, "2027-03-21", "2027-03-21"))).containsExactly(bobName);
        assertThat(names(free(100, "2027-03-21", "2027-03-21"))).containsExactly(bobName);
        assertThat(names(free(100, "2027-03-21", "2027-06-30"))).isEmpty();
        assertThat(names(free(60, "2027-02-01", "2027-02-28"))).containsExactly(adaName, bobName, cydName);
    }

    @Test
    void pagesThroughAFilteredListWithItsCursors() {
        Map<String, Object> filter = Map.of("portfolioId", portfolioId, "skill", "java");
        Map<String, Object> first = page(filter, 1, null, null);
        assertThat(first).asString().contains(adaName).doesNotContain(bobName);
        assertThat(first.get("pageInfo")).asString().contains("hasNextPage=true");
        @SuppressWarnings("unchecked")
        String cursor = (String) ((Map<String, Object>) first.get("pageInfo")).get("endCursor");
        Map<String, Object> second = page(filter, 1, cursor, null);
        assertThat(second).asString().contains(bobName).doesNotContain(adaName);
        assertThat(second.get("pageInfo")).asString().contains("hasNextPage=false");
    }

    @Test
    void refusesAFilterOutOfRange() {
        assertRefused(as("member").documentName("resources")
                              .variable("filter", Map.of("minFreePercent", 120, "freeFrom", "2027-03-01")),
                      "VALIDATION_FAILED");
        assertRefused(as("member").documentName("resources").variable("filter", Map.of("minSkillLevel", 2)),
                      "VALIDATION_FAILED");
    }

    @Test
    void aProjectShowsItsTeamAndTheTimeLoggedOnIt() {
        Map<String, Object> project = team(apollo, null);

        assertThat(new BigDecimal(project.get("loggedHours").toString())).isEqualByComparingTo("2");
        assertThat(project.get("labourCost")).asString().contains("190").contains("EUR");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> team = (List<Map<String, Object>>) project.get("team");
        assertThat(team).extracting(m -> m.get("resource")).containsExactly(
                Map.of("id", ada.toString(), "name", adaName), Map.of("id", bob.toString(), "name", bobName));
        assertThat(team.get(1)).containsEntry("percent", 100).containsEntry("start", "2027-03-10")
                .containsEntry("overallocated", false);

        Map<String, Object> other = team(gemini, null);
        assertThat(new BigDecimal(other.get("loggedHours").toString())).isEqualByComparingTo("0");
        assertThat(other.get("labourCost")).isNull();
        assertThat(other.get("team")).asString().contains("Release weekend").contains("overallocated=true");
    }

    @Test
    void everyProjectOfAListGetsItsTeam() {
        Map<String, Object> projects = as("member").documentName("portfolioTeams").variable("portfolioId", portfolioId)
                .execute().path("projects").entity(mapType()).get();

        assertThat(projects).asString().contains(adaName).contains(bobName).contains("190");
    }

    @Test
    void asOfAnInstantBetweenTheEventsShowsThePoolAsItWas() {
        assertThat(resource(ada.toString(), beforeAllocation).get("allocations")).isEqualTo(List.of());
        assertThat(team(apollo, beforeAllocation).get("team")).isEqualTo(List.of());
        assertThat(resource(ada.toString(), instants.get(0).minusNanos(1))).isNull();
        assertThat(names(Map.of("portfolioId", portfolioId), instants.get(1))).containsExactly(adaName, bobName);

        Map<String, Object> logged = team(apollo, afterFirstLog);
        assertThat(new BigDecimal(logged.get("loggedHours").toString())).isEqualByComparingTo("7.5");
        assertThat(logged.get("labourCost")).asString().contains("712.5");
        assertThat(names(Map.of("portfolioId", portfolioId, "status", "RETIRED"), afterFirstLog)).isEmpty();
        assertThat(resource(ada.toString(), Instant.now())).isEqualTo(resource(ada.toString(), null));
    }

    @Test
    void theStoredHistoryAndTheFoldAgreeAtEveryInstant() {
        ProjectId apolloId = ProjectId.of(apollo);
        ProjectId geminiId = ProjectId.of(gemini);
        List<ResourceFilter> filters = List.of(
                new ResourceFilter(PortfolioId.of(portfolioId), null, null, null, 1, null, null),
                new ResourceFilter(PortfolioId.of(portfolioId), "Developer", ResourceStatus.ACTIVE, "java", 2, 30,
                                   period("2027-03-01", "2027-03-31")));
        List<Instant> at = new ArrayList<>(instants);
        at.add(instants.get(0).minusNanos(1));
        instants.forEach(i -> at.add(i.minusNanos(1)));
        for (Instant instant : at) {
            PointInTime stored = pointsInTime.stored(instant);
            PointInTime folded = pointsInTime.folded(instant);
            for (ResourceId id : List.of(ada, bob, cyd)) {
                assertThat(stored.resource(id)).as("%s at %s", id, instant).isEqualTo(folded.resource(id));
            }
            for (ProjectId project : List.of(apolloId, geminiId)) {
                assertThat(stored.team(project)).as("team at %s", instant).isEqualTo(folded.team(project));
                assertThat(stored.labour(project)).as("labour at %s", instant).isEqualTo(folded.labour(project));
            }
            for (ResourceFilter filter : filters) {
                PageRequest<NameKey> page = new PageRequest<>(10, null);
                assertThat(stored.resources(filter, page)).as("resources at %s", instant)
                        .isEqualTo(folded.resources(filter, page));
            }
        }
    }

    private static Period period(String start, String end) {
        return new Period(LocalDate.parse(start), LocalDate.parse(end));
    }

    private Map<String, Object> free(int percent, String from, String to) {
        return Map.of("portfolioId", portfolioId, "minFreePercent", percent, "freeFrom", from, "freeTo", to);
    }

    private Map<String, Object> resource(String id, Instant asOf) {
        var request = as("member").documentName("resource").variable("id", id);
        if (asOf != null) {
            request = request.variable("asOf", asOf.toString());
        }
        var response = request.execute();
        response.errors().verify();
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) response.returnResponse().getData();
        return data == null ? null : (Map<String, Object>) data.get("resource");
    }

    private Map<String, Object> team(String projectId, Instant asOf) {
        var request = as("member").documentName("projectTeam").variable("id", projectId);
        if (asOf != null) {
            request = request.variable("asOf", asOf.toString());
        }
        return request.execute().path("project").entity(mapType()).get();
    }

    private List<String> names(Map<String, Object> filter) {
        return names(filter, null);
    }

    @SuppressWarnings("unchecked")
    private List<String> names(Map<String, Object> filter, Instant asOf) {
        Map<String, Object> page = page(filter, 100, null, asOf);
        return ((List<Map<String, Object>>) page.get("edges")).stream()
                .map(e -> (String) ((Map<String, Object>) e.get("node")).get("name")).toList();
    }

    private Map<String, Object> page(Map<String, Object> filter, int first, String after, Instant asOf) {
        var request = as("member").documentName("resources").variable("filter", filter).variable("first", first);
        if (after != null) {
            request = request.variable("after", after);
        }
        if (asOf != null) {
            request = request.variable("asOf", asOf.toString());
        }
        return request.execute().path("resources").entity(mapType()).get();
    }
}
