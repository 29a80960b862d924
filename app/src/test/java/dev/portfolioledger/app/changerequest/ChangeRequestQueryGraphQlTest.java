package dev.portfolioledger.app.changerequest;

import dev.portfolioledger.api.changerequest.ChangeRequestStatus;
import dev.portfolioledger.app.support.Processors;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.query.asof.PointsInTime;
import dev.portfolioledger.query.changerequest.ChangeRequestFilter;
import dev.portfolioledger.query.changerequest.ChangeRequestView;
import dev.portfolioledger.query.changerequest.ChangeRequests;
import dev.portfolioledger.query.paging.PageRequest;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** project.changeRequests, scopeHistory and baselineDiff over a project with decided requests. */
class ChangeRequestQueryGraphQlTest extends ChangeRequestScenarios {

    @Autowired
    private PointsInTime pointsInTime;

    @Autowired
    private EventProcessingConfiguration processing;

    private static final String CHANGE_REQUESTS = """
            query($id: ID!, $status: ChangeRequestStatus, $first: Int, $after: String) {
              project(id: $id) {
                changeRequests(status: $status, first: $first, after: $after) {
                  edges { cursor node {
                    id title justification status submittedBy submittedAt decidedBy decidedAt rejectionReason
                    baselineVersion
                    assessment { costImpact { amount currency } scheduleImpactDays riskNotes assessedBy assessedAt }
                    changes { kind deliverable { id name plannedCost { amount currency } } deliverableId milestoneId
                              newDueDate category newAmount { amount currency } }
                  } }
                  pageInfo { hasNextPage endCursor }
                }
              }
            }
            """;

