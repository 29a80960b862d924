package dev.portfolioledger.query.closure;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
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

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * {@code Project.closure} and {@code Portfolio.lessonsLearned} (project-closure.graphqls), live and
 * as of the root query's instant: the closure rows carry their record time, so both read the same
 * rows, live at the end of time.
 */
@Controller
public class ClosureQueryController {

    static final String LESSONS = "lessonsLearned";
    static final String CLOSURE_LOADER = "projectClosure";

    private final ProjectClosures closures;

    public ClosureQueryController(ProjectClosures closures, BatchLoaderRegistry batchLoaders) {
        this.closures = closures;
        batchLoaders.<ClosureKey, ProjectClosureView>forName(CLOSURE_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> closuresOf(keys)));
    }

    /** A project's closure at a record time: what the closure loader batches. */
    record ClosureKey(ProjectId projectId, long atNs) {
    }

    @SchemaMapping(typeName = "Project", field = "closure")
    public CompletableFuture<ProjectClosureView> closure(ProjectView project, DataFetchingEnvironment environment) {
        return environment.<ClosureKey, ProjectClosureView>getDataLoader(CLOSURE_LOADER)
                .load(new ClosureKey(project.id(), AsOfReads.recordTime(environment)));
    }

    @SchemaMapping(typeName = "ProjectClosure", field = "finalFigures")
    public ClosureFigures finalFigures(ProjectClosureView closure) {
        return ClosureFigures.of(closure.closedOn(), closure.finalFigures());
    }

    @SchemaMapping(typeName = "Portfolio", field = "lessonsLearned")
    public Connection<PortfolioLesson> lessonsLearned(PortfolioView portfolio, @Argument LessonFilter filter,
                                                      @Argument Integer first, @Argument String after,
                                                      DataFetchingEnvironment environment) {
        PageRequest<ProjectClosures.LessonKey> page = PageRequest.of(first, 20, after, ClosureQueryController::key);
        List<Edge<PortfolioLesson>> fetched = closures.lessons(portfolio.id().value(),
                        filter == null ? LessonFilter.NONE : filter, AsOfReads.recordTime(environment), page.after(),
                        page.fetchSize())
                .stream().map(keyed -> new Edge<>(cursor(keyed.key()), keyed.lesson())).toList();
        return Connection.of(fetched, page.first());
    }

    private static String cursor(ProjectClosures.LessonKey key) {
        return Cursors.encode(LESSONS, Long.toString(key.closedNs()), key.projectId().toString(),
                              Integer.toString(key.position()));
    }

    private static ProjectClosures.LessonKey key(String cursor) {
        List<String> keys = Cursors.decode(LESSONS, cursor, 3);
        try {
            return new ProjectClosures.LessonKey(Long.parseLong(keys.get(0)), UUID.fromString(keys.get(1)),
                                                 Integer.parseInt(keys.get(2)));
        } catch (IllegalArgumentException e) {
            throw Checks.invalid("after is not a cursor of this list; pass an endCursor returned by it");
        }
    }

    private Map<ClosureKey, ProjectClosureView> closuresOf(Collection<ClosureKey> keys) {
        Map<ClosureKey, ProjectClosureView> found = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(ClosureKey::atNs)).forEach((atNs, ofInstant) -> {
            Map<ProjectId, ProjectClosureView> read = closures.closures(
                    ofInstant.stream().map(ClosureKey::projectId).toList(), atNs);
            ofInstant.forEach(k -> {
                ProjectClosureView closure = read.get(k.projectId());
                if (closure != null) {
                    found.put(k, closure);
                }
            });
        });
        return found;
    }
}
