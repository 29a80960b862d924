package dev.portfolioledger.query.risk;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.risk.RiskScale;
import dev.portfolioledger.api.risk.RiskStatus;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The risk register on projects and portfolios (risk.graphqls). Every field reads the risk rows at
 * the request's record time ({@link AsOfReads#recordTime}: live, or the root query's {@code asOf}
 * instant), so the same statements answer live and as of. Access is the parent field's
 * ({@code portfolio}, {@code project}: READ_VIEWS).
 */
@Controller
public class RiskQueryController {

    /** The most risks {@code topRisks} returns. */
    public static final int MAX_TOP = 100;
    /** The most risks a heatmap cell lists. */
    public static final int MAX_CELL_RISKS = 100;
    /** The most entries a risk's history lists (oldest first). */
    public static final int MAX_HISTORY = 500;
    /** A heatmap has 5 × 5 cells. */
    public static final int CELLS = RiskScale.MAX * RiskScale.MAX;

    static final String PROJECT_LISTING = "projectRisks";
    static final String REVIEW_LISTING = "risksPastReview";
    static final String HISTORY_LOADER = "riskHistory";
    static final String CELL_LOADER = "riskHeatmapCell";

    private final RiskReads reads;

    public RiskQueryController(RiskReads reads, BatchLoaderRegistry batchLoaders) {
        this.reads = reads;
        batchLoaders.<HistoryKey, List<RiskChange>>forName(HISTORY_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> historiesOf(keys)));
        batchLoaders.<CellKey, List<RiskView>>forName(CELL_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> cellsOf(keys)));
    }

    /** A risk's history as known at a record time: what the history loader batches. */
    record HistoryKey(UUID riskId, long atNs, int first) {
    }

    /** A heatmap cell's risks as known at a record time: what the cell loader batches. */
    record CellKey(UUID portfolioId, long atNs, int probability, int impact, int first) {
    }

    @SchemaMapping(typeName = "Project", field = "risks")
    public Connection<RiskView> projectRisks(ProjectView project, @Argument RiskStatus status, @Argument Integer first,
                                             @Argument String after, DataFetchingEnvironment environment) {
        PageRequest<RiskReads.ProjectKey> page = PageRequest.of(first, 20, after, cursor -> {
            List<String> keys = Cursors.decode(PROJECT_LISTING, cursor, 2);
            try {
                return new RiskReads.ProjectKey(Long.parseLong(keys.get(0)), UUID.fromString(keys.get(1)));
            } catch (IllegalArgumentException e) {
                throw Checks.invalid("after is not a cursor of this list; pass an endCursor returned by it");
            }
        });
        long atNs = AsOfReads.recordTime(environment);
        List<Edge<RiskView>> fetched = reads.ofProject(project.id().value(), status == null ? null : status.name(),
                                                       atNs, page.after(), page.fetchSize())
                .stream().map(r -> new Edge<>(Cursors.encode(PROJECT_LISTING,
                                                             Long.toString(RiskReads.nanos(r.identifiedAt())),
                                                             r.riskId().toString()), r))
                .toList();
        return Connection.of(fetched, page.first());
    }

    @SchemaMapping(typeName = "Project", field = "risk")
    public RiskView projectRisk(ProjectView project, @Argument String id, DataFetchingEnvironment environment) {
        return reads.find(project.id().value(), Checks.uuid(id, "id"), AsOfReads.recordTime(environment));
    }

    @SchemaMapping(typeName = "Portfolio", field = "riskHeatmap")
    public RiskHeatmap riskHeatmap(PortfolioView portfolio, DataFetchingEnvironment environment) {
        return heatmap(portfolio.id().value(), AsOfReads.recordTime(environment));
    }

    /** The portfolio's heatmap as known at {@code atNs} (one query). */
    public RiskHeatmap heatmap(UUID portfolioId, long atNs) {
        Map<RiskReads.Cell, Integer> counts = reads.heatmap(portfolioId, atNs);
        List<RiskHeatmap.Cell> cells = new ArrayList<>(CELLS);
        for (int probability = RiskScale.MAX; probability >= RiskScale.MIN; probability--) {
            for (int impact = RiskScale.MIN; impact <= RiskScale.MAX; impact++) {
                cells.add(new RiskHeatmap.Cell(portfolioId, atNs, probability, impact,
                                               counts.getOrDefault(new RiskReads.Cell(probability, impact), 0)));
            }
        }
        return new RiskHeatmap(portfolioId, atNs, cells);
    }

    @SchemaMapping(typeName = "RiskHeatmapCell", field = "risks")
    public CompletableFuture<List<RiskView>> cellRisks(RiskHeatmap.Cell cell, @Argument Integer first,
                                                       DataFetchingEnvironment environment) {
        int n = bounded(first, 20, MAX_CELL_RISKS, "first");
        if (cell.count() == 0) {
            return CompletableFuture.completedFuture(List.of());
        }
        return environment.<CellKey, List<RiskView>>getDataLoader(CELL_LOADER)
                .load(new CellKey(cell.portfolioId(), cell.atNs(), cell.probability(), cell.impact(), n))
                .thenApply(found -> found == null ? List.of() : found);
    }

    @SchemaMapping(typeName = "Portfolio", field = "topRisks")
    public List<RiskView> topRisks(PortfolioView portfolio, @Argument Integer limit,
                                   DataFetchingEnvironment environment) {
        return top(portfolio.id().value(), AsOfReads.recordTime(environment), bounded(limit, 10, MAX_TOP, "limit"));
    }

    /** The portfolio's open risks of highest exposure as known at {@code atNs} (one query). */
    public List<RiskView> top(UUID portfolioId, long atNs, int limit) {
        return reads.top(portfolioId, atNs, limit);
    }

    @SchemaMapping(typeName = "Portfolio", field = "risksPastReview")
    public Connection<RiskView> risksPastReview(PortfolioView portfolio, @Argument LocalDate at,
                                                @Argument Integer first, @Argument String after,
                                                DataFetchingEnvironment environment) {
        LocalDate day = at == null ? AsOfReads.today(environment) : Checks.date(at, "at");
        PageRequest<RiskReads.ReviewKey> page = PageRequest.of(first, 20, after, cursor -> {
            List<String> keys = Cursors.decode(REVIEW_LISTING, cursor, 3);
            try {
                return new RiskReads.ReviewKey(LocalDate.parse(keys.get(0)), Long.parseLong(keys.get(1)),
                                               UUID.fromString(keys.get(2)));
            } catch (RuntimeException e) {
                throw Checks.invalid("after is not a cursor of this list; pass an endCursor returned by it");
            }
        });
        List<Edge<RiskView>> fetched = reads.pastReview(portfolio.id().value(), AsOfReads.recordTime(environment), day,
                                                        page.after(), page.fetchSize())
                .stream().map(r -> new Edge<>(Cursors.encode(REVIEW_LISTING, r.reviewDate().toString(),
                                                             Long.toString(RiskReads.nanos(r.identifiedAt())),
                                                             r.riskId().toString()), r))
                .toList();
        return Connection.of(fetched, page.first());
    }

    @SchemaMapping(typeName = "Risk", field = "history")
    public CompletableFuture<List<RiskChange>> history(RiskView risk, @Argument Integer first,
                                                       DataFetchingEnvironment environment) {
        int n = bounded(first, 100, MAX_HISTORY, "first");
        return environment.<HistoryKey, List<RiskChange>>getDataLoader(HISTORY_LOADER)
                .load(new HistoryKey(risk.riskId(), AsOfReads.recordTime(environment), n))
                .thenApply(found -> found == null ? List.of() : found);
    }

    private Map<HistoryKey, List<RiskChange>> historiesOf(Collection<HistoryKey> keys) {
        Map<HistoryKey, List<RiskChange>> found = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(k -> List.of(k.atNs(), k.first()))).forEach((group, ofGroup) -> {
            Map<UUID, List<RiskChange>> read = reads.history(
                    ofGroup.stream().map(HistoryKey::riskId).distinct().toList(), ofGroup.get(0).atNs(),
                    ofGroup.get(0).first());
            ofGroup.forEach(k -> found.put(k, read.getOrDefault(k.riskId(), List.of())));
        });
        return found;
    }

    private Map<CellKey, List<RiskView>> cellsOf(Collection<CellKey> keys) {
        Map<CellKey, List<RiskView>> found = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(k -> List.of(k.portfolioId(), k.atNs(), k.first())))
                .forEach((group, ofGroup) -> {
                    CellKey any = ofGroup.get(0);
                    Map<RiskReads.Cell, List<RiskView>> read = reads.cellRisks(any.portfolioId(), any.atNs(),
                            ofGroup.stream().map(k -> new RiskReads.Cell(k.probability(), k.impact())).toList(),
                            any.first());
                    ofGroup.forEach(k -> found.put(k, read.getOrDefault(
                            new RiskReads.Cell(k.probability(), k.impact()), List.of())));
                });
        return found;
    }

    private static int bounded(Integer value, int defaultValue, int max, String field) {
        int n = value == null ? defaultValue : value;
        if (n < 1 || n > max) {
            throw Checks.invalid(field + " must be between 1 and " + max);
        }
        return n;
    }
}
