package dev.portfolioledger.query.quality;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.quality.ReviewKind;
import dev.portfolioledger.query.instant.AsOfReads;
import dev.portfolioledger.query.project.ProjectView;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A project's stakeholders and the quality of its deliverables. Live, read for all projects (or
 * deliverables) of a request at once through data loaders, one query each; as of a past instant,
 * from the request's {@link ProjectQualityAsOf}. Access is the parent field's (READ_VIEWS).
 *
 * <p>A {@code Deliverable} does not know its project, so its reviews are found by its id: the
 * live rows name the project that recorded something about it (a project never changes), and as of
 * an instant that project's view at the instant answers.
 */
@Controller
public class QualityQueryController {

    /** The most reviews a deliverable lists, newest first (see the query cost limit). */
    public static final int MAX_LISTED_REVIEWS = 50;
    static final int DEFAULT_LISTED_REVIEWS = 10;

    static final String QUALITY_LOADER = "projectQuality";
    static final String DELIVERABLE_LOADER = "deliverableQuality";

    public QualityQueryController(ProjectQualities qualities, BatchLoaderRegistry batchLoaders) {
        batchLoaders.<ProjectId, ProjectQualityView>forName(QUALITY_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> qualities.findAll(keys)));
        batchLoaders.<DeliverableId, List<ProjectQualityView>>forName(DELIVERABLE_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> qualities.ofDeliverables(keys)));
    }

    @SchemaMapping(typeName = "Project", field = "stakeholders")
    public CompletableFuture<StakeholderRegister> stakeholders(ProjectView project, DataFetchingEnvironment env) {
        return quality(project, env).thenApply(quality -> StakeholderRegister.of(quality.stakeholders()));
    }

    @SchemaMapping(typeName = "Project", field = "acceptanceReview")
    public CompletableFuture<ReviewKind> acceptanceReview(ProjectView project, DataFetchingEnvironment env) {
        return quality(project, env).thenApply(ProjectQualityView::requiredReview);
    }

    @SchemaMapping(typeName = "Deliverable", field = "qualityReviews")
    public CompletableFuture<List<QualityReviewView>> qualityReviews(DeliverablePlan deliverable,
                                                                     @Argument Integer first,
                                                                     DataFetchingEnvironment env) {
        int latest = first == null ? DEFAULT_LISTED_REVIEWS : first;
        if (latest < 1 || latest > MAX_LISTED_REVIEWS) {
            throw Checks.invalid("first must be between 1 and " + MAX_LISTED_REVIEWS);
        }
        return deliverableQuality(deliverable.deliverableId(), env).thenApply(quality -> {
            List<QualityReviewView> newestFirst = new ArrayList<>(quality.reviews());
            Collections.reverse(newestFirst);
            return newestFirst.size() <= latest ? newestFirst : newestFirst.subList(0, latest);
        });
    }

    @SchemaMapping(typeName = "Deliverable", field = "acceptance")
    public CompletableFuture<AcceptanceView> acceptance(DeliverablePlan deliverable, DataFetchingEnvironment env) {
        return deliverableQuality(deliverable.deliverableId(), env).thenApply(DeliverableQuality::acceptance);
    }

    /** The project's view at the request's point in time; a project with a view has one, folded from the same events. */
    private static CompletableFuture<ProjectQualityView> quality(ProjectView project, DataFetchingEnvironment env) {
        ProjectQualityAsOf past = AsOfReads.of(env, ProjectQualityAsOf.class);
        if (past != null) {
            return CompletableFuture.completedFuture(orEmpty(past.quality(project.id()), project.id()));
        }
        return env.<ProjectId, ProjectQualityView>getDataLoader(QUALITY_LOADER).load(project.id())
                .thenApply(found -> orEmpty(found, project.id()));
    }

    private static CompletableFuture<DeliverableQuality> deliverableQuality(DeliverableId deliverableId,
                                                                            DataFetchingEnvironment env) {
        ProjectQualityAsOf past = AsOfReads.of(env, ProjectQualityAsOf.class);
        return env.<DeliverableId, List<ProjectQualityView>>getDataLoader(DELIVERABLE_LOADER).load(deliverableId)
                .thenApply(live -> {
                    List<ProjectQualityView> holders = live == null ? List.of() : live;
                    Function<ProjectQualityView, ProjectQualityView> at = past == null ? Function.identity()
                            : view -> past.quality(view.projectId());
                    return holders.stream().map(at).filter(Objects::nonNull)
                            .map(view -> view.deliverable(deliverableId))
                            .filter(quality -> !quality.reviews().isEmpty() || quality.acceptance() != null)
                            .findFirst().orElse(DeliverableQuality.none(deliverableId));
                });
    }

    private static ProjectQualityView orEmpty(ProjectQualityView view, ProjectId projectId) {
        return view == null ? ProjectQualityView.empty(projectId) : view;
    }
}
