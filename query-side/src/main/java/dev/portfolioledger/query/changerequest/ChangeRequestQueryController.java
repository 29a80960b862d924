package dev.portfolioledger.query.changerequest;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.changerequest.ChangeRequestStatus;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.axon.security.Roles;
import dev.portfolioledger.query.instant.AsOfReads;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.Cursors;
import dev.portfolioledger.query.paging.Edge;
import dev.portfolioledger.query.paging.PageRequest;
import dev.portfolioledger.query.project.ProjectView;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;

/** A project's change requests, its scope history and the diff between two baseline versions. */
@Controller
public class ChangeRequestQueryController {

    /** Names the cursors of {@code Project.changeRequests}. */
    static final String LISTING = "project.changeRequests";
    /** Names the cursors of {@code Query.changeRequests}, the listing across projects. */
    static final String INBOX_LISTING = "changeRequests";
    /** How many baseline versions scopeHistory returns when not told, and at most. */
    public static final int SCOPE_HISTORY_DEFAULT = 100;
    public static final int SCOPE_HISTORY_MAX = 500;

    /** Names the loader that reads Project.changeRequests for every project of a request at once. */
    static final String PROJECT_CHANGE_REQUESTS_LOADER = "projectChangeRequests";

    private final ChangeRequests changeRequests;
    private final AsOfReads<? extends ChangeRequestsAsOf> history;

    public ChangeRequestQueryController(ChangeRequests changeRequests, AsOfReads<? extends ChangeRequestsAsOf> history,
                                        BatchLoaderRegistry batchLoaders) {
        this.changeRequests = changeRequests;
        this.history = history;
        // the field takes paging arguments, which @BatchMapping cannot see; a keyed loader still
        // reads the pages of all the projects of a request (projects(...) { changeRequests }) at once
        batchLoaders.<ChangeRequests.ProjectPageKey, List<ChangeRequestView>>forName(PROJECT_CHANGE_REQUESTS_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> changeRequests.pagesOf(keys)));
    }

    /**
     * Live, the pages of every project of the request with one query (a keyed loader). As of a past
     * instant, the same page of the requests the project's events had made by then.
     */
    @SchemaMapping(typeName = "Project", field = "changeRequests")
    public CompletableFuture<Connection<ChangeRequestView>> changeRequests(
            ProjectView project, @Argument ChangeRequestStatus status, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment environment) {
        PageRequest<Long> page = PageRequest.of(first, 20, after, cursor -> Cursors.decodeLong(LISTING, cursor));
        ChangeRequestsAsOf past = AsOfReads.of(environment, ChangeRequestsAsOf.class);
        if (past != null) {
            return CompletableFuture.completedFuture(
                    connection(pageOf(past.changeRequests(project.id()), status, page), page));
        }
        DataLoader<ChangeRequests.ProjectPageKey, List<ChangeRequestView>> loader =
                environment.getDataLoader(PROJECT_CHANGE_REQUESTS_LOADER);
        return loader.load(new ChangeRequests.ProjectPageKey(project.id(), status, page))
                .thenApply(rows -> connection(rows, page));
    }

    private static Connection<ChangeRequestView> connection(List<ChangeRequestView> rows, PageRequest<Long> page) {
        List<Edge<ChangeRequestView>> fetched = rows.stream()
                .map(v -> new Edge<>(Cursors.encode(LISTING, Long.toString(v.position())), v)).toList();
        return Connection.of(fetched, page.first());
    }

    /** What {@link ChangeRequests#pagesOf} reads for one project, from requests already newest first. */
    static List<ChangeRequestView> pageOf(List<ChangeRequestView> newestFirst, ChangeRequestStatus status,
                                          PageRequest<Long> page) {
        return newestFirst.stream()
                .filter(v -> status == null || v.status() == status)
                .filter(v -> page.after() == null || v.position() < page.after())
                .limit(page.fetchSize())
                .toList();
    }

    /**
     * Change requests across projects, newest submitted first: what a change board reads, e.g.
     * every ASSESSED request of a portfolio, waiting for a decision.
     */
    @QueryMapping(name = "changeRequests")
    @PreAuthorize(Roles.READ_VIEWS)
    public Connection<ChangeRequestView> inbox(@Argument ChangeRequestFilter filter, @Argument Integer first,
                                               @Argument String after, @Argument OffsetDateTime asOf) {
        PageRequest<ChangeRequests.InboxKey> page = PageRequest.of(first, 20, after, ChangeRequestQueryController::inboxKey);
        ChangeRequestFilter criteria = filter == null ? ChangeRequestFilter.ALL : filter;
        List<ChangeRequestView> rows = asOf == null ? changeRequests.inbox(criteria, page)
                : history.at(asOf).changeRequestInbox(criteria, page);
        List<Edge<ChangeRequestView>> fetched = rows.stream()
                .map(v -> new Edge<>(Cursors.encode(INBOX_LISTING, v.submittedAt().toString(),
                                                    v.changeRequestId().toString()), v)).toList();
        return Connection.of(fetched, page.first());
    }

    private static ChangeRequests.InboxKey inboxKey(String cursor) {
        List<String> keys = Cursors.decode(INBOX_LISTING, cursor, 2);
        try {
            return new ChangeRequests.InboxKey(java.time.Instant.parse(keys.get(0)),
                                               java.util.UUID.fromString(keys.get(1)));
        } catch (RuntimeException e) {
            throw Checks.invalid("after is not a cursor of this list; pass an endCursor returned by it");
        }
    }

    @SchemaMapping(typeName = "ChangeRequest", field = "projectId")
    public String projectId(ChangeRequestView changeRequest) {
        return changeRequest.projectId().toString();
    }

    @QueryMapping
    @PreAuthorize(Roles.READ_VIEWS)
    public List<ScopeHistoryEntry> scopeHistory(@Argument String projectId, @Argument Integer first,
                                                @Argument Integer afterVersion) {
        ProjectId id = ProjectId.of(projectId);
        int limit = first == null ? SCOPE_HISTORY_DEFAULT : first;
        if (limit < 1 || limit > SCOPE_HISTORY_MAX) {
            throw Checks.invalid("first must be between 1 and " + SCOPE_HISTORY_MAX);
        }
        List<BaselineVersion> versions = changeRequests.versions(id).stream()
                .filter(v -> afterVersion == null || v.version() > afterVersion)
                .limit(limit)
                .toList();
        boolean revised = versions.stream().anyMatch(v -> v.changeRequestId() != null);
        return ScopeHistoryEntry.of(versions, revised ? changeRequests.byId(id) : Map.of());
    }

    @QueryMapping
    @PreAuthorize(Roles.READ_VIEWS)
    public BaselineDiff baselineDiff(@Argument String projectId, @Argument int fromVersion,
                                     @Argument int toVersion) {
        return BaselineDiffs.diff(changeRequests.versions(ProjectId.of(projectId)), fromVersion, toVersion);
    }

    @SchemaMapping(typeName = "ChangeRequest", field = "id")
    public String id(ChangeRequestView changeRequest) {
        return changeRequest.changeRequestId().toString();
    }

    @SchemaMapping(typeName = "ProposedChange", field = "deliverableId")
    public String deliverableId(ProposedChange change) {
        return change.deliverableId() == null ? null : change.deliverableId().toString();
    }

    @SchemaMapping(typeName = "ProposedChange", field = "milestoneId")
    public String milestoneId(ProposedChange change) {
        return change.milestoneId() == null ? null : change.milestoneId().toString();
    }
}
