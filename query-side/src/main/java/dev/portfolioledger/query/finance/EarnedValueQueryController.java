package dev.portfolioledger.query.finance;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.query.instant.AsOfReads;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.Cursors;
import dev.portfolioledger.query.paging.Edge;
import dev.portfolioledger.query.paging.PageRequest;
import dev.portfolioledger.query.portfolio.PortfolioView;
import dev.portfolioledger.query.program.ProgramView;
import dev.portfolioledger.query.project.ProjectMilestone;
import dev.portfolioledger.query.project.ProjectView;
import dev.portfolioledger.query.resource.Granularity;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Earned value, the cost ledger and execution progress on projects, programs, portfolios,
 * deliverables and milestones. Every field reads the finance rows at the request's record time
 * ({@link AsOfReads#recordTime}: live, or the root query's {@code asOf} instant), so the same
 * statements answer live and as of. Access is the parent field's ({@code portfolio},
 * {@code program}, {@code project}: READ_VIEWS).
 */
@Controller
public class EarnedValueQueryController {

    /** The most periods a series returns (five years of weeks). */
    public static final int MAX_PERIODS = 260;
    /** The most worst performers a dashboard lists. */
    public static final int MAX_WORST = 50;
    /** The most deliverables a project's earned value lists (as {@code Project.deliverables}). */
    public static final int MAX_DELIVERABLES = 500;

    static final String LEDGER = "costEntries";
    static final String EXECUTION_LOADER = "execution";

    private final EarnedValueReads reads;

    public EarnedValueQueryController(EarnedValueReads reads, BatchLoaderRegistry batchLoaders) {
        this.reads = reads;
        batchLoaders.<ExecutionKey, EarnedValueReads.Execution>forName(EXECUTION_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> executionsOf(keys)));
    }

    /** A deliverable's or milestone's progress at a record time: what the execution loader batches. */
    record ExecutionKey(UUID itemId, long atNs) {
    }

    @SchemaMapping(typeName = "Project", field = "earnedValue")
    public ProjectEarnedValue projectEarnedValue(ProjectView project, @Argument LocalDate at,
                                                 DataFetchingEnvironment environment) {
        Instant instant = AsOfReads.instant(environment);
        return projectEarnedValue(project.id().value(), day(at, instant), AsOfReads.recordTime(environment));
    }

    /** A project's earned value at the end of day {@code at} as known at {@code atNs} (three queries). */
    public ProjectEarnedValue projectEarnedValue(UUID projectId, LocalDate at, long atNs) {
        EarnedValueScope scope = reads.project(projectId).orElseThrow();
        List<ProjectFigures> rows = new ArrayList<>(1);
        reads.eachProject(scope, at, atNs, PortfolioDashboard.spendFrom(at), rows::add);
        EarnedValueFigures totals = rows.isEmpty() ? EarnedValueFigures.zero(at, scope.currency())
                : rows.get(0).figures();
        List<DeliverableFigures> deliverables = reads.deliverables(scope, at, atNs);
        return new ProjectEarnedValue(totals, deliverables.size() <= MAX_DELIVERABLES ? deliverables
                : deliverables.subList(0, MAX_DELIVERABLES));
    }

    @SchemaMapping(typeName = "Project", field = "earnedValueSeries")
    public List<EarnedValuePeriod> projectSeries(ProjectView project, @Argument LocalDate from, @Argument LocalDate to,
                                                 @Argument Granularity granularity,
                                                 DataFetchingEnvironment environment) {
        return series(reads.project(project.id().value()), from, to, granularity, environment);
    }

    @SchemaMapping(typeName = "Project", field = "actualCost")
    public Amount actualCost(ProjectView project, @Argument LocalDate at, DataFetchingEnvironment environment) {
        EarnedValueScope scope = reads.project(project.id().value()).orElseThrow();
        return new Amount(reads.actualCost(project.id().value(), day(at, AsOfReads.instant(environment)),
                                           AsOfReads.recordTime(environment)), scope.currency());
    }

    @SchemaMapping(typeName = "Project", field = "costEntries")
    public Connection<CostEntry> costEntries(ProjectView project, @Argument Integer first, @Argument String after,
                                             DataFetchingEnvironment environment) {
        PageRequest<EarnedValueReads.CostEntryKey> page = PageRequest.of(first, 20, after, cursor -> {
            List<String> keys = Cursors.decode(LEDGER, cursor, 2);
            try {
                return new EarnedValueReads.CostEntryKey(Long.parseLong(keys.get(0)), UUID.fromString(keys.get(1)));
            } catch (IllegalArgumentException e) {
                throw Checks.invalid("after is not a cursor of this list; pass an endCursor returned by it");
            }
        });
        EarnedValueScope scope = reads.project(project.id().value()).orElseThrow();
        long atNs = AsOfReads.recordTime(environment);
        List<Edge<CostEntry>> fetched = reads.costEntries(project.id().value(), scope.currency(), atNs,
                                                          page.after(), page.fetchSize())
                .stream().map(e -> new Edge<>(Cursors.encode(LEDGER, Long.toString(nanos(e.recordedAt())),
                                                             e.id().toString()), e))
                .toList();
        return Connection.of(fetched, page.first());
    }

    @SchemaMapping(typeName = "Program", field = "earnedValue")
    public EarnedValueFigures programEarnedValue(ProgramView program, @Argument LocalDate at,
                                                 DataFetchingEnvironment environment) {
        return total(reads.program(program.id().value()).orElseThrow(), day(at, AsOfReads.instant(environment)),
                     AsOfReads.recordTime(environment));
    }

    @SchemaMapping(typeName = "Program", field = "earnedValueSeries")
    public List<EarnedValuePeriod> programSeries(ProgramView program, @Argument LocalDate from, @Argument LocalDate to,
                                                 @Argument Granularity granularity,
                                                 DataFetchingEnvironment environment) {
        return series(reads.program(program.id().value()), from, to, granularity, environment);
    }

    @SchemaMapping(typeName = "Portfolio", field = "earnedValue")
    public EarnedValueFigures portfolioEarnedValue(PortfolioView portfolio, @Argument LocalDate at,
                                                   DataFetchingEnvironment environment) {
        return total(reads.portfolio(portfolio.id().value()).orElseThrow(), day(at, AsOfReads.instant(environment)),
                     AsOfReads.recordTime(environment));
    }

    /** The scope's roll-up at the end of day {@code at} as known at {@code atNs} (one query). */
    public EarnedValueFigures total(EarnedValueScope scope, LocalDate at, long atNs) {
        return reads.totals(scope, List.of(at), atNs).get(at);
    }

    @SchemaMapping(typeName = "Portfolio", field = "earnedValueSeries")
    public List<EarnedValuePeriod> portfolioSeries(PortfolioView portfolio, @Argument LocalDate from,
                                                   @Argument LocalDate to, @Argument Granularity granularity,
                                                   DataFetchingEnvironment environment) {
        return series(reads.portfolio(portfolio.id().value()), from, to, granularity, environment);
    }

    @SchemaMapping(typeName = "Portfolio", field = "dashboard")
    public PortfolioDashboard dashboard(PortfolioView portfolio, @Argument LocalDate at, @Argument Integer first,
                                        DataFetchingEnvironment environment) {
        int worst = first == null ? 5 : first;
        if (worst < 1 || worst > MAX_WORST) {
            throw Checks.invalid("first must be between 1 and " + MAX_WORST);
        }
        return dashboard(reads.portfolio(portfolio.id().value()).orElseThrow(), day(at, AsOfReads.instant(environment)),
                         AsOfReads.recordTime(environment), worst);
    }

    /** The portfolio's dashboard at the end of day {@code at} as known at {@code atNs} (one query). */
    public PortfolioDashboard dashboard(EarnedValueScope portfolio, LocalDate at, long atNs, int first) {
        PortfolioDashboard.Tally tally = new PortfolioDashboard.Tally(at, portfolio.currency(), first);
        reads.eachProject(portfolio, at, atNs, PortfolioDashboard.spendFrom(at), tally::add);
        return tally.dashboard();
    }

    @SchemaMapping(typeName = "Deliverable", field = "percentComplete")
    public CompletableFuture<Integer> percentComplete(DeliverablePlan deliverable, DataFetchingEnvironment environment) {
        return execution(deliverable.deliverableId().value(), environment)
                .thenApply(EarnedValueReads.Execution::percentComplete);
    }

    @SchemaMapping(typeName = "Deliverable", field = "reportedOn")
    public CompletableFuture<LocalDate> reportedOn(DeliverablePlan deliverable, DataFetchingEnvironment environment) {
        return execution(deliverable.deliverableId().value(), environment)
                .thenApply(EarnedValueReads.Execution::reportedOn);
    }

    @SchemaMapping(typeName = "Deliverable", field = "expectedFinish")
    public CompletableFuture<LocalDate> expectedFinish(DeliverablePlan deliverable,
                                                       DataFetchingEnvironment environment) {
        return execution(deliverable.deliverableId().value(), environment)
                .thenApply(EarnedValueReads.Execution::expectedFinish);
    }

    @SchemaMapping(typeName = "Milestone", field = "completedOn")
    public CompletableFuture<LocalDate> completedOn(ProjectMilestone milestone, DataFetchingEnvironment environment) {
        return execution(milestone.id().value(), environment).thenApply(EarnedValueReads.Execution::completedOn);
    }

    private CompletableFuture<EarnedValueReads.Execution> execution(UUID itemId, DataFetchingEnvironment environment) {
        return environment.<ExecutionKey, EarnedValueReads.Execution>getDataLoader(EXECUTION_LOADER)
                .load(new ExecutionKey(itemId, AsOfReads.recordTime(environment)))
                .thenApply(found -> found == null ? EarnedValueReads.Execution.NONE : found);
    }

    private Map<ExecutionKey, EarnedValueReads.Execution> executionsOf(Collection<ExecutionKey> keys) {
        Map<ExecutionKey, EarnedValueReads.Execution> found = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(ExecutionKey::atNs)).forEach((atNs, ofInstant) -> {
            Map<UUID, EarnedValueReads.Execution> read = reads.executions(
                    ofInstant.stream().map(ExecutionKey::itemId).distinct().toList(), atNs);
            ofInstant.forEach(k -> found.put(k, read.getOrDefault(k.itemId(), EarnedValueReads.Execution.NONE)));
        });
        return found;
    }

    private List<EarnedValuePeriod> series(java.util.Optional<EarnedValueScope> scope, LocalDate from, LocalDate to,
                                           Granularity granularity, DataFetchingEnvironment environment) {
        List<LocalDate> ends = periodEnds(from, to, granularity == null ? Granularity.MONTH : granularity);
        return series(scope.orElseThrow(), ends, AsOfReads.recordTime(environment));
    }

    /** The scope's figures at each period end as known at {@code atNs} (one query for all periods). */
    public List<EarnedValuePeriod> series(EarnedValueScope scope, List<LocalDate> periodEnds, long atNs) {
        return reads.totals(scope, periodEnds, atNs).entrySet().stream()
                .map(e -> new EarnedValuePeriod(e.getKey(), e.getValue())).toList();
    }

    /**
     * The last day of each week (ISO, ending Sunday) or month that {@code from..to} touches, the
     * last clipped to {@code to}.
     *
     * @throws dev.portfolioledger.api.RuleViolation VALIDATION_FAILED when {@code to} is before
     *                                               {@code from} or there are more than {@link #MAX_PERIODS}
     */
    public static List<LocalDate> periodEnds(LocalDate from, LocalDate to, Granularity granularity) {
        Checks.date(from, "from");
        Checks.date(to, "to");
        if (to.isBefore(from)) {
            throw Checks.invalid("to must not be before from");
        }
        List<LocalDate> ends = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); ) {
            if (ends.size() == MAX_PERIODS) {
                throw Checks.invalid("a series has at most " + MAX_PERIODS + " periods; narrow from..to or use MONTH");
            }
            LocalDate end = granularity.lastDayOfBucket(day);
            end = end.isAfter(to) ? to : end;
            ends.add(end);
            day = end.plusDays(1);
        }
        return ends;
    }

    /** The status date: as given, or today (UTC) of the instant read. */
    static LocalDate day(LocalDate at, Instant instant) {
        if (at != null) {
            Checks.date(at, "at");
            return at;
        }
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
