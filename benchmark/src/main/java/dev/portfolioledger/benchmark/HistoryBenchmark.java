package dev.portfolioledger.benchmark;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.changerequest.ApproveChangeRequestCommand;
import dev.portfolioledger.api.changerequest.AssessChangeRequestCommand;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.changerequest.SubmitChangeRequestCommand;
import dev.portfolioledger.api.changerequest.WithdrawChangeRequestCommand;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.AddDeliverableCommand;
import dev.portfolioledger.api.project.ApproveProjectCommand;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.PlanBudgetLineCommand;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProposeProjectCommand;
import dev.portfolioledger.api.project.ReviseDeliverableCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Reading history: one project with about 1,000 events and 100 revised baselines, then the
 * latency of {@code project(id, asOf)} at random instants of its history, of
 * {@code scopeHistory} and of {@code baselineDiff(1, 101)}, over GraphQL on HTTP.
 */
final class HistoryBenchmark {

    record Result(long events, int versions, Percentiles asOf, Percentiles scopeHistory, Percentiles diff) {
    }

    private static final LocalDate START = LocalDate.of(2027, 1, 1);
    private static final LocalDate FINISH = LocalDate.of(2028, 12, 31);
    private static final int DELIVERABLES = 300;
    private static final int REVISIONS = 195;
    private static final int APPROVED_CHANGES = 100;
    private static final int WITHDRAWN_CHANGES = 50;
    private static final String AS_OF_QUERY = """
            query($id: ID!, $asOf: DateTime) { project(id: $id, asOf: $asOf) {
              status baselineVersion
              deliverables { id name plannedCost { amount currency } }
              milestones { id dueDate }
              budget { total { amount currency } }
              changeRequests(first: 20) { edges { node { id status } } }
            } }""";
    private static final String SCOPE_HISTORY = """
            query($id: ID!) { scopeHistory(projectId: $id, first: 200) {
              version establishedAt submittedBy approvedBy justification changes { kind }
            } }""";
    private static final String DIFF = """
            query($id: ID!, $to: Int!) { baselineDiff(projectId: $id, fromVersion: 1, toVersion: $to) {
              changedDeliverables { deliverableId fields { field oldValue newValue } changeRequestIds }
            } }""";

    private final CommandGateway gateway;
    private final GraphQlClient graphQl;
    private final Random random = new Random(42);

    HistoryBenchmark(CommandGateway gateway, URI endpoint, String user, String password) {
        this.gateway = gateway;
        this.graphQl = new GraphQlClient(endpoint, user, password);
    }

    Result run(PortfolioId portfolio, BenchDatabase database, int queries) throws Exception {
        ProjectId project = ProjectId.random();
        Instant first = Instant.now();
        as("benchmark-pm", () -> gateway.sendAndWait(new ProposeProjectCommand(project, portfolio, null,
                "Long history " + project, null, "pm", "sponsor", Methodology.WATERFALL, START, FINISH)));
        List<DeliverablePlan> plans = new ArrayList<>();
        for (int i = 0; i < DELIVERABLES; i++) {
            DeliverablePlan plan = plan(DeliverableId.random(), "D" + i, 1000 + i);
            plans.add(plan);
            as("benchmark-pm", () -> gateway.sendAndWait(new AddDeliverableCommand(project, plan.deliverableId(),
                    plan.name(), null, null, plan.plannedCost(), plan.plannedStart(), plan.plannedFinish())));
        }
        for (int i = 0; i < REVISIONS; i++) {
            DeliverablePlan revised = plan(plans.get(i).deliverableId(), "D" + i + " revised", 2000 + i);
            as("benchmark-pm", () -> gateway.sendAndWait(new ReviseDeliverableCommand(project,
                    revised.deliverableId(), revised.name(), null, null, revised.plannedCost(),
                    revised.plannedStart(), revised.plannedFinish())));
        }
        as("benchmark-pm", () -> gateway.sendAndWait(new PlanBudgetLineCommand(project, CostCategory.LABOUR,
                Money.of("900000", "EUR"))));
        as("benchmark-pm", () -> gateway.sendAndWait(new PlanBudgetLineCommand(project, CostCategory.CONTINGENCY,
                Money.of("50000", "EUR"))));
        as("benchmark-pmo", () -> gateway.sendAndWait(new ApproveProjectCommand(project)));
        for (int i = 0; i < APPROVED_CHANGES; i++) {
            ChangeRequestId request = ChangeRequestId.random();
            DeliverablePlan changed = plan(plans.get(i).deliverableId(), "D" + i + " v" + (i + 2), 3000 + i);
            as("benchmark-pm", () -> gateway.sendAndWait(new SubmitChangeRequestCommand(project, request,
                    "Change " + request, "Benchmark history", List.of(ProposedChange.modifyDeliverable(changed)))));
            as("benchmark-program", () -> gateway.sendAndWait(new AssessChangeRequestCommand(project, request,
                    Money.of("100", "EUR"), 1, "none")));
            as("benchmark-approver", () -> gateway.sendAndWait(new ApproveChangeRequestCommand(project, request)));
        }
        for (int i = 0; i < WITHDRAWN_CHANGES; i++) {
            ChangeRequestId request = ChangeRequestId.random();
            as("benchmark-pm", () -> gateway.sendAndWait(new SubmitChangeRequestCommand(project, request,
                    "Withdrawn " + request, "Benchmark history",
                    List.of(ProposedChange.changeBudget(CostCategory.TRAVEL, Money.of("10", "EUR"))))));
            as("benchmark-pm", () -> gateway.sendAndWait(new WithdrawChangeRequestCommand(project, request)));
        }
        Instant last = Instant.now();
        long events = Long.parseLong(database.scalar(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = '" + project + "'"));
        ProjectionLagProbe.awaitViewsCaughtUp(database, Duration.ofSeconds(120));

        String id = project.toString();
        long span = Duration.between(first, last).toMillis();
        for (int i = 0; i < 20; i++) {
            post(AS_OF_QUERY, "{\"id\":\"" + id + "\",\"asOf\":\"" + first.plusMillis(random.nextLong(span)) + "\"}");
        }
        long[] asOf = new long[queries];
        for (int i = 0; i < queries; i++) {
            Instant at = first.plusMillis(random.nextLong(span));
            asOf[i] = post(AS_OF_QUERY, "{\"id\":\"" + id + "\",\"asOf\":\"" + at + "\"}");
        }
        long[] history = new long[Math.max(queries / 4, 10)];
        for (int i = 0; i < history.length; i++) {
            history[i] = post(SCOPE_HISTORY, "{\"id\":\"" + id + "\"}");
        }
        long[] diff = new long[Math.max(queries / 4, 10)];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = post(DIFF, "{\"id\":\"" + id + "\",\"to\":" + (APPROVED_CHANGES + 1) + "}");
        }
        return new Result(events, APPROVED_CHANGES + 1, Percentiles.of(asOf), Percentiles.of(history),
                          Percentiles.of(diff));
    }

    private static DeliverablePlan plan(DeliverableId id, String name, int cost) {
        return new DeliverablePlan(id, name, null, null, Money.of(Integer.toString(cost), "EUR"), START,
                                   START.plusDays(30));
    }

    /** Sends the query; returns its latency in microseconds. Any GraphQL error aborts the run. */
    private long post(String query, String variables) throws IOException, InterruptedException {
        return graphQl.post(query, variables).micros();
    }

    /** Commands carry the actor of the security context; approvals need someone other than the submitter. */
    static void as(String actor, Supplier<Object> send) {
        SecurityContextHolder.setContext(new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(actor, null, List.of())));
        try {
            send.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
