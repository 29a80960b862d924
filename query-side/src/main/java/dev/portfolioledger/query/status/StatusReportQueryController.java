package dev.portfolioledger.query.status;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.query.changerequest.ChangeRequests;
import dev.portfolioledger.query.changerequest.ChangeRequestsAsOf;
import dev.portfolioledger.query.finance.EarnedValueFigures;
import dev.portfolioledger.query.finance.EarnedValueReads;
import dev.portfolioledger.query.finance.EarnedValueScope;
import dev.portfolioledger.query.finance.PortfolioDashboard;
import dev.portfolioledger.query.finance.ProjectFigures;
import dev.portfolioledger.query.instant.AsOfReads;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.Cursors;
import dev.portfolioledger.query.paging.Edge;
import dev.portfolioledger.query.paging.PageRequest;
import dev.portfolioledger.query.portfolio.PortfolioView;
import dev.portfolioledger.query.project.ProjectView;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The status reports of a project and the health of a portfolio (status-report.graphqls). The
 * reports are read at the request's record time (now, or the root query's {@code asOf}: the
 * reports and corrections published by then), and so are the numbers the health compares them with.
 *
 * <p>A report is compared with the numbers <em>for its period's end as known when it was
 * published</em>: earned value of day {@code periodEnd} at the record time of its publication, and
 * the change requests pending at that instant. Those never change afterwards, so neither does a
 * published report's comparison, whenever it is read. The health of a portfolio compares each
 * project's latest report with the numbers of the health's own date (today, or the date of the
 * {@code asOf} instant) as known at its instant: a report that was right when published and that
 * the project has since outrun shows as a disagreement.
 */
@Controller
public class StatusReportQueryController {

    /** The most projects a health list returns. */
    public static final int MAX_LISTED = 100;
    /** The statuses of the projects a portfolio's health covers: those status reports are published for. */
    static final Set<ProjectStatus> REPORTED = EnumSet.of(ProjectStatus.APPROVED, ProjectStatus.ACTIVE,
                                                          ProjectStatus.ON_HOLD);

    static final String LISTING = "statusReports";
    static final String SUGGESTION_LOADER = "statusReportSuggestion";

    private final StatusReports reports;
    private final EarnedValueReads earnedValue;
    private final ChangeRequests changeRequests;
    private final AsOfReads<? extends ChangeRequestsAsOf> history;
    private final SuggestedRagThresholds thresholds;