    @Test
    void changeRequestsScopeHistoryAndDiff() {
        Baselined project = baselinedProject();
        String projectId = project.id();
        String design = project.design();

        String approved = submit(projectId, "pm", List.of(
                Map.of("kind", "MODIFY_DELIVERABLE", "deliverable", deliverable(design, "Design", "15000")),
                Map.of("kind", "CHANGE_BUDGET", "category", "LABOUR", "newAmount", money("60000"))));
        assess(projectId, approved);
        as("approver").documentName("approveChangeRequest")
                .variable("input", Map.of("projectId", projectId, "changeRequestId", approved)).execute()
                .path("approveChangeRequest.project.baselineVersion").entity(Integer.class).isEqualTo(2);
        String rejected = submit(projectId, "pm", List.of(
                Map.of("kind", "REMOVE_DELIVERABLE", "deliverableId", design)));
        assess(projectId, rejected);
        as("approver").documentName("rejectChangeRequest")
                .variable("input", Map.of("projectId", projectId, "changeRequestId", rejected,
                                          "reason", "Out of scope")).execute()
                .path("rejectChangeRequest.project.id").hasValue();
        String open = submit(projectId, "pm", List.of(
                Map.of("kind", "CHANGE_BUDGET", "category", "TRAVEL", "newAmount", money("900"))));

        // newest first, two per page
        var first = as("pm").document(CHANGE_REQUESTS).variable("id", projectId).variable("first", 2).execute();
        first.path("project.changeRequests.edges[*].node.id").entityList(String.class)
                .containsExactly(open, rejected);
        first.path("project.changeRequests.edges[0].node.status").entity(String.class).isEqualTo("SUBMITTED");
        first.path("project.changeRequests.edges[0].node.assessment").valueIsNull();
        first.path("project.changeRequests.edges[0].node.changes[0].category").entity(String.class)
                .isEqualTo("TRAVEL");
        first.path("project.changeRequests.edges[1].node.rejectionReason").entity(String.class)
                .isEqualTo("Out of scope");
        first.path("project.changeRequests.edges[1].node.decidedBy").entity(String.class).isEqualTo("approver");
        first.path("project.changeRequests.edges[1].node.changes[0].deliverableId").entity(String.class)
                .isEqualTo(design);
        first.path("project.changeRequests.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("project.changeRequests.pageInfo.endCursor").entity(String.class).get();

        var second = as("pm").document(CHANGE_REQUESTS).variable("id", projectId).variable("first", 2)
                .variable("after", cursor).execute();
        second.path("project.changeRequests.edges[*].node.id").entityList(String.class).containsExactly(approved);
        second.path("project.changeRequests.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        second.path("project.changeRequests.edges[0].node.baselineVersion").entity(Integer.class).isEqualTo(2);
        second.path("project.changeRequests.edges[0].node.assessment.scheduleImpactDays").entity(Integer.class)
                .isEqualTo(10);
        assertThat(second.path("project.changeRequests.edges[0].node.assessment.costImpact.amount")
                           .entity(BigDecimal.class).get()).isEqualByComparingTo("3000");
        second.path("project.changeRequests.edges[0].node.changes[0].deliverable.id").entity(String.class)
                .isEqualTo(design);
        second.path("project.changeRequests.edges[0].node.changes[*].kind").entityList(String.class)
                .containsExactly("MODIFY_DELIVERABLE", "CHANGE_BUDGET");

        as("pm").document(CHANGE_REQUESTS).variable("id", projectId).variable("status", "APPROVED").execute()
                .path("project.changeRequests.edges[*].node.id").entityList(String.class).containsExactly(approved);

        var history = as("pm").document("""
                query($id: ID!) { scopeHistory(projectId: $id) {
                  version establishedAt submittedBy approvedBy justification changeRequest { id }
                  changes { kind }
                } }
                """).variable("id", projectId).execute();
        history.path("scopeHistory[*].version").entityList(Integer.class).containsExactly(1, 2);
        history.path("scopeHistory[0].changeRequest").valueIsNull();
        history.path("scopeHistory[0].changes").entityList(Object.class).hasSize(0);
        history.path("scopeHistory[1].changeRequest.id").entity(String.class).isEqualTo(approved);
        history.path("scopeHistory[1].submittedBy").entity(String.class).isEqualTo("pm");
        history.path("scopeHistory[1].approvedBy").entity(String.class).isEqualTo("approver");
        history.path("scopeHistory[1].changes[*].kind").entityList(String.class)
                .containsExactly("MODIFY_DELIVERABLE", "CHANGE_BUDGET");

        var diff = as("pm").document("""
                query($id: ID!) { baselineDiff(projectId: $id, fromVersion: 1, toVersion: 2) {
                  fromVersion toVersion
                  addedDeliverables { deliverable { id } changeRequestIds }
                  changedDeliverables { deliverableId name fields { field oldValue newValue } changeRequestIds }
                  movedMilestones { milestoneId }
                  budgetChanges { category oldAmount { amount } newAmount { amount currency } changeRequestIds }
                } }
                """).variable("id", projectId).execute();
        diff.path("baselineDiff.addedDeliverables").entityList(Object.class).hasSize(0);
        diff.path("baselineDiff.changedDeliverables[0].deliverableId").entity(String.class).isEqualTo(design);
        diff.path("baselineDiff.changedDeliverables[0].fields[*].field").entityList(String.class)
                .containsExactly("plannedCost");
        diff.path("baselineDiff.changedDeliverables[0].changeRequestIds").entityList(String.class)
                .containsExactly(approved);
        diff.path("baselineDiff.budgetChanges[0].category").entity(String.class).isEqualTo("LABOUR");
        diff.path("baselineDiff.budgetChanges[0].changeRequestIds").entityList(String.class)
                .containsExactly(approved);

        assertRefused(as("pm").document("""
                query($id: ID!) { baselineDiff(projectId: $id, fromVersion: 2, toVersion: 1) { fromVersion } }
                """).variable("id", projectId), "VALIDATION_FAILED");
        assertRefused(as("pm").document("""
                query($id: ID!) { baselineDiff(projectId: $id, fromVersion: 1, toVersion: 3) { fromVersion } }
                """).variable("id", projectId), "VALIDATION_FAILED");
    }

    @Test
    void changeBoardInboxListsRequestsAcrossProjectsByStatusPortfolioAndProgram() {
        String portfolio = newPortfolio();
        String program = newProgram(portfolio);
        Baselined inProgram = baselinedProject(portfolio, program);
        Baselined direct = baselinedProject(portfolio, null);
        Baselined elsewhere = baselinedProject(newPortfolio(), null);
        List<Map<String, Object>> budget = List.of(Map.of("kind", "CHANGE_BUDGET", "category", "TRAVEL",
                                                          "newAmount", money("100")));
        String first = submit(inProgram.id(), "pm", budget);
        assess(inProgram.id(), first);
        String waiting = submit(direct.id(), "pm", budget);
        String second = submit(direct.id(), "pm", budget);
        assess(direct.id(), second);
        assess(elsewhere.id(), submit(elsewhere.id(), "pm", budget));

        // everything of the portfolio, newest submitted first, each naming its project
        assertThat(inbox(Map.of("portfolioId", portfolio), 20, null))
                .extracting(r -> r.get("id"), r -> r.get("projectId"))
                .containsExactly(tuple(second, direct.id()), tuple(waiting, direct.id()), tuple(first, inProgram.id()));
        // what waits for the change board
        assertThat(inbox(Map.of("portfolioId", portfolio, "status", "ASSESSED"), 20, null))
                .extracting(r -> r.get("id")).containsExactly(second, first);
        assertThat(inbox(Map.of("programId", program), 20, null)).extracting(r -> r.get("id")).containsExactly(first);

        // paged with the connection's cursors
        var firstPage = as("approver").documentName("changeRequestInbox")
                .variable("filter", Map.of("portfolioId", portfolio)).variable("first", 2).execute();
        firstPage.path("changeRequests.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = firstPage.path("changeRequests.pageInfo.endCursor").entity(String.class).get();
        assertThat(inbox(Map.of("portfolioId", portfolio), 2, cursor)).extracting(r -> r.get("id"))
                .containsExactly(first);

        assertRefused(as("approver").documentName("changeRequestInbox")
                              .variable("filter", Map.of("portfolioId", "not-a-uuid")), "VALIDATION_FAILED");
        assertRefused(as("approver").documentName("changeRequestInbox")
                              .variable("filter", Map.of("portfolioId", portfolio)).variable("after", "bogus"),
                      "VALIDATION_FAILED");
    }

    @Test
    void theChangeRequestsOfEveryListedProjectAreTheirOwn() {
        String portfolio = newPortfolio();
        Baselined a = baselinedProject(portfolio, null);
        Baselined b = baselinedProject(portfolio, null);
        List<Map<String, Object>> budget = List.of(Map.of("kind", "CHANGE_BUDGET", "category", "TRAVEL",
                                                          "newAmount", money("100")));
        String a1 = submit(a.id(), "pm", budget);
        String a2 = submit(a.id(), "pm", budget);
        String a3 = submit(a.id(), "pm", budget);
        String b1 = submit(b.id(), "pm", budget);
        assess(a.id(), a1);

        // one request for both projects' pages (a keyed loader): each gets its own, newest first
        var listed = as("auditor").document("""
                        query($portfolio: ID!) { projects(filter: {portfolioId: $portfolio}, first: 10) { edges { node {
                          id
                          newest: changeRequests(first: 2) { edges { node { id projectId } } pageInfo { hasNextPage } }
                          assessed: changeRequests(status: ASSESSED) { edges { node { id } } } } } } }""")
                .variable("portfolio", portfolio).execute();
        Map<String, Map<String, Object>> byProject = new java.util.HashMap<>();
        listed.path("projects.edges[*].node").entityList(mapType()).get()
                .forEach(node -> byProject.put((String) node.get("id"), node));
        assertThat(ids(byProject.get(a.id()), "newest")).containsExactly(a3, a2);
        assertThat(ids(byProject.get(b.id()), "newest")).containsExactly(b1);
        assertThat(ids(byProject.get(a.id()), "assessed")).containsExactly(a1);
        assertThat(ids(byProject.get(b.id()), "assessed")).isEmpty();
        assertThat(byProject.get(a.id()).get("newest")).extracting("pageInfo").extracting("hasNextPage")
                .isEqualTo(true);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Map<String, Object> project, String alias) {
        List<Map<String, Object>> edges = (List<Map<String, Object>>) ((Map<String, Object>) project.get(alias)).get("edges");
        return edges.stream().map(edge -> ((Map<String, Object>) edge.get("node")).get("id")).toList();
    }

    @Test
    void theInboxAsOfAnInstantIsWhatWasWaitingThenAndTheStoredHistoryAgreesWithTheFold() throws Exception {
        String portfolio = newPortfolio();
        Baselined a = baselinedProject(portfolio, null);
        Baselined b = baselinedProject(portfolio, null);
        List<Map<String, Object>> budget = List.of(Map.of("kind", "CHANGE_BUDGET", "category", "TRAVEL",
                                                          "newAmount", money("100")));
        String first = submit(a.id(), "pm", budget);
        assess(a.id(), first);
        String second = submit(b.id(), "pm", budget);
        assess(b.id(), second);
        Thread.sleep(20);
        Instant bothWaiting = Instant.now();
        Thread.sleep(20);
        approve(a.id(), first).path("approveChangeRequest.project.baselineVersion").entity(Integer.class).isEqualTo(2);

        Map<String, Object> assessed = Map.of("portfolioId", portfolio, "status", "ASSESSED");
        assertThat(inboxAsOf(assessed, bothWaiting)).extracting(r -> r.get("id")).containsExactly(second, first);
        assertThat(inbox(assessed, 20, null)).extracting(r -> r.get("id")).containsExactly(second);

        new Processors(processing, jdbc).awaitHead(ProcessingGroups.HISTORY);
        List<Instant> recorded = jdbc.queryForList("SELECT timestamp FROM domainevententry WHERE aggregateidentifier "
                                                           + "IN (?, ?) ORDER BY globalindex", String.class, a.id(), b.id())
                .stream().map(Instant::parse).toList();
        PageRequest<ChangeRequests.InboxKey> firstPage = PageRequest.of(null, 20, null, cursor -> null);
        PageRequest<ChangeRequests.InboxKey> afterNewest = PageRequest.of(1, 20, null, cursor -> null);
        for (Instant recordedAt : recorded) {
            for (Instant at : List.of(recordedAt.minusNanos(1), recordedAt)) {
                for (ChangeRequestFilter filter : List.of(new ChangeRequestFilter(null, portfolio, null),
                        new ChangeRequestFilter(ChangeRequestStatus.ASSESSED, portfolio, null))) {
                    List<ChangeRequestView> stored = pointsInTime.stored(at).changeRequestInbox(filter, firstPage);
                    assertThat(stored).as("inbox %s as of %s", filter, at)
                            .isEqualTo(pointsInTime.folded(at).changeRequestInbox(filter, firstPage));
                    if (!stored.isEmpty()) {
                        // the second page starts after the first row, in both
                        var key = new ChangeRequests.InboxKey(stored.get(0).submittedAt(),
                                                               stored.get(0).changeRequestId().value());
                        PageRequest<ChangeRequests.InboxKey> next = new PageRequest<>(afterNewest.first(), key);
                        assertThat(pointsInTime.stored(at).changeRequestInbox(filter, next))
                                .isEqualTo(pointsInTime.folded(at).changeRequestInbox(filter, next));
                    }
                }
            }
        }
    }

    private List<Map<String, Object>> inboxAsOf(Map<String, Object> filter, Instant asOf) {
        return as("approver").document("""
                        query($filter: ChangeRequestFilter, $asOf: DateTime) {
                          changeRequests(filter: $filter, first: 20, asOf: $asOf) { edges { node { id status } } } }""")
                .variable("filter", filter).variable("asOf", asOf.toString()).execute()
                .path("changeRequests.edges[*].node").entityList(mapType()).get();
    }

    private List<Map<String, Object>> inbox(Map<String, Object> filter, int first, String after) {
        var request = as("approver").documentName("changeRequestInbox").variable("filter", filter)
                .variable("first", first);
        if (after != null) {
            request = request.variable("after", after);
        }
        return request.execute().path("changeRequests.edges[*].node").entityList(mapType()).get();
    }

}