    public StatusReportQueryController(StatusReports reports, EarnedValueReads earnedValue,
                                       ChangeRequests changeRequests, AsOfReads<? extends ChangeRequestsAsOf> history,
                                       SuggestedRagThresholds thresholds, BatchLoaderRegistry batchLoaders) {
        this.reports = reports;
        this.earnedValue = earnedValue;
        this.changeRequests = changeRequests;
        this.history = history;
        this.thresholds = thresholds;
        // the report's own comparison, read once per report and request for its three fields
        batchLoaders.<StatusReportView, SuggestedRag>forName(SUGGESTION_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> suggestionsOf(keys)));
    }

    @SchemaMapping(typeName = "Project", field = "statusReports")
    public Connection<StatusReportView> statusReports(ProjectView project, @Argument Integer first,
                                                      @Argument String after, DataFetchingEnvironment environment) {
        PageRequest<StatusReports.PageKey> page = PageRequest.of(first, 10, after, StatusReportQueryController::key);
        List<Edge<StatusReportView>> fetched = reports.page(project.id().value(), AsOfReads.recordTime(environment),
                                                            page.after(), page.fetchSize())
                .stream().map(r -> new Edge<>(cursor(r), r)).toList();
        return Connection.of(fetched, page.first());
    }

    @SchemaMapping(typeName = "StatusReport", field = "suggested")
    public CompletableFuture<SuggestedRag> suggested(StatusReportView report, DataFetchingEnvironment environment) {
        return environment.<StatusReportView, SuggestedRag>getDataLoader(SUGGESTION_LOADER).load(report);
    }

    @SchemaMapping(typeName = "StatusReport", field = "disagreements")
    public CompletableFuture<List<RagDimension>> disagreements(StatusReportView report,
                                                               DataFetchingEnvironment environment) {
        return suggested(report, environment).thenApply(s -> s.greenWhereRed(report.reported()));
    }

    @SchemaMapping(typeName = "StatusReport", field = "greenWhereNumbersSayRed")
    public CompletableFuture<Boolean> greenWhereNumbersSayRed(StatusReportView report,
                                                              DataFetchingEnvironment environment) {
        return disagreements(report, environment).thenApply(d -> !d.isEmpty());
    }

    @SchemaMapping(typeName = "Portfolio", field = "health")
    public PortfolioHealth health(PortfolioView portfolio, @Argument LocalDate at,
                                  DataFetchingEnvironment environment) {
        Instant instant = AsOfReads.instant(environment);
        LocalDate day = at == null ? LocalDate.ofInstant(instant, ZoneOffset.UTC) : Checks.date(at, "at");
        return health(earnedValue.portfolio(portfolio.id().value()).orElseThrow(), day, instant,
                      AsOfReads.recordTime(environment), AsOfReads.of(environment, ChangeRequestsAsOf.class));
    }

    /**
     * The portfolio's health at the end of day {@code at} as known at {@code atNs} (and its
     * {@code instant}): three statements whatever the number of projects, the earned value of
     * every project (the dashboard's roll-up), the pending change requests, the latest reports.
     *
     * @param past the change requests at the instant; null for a live read
     */
    public PortfolioHealth health(EarnedValueScope portfolio, LocalDate at, Instant instant, long atNs,
                                  ChangeRequestsAsOf past) {
        List<ProjectFigures> projects = new ArrayList<>();
        earnedValue.eachProject(portfolio, at, atNs, PortfolioDashboard.spendFrom(at), p -> {
            if (REPORTED.contains(p.status())) {
                projects.add(p);
            }
        });
        List<ProjectId> ids = projects.stream().map(p -> new ProjectId(p.projectId())).toList();
        Map<ProjectId, Integer> pending = past == null ? changeRequests.pendingOf(ids)
                : past.pendingChangeRequests(ids);
        Map<UUID, StatusReportView> latest = reports.latestOf(projects.stream().map(ProjectFigures::projectId)
                                                                       .toList(), atNs);
        List<ProjectHealth> health = projects.stream().map(p -> {
            SuggestedRag suggested = suggestion(p.figures(), at, instant,
                                                pending.getOrDefault(new ProjectId(p.projectId()), 0));
            StatusReportView report = latest.get(p.projectId());
            return new ProjectHealth(p.projectId(), p.name(), p.status(), report, suggested,
                                     suggested.greenWhereRed(report == null ? null : report.reported()));
        }).toList();
        return PortfolioHealth.of(at, instant, health);
    }

    @SchemaMapping(typeName = "HealthGroup", field = "projects")
    public List<ProjectHealth> groupProjects(PortfolioHealth.HealthGroup group, @Argument Integer first) {
        return firstOf(group.projects(), first);
    }

    @SchemaMapping(typeName = "PortfolioHealth", field = "disagreements")
    public List<ProjectHealth> disagreeing(PortfolioHealth health, @Argument Integer first) {
        return firstOf(health.disagreements(), first);
    }

    /**
     * Each report's comparison: earned value of its period's end at its publication's record time
     * (one roll-up statement per report, of one project), and the change requests pending then.
     */
    Map<StatusReportView, SuggestedRag> suggestionsOf(Collection<StatusReportView> keys) {
        Map<StatusReportView, SuggestedRag> found = new HashMap<>();
        Map<Long, List<StatusReportView>> byInstant = keys.stream()
                .collect(Collectors.groupingBy(StatusReportView::recordedNs));
        byInstant.forEach((ns, published) -> {
            Instant instant = published.get(0).publishedAt();
            ChangeRequestsAsOf then = history.at(instant.atOffset(ZoneOffset.UTC));
            Map<ProjectId, Integer> pending = then.pendingChangeRequests(
                    published.stream().map(r -> new ProjectId(r.projectId())).distinct().toList());
            for (StatusReportView report : published) {
                found.put(report, suggestion(figures(report, ns), report.periodEnd(), instant,
                                             pending.getOrDefault(new ProjectId(report.projectId()), 0)));
            }
        });
        return found;
    }

    private EarnedValueFigures figures(StatusReportView report, long atNs) {
        EarnedValueScope scope = earnedValue.project(report.projectId()).orElseThrow();
        List<ProjectFigures> rows = new ArrayList<>(1);
        earnedValue.eachProject(scope, report.periodEnd(), atNs, PortfolioDashboard.spendFrom(report.periodEnd()),
                                rows::add);
        return rows.isEmpty() ? EarnedValueFigures.zero(report.periodEnd(), scope.currency()) : rows.get(0).figures();
    }

    private SuggestedRag suggestion(EarnedValueFigures figures, LocalDate at, Instant knownAt, int pending) {
        return SuggestedRag.of(thresholds, at, knownAt, figures.schedulePerformanceIndex(),
                               figures.costPerformanceIndex(), pending);
    }

    private static List<ProjectHealth> firstOf(List<ProjectHealth> projects, Integer first) {
        int n = first == null ? 20 : first;
        if (n < 1 || n > MAX_LISTED) {
            throw Checks.invalid("first must be between 1 and " + MAX_LISTED);
        }
        return projects.size() <= n ? projects : projects.subList(0, n);
    }

    private static String cursor(StatusReportView report) {
        return Cursors.encode(LISTING, report.periodEnd().toString(), report.periodStart().toString(),
                              Long.toString(report.recordedNs()), report.id().toString());
    }

    private static StatusReports.PageKey key(String cursor) {
        List<String> keys = Cursors.decode(LISTING, cursor, 4);
        try {
            return new StatusReports.PageKey(LocalDate.parse(keys.get(0)), LocalDate.parse(keys.get(1)),
                                             Long.parseLong(keys.get(2)), UUID.fromString(keys.get(3)));
        } catch (RuntimeException e) {
            throw Checks.invalid("after is not a cursor of this list; pass an endCursor returned by it");
        }
    }
}
