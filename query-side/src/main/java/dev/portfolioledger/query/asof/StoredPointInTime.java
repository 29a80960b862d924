package dev.portfolioledger.query.asof;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.query.project.ProjectFilter;
import dev.portfolioledger.query.changerequest.ChangeRequestView;
import dev.portfolioledger.query.changerequest.ChangeRequests;
import dev.portfolioledger.query.changerequest.ChangeRequestFilter;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.Edge;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;
import dev.portfolioledger.query.portfolio.PortfolioView;
import dev.portfolioledger.query.program.ProgramView;
import dev.portfolioledger.query.program.Programs;
import dev.portfolioledger.query.project.ProjectPlan;
import dev.portfolioledger.query.quality.ProjectQualityView;
import dev.portfolioledger.query.project.ProjectStatusCounts;
import dev.portfolioledger.query.project.ProjectView;
import dev.portfolioledger.query.project.Projects;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.query.resource.Labour;
import dev.portfolioledger.query.resource.ResourceAllocationView;
import dev.portfolioledger.query.resource.ResourceFilter;
import dev.portfolioledger.query.resource.ResourceView;
import dev.portfolioledger.query.resource.TimeEntries;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The read model as it was at one instant, read from the versions the history projection keeps:
 * every answer is an indexed read of the versions valid at the instant, whatever the length of
 * the history. Views read once are kept for the rest of the request; a page of projects also
 * keeps the projects it read, for their nested fields.
 */
final class StoredPointInTime implements PointInTime {

    private final Instant instant;
    private final long atNs;
    private final ViewHistory history;
    private final TimeEntries timeEntries;
    private final Map<ProjectId, List<ResourceAllocationView>> teams = new ConcurrentHashMap<>();
    private final Map<ViewKey, Optional<Object>> views = new ConcurrentHashMap<>();
    private final Map<ProjectId, List<ChangeRequestView>> changeRequests = new ConcurrentHashMap<>();

    StoredPointInTime(Instant instant, ViewHistory history, TimeEntries timeEntries) {
        this.timeEntries = Objects.requireNonNull(timeEntries, "timeEntries");
        this.instant = Objects.requireNonNull(instant, "instant");
        this.atNs = RecordTime.nanos(instant);
        this.history = Objects.requireNonNull(history, "history");
    }

    @Override
    public Instant instant() {
        return instant;
    }

    @Override
    public PortfolioView portfolio(PortfolioId id) {
        return view(ViewKind.PORTFOLIO, id.value(), PortfolioView.class);
    }

    /**
     * The first program asked for reads, with the same query, the programs of every project this
     * request has read so far: a page of projects then costs one query for all their programs.
     */
    @Override
    public ProgramView program(ProgramId id) {
        ViewKey key = new ViewKey(ViewKind.PROGRAM, id.value());
        if (!views.containsKey(key)) {
            Set<UUID> wanted = new HashSet<>();
            wanted.add(id.value());
            views.values().forEach(v -> v.ifPresent(view -> {
                if (view instanceof ProjectView project && project.programId() != null
                        && !views.containsKey(new ViewKey(ViewKind.PROGRAM, project.programId().value()))) {
                    wanted.add(project.programId().value());
                }
            }));
            Map<UUID, ProgramView> found = history.at(atNs, ViewKind.PROGRAM, wanted, ProgramView.class);
            wanted.forEach(w -> views.putIfAbsent(new ViewKey(ViewKind.PROGRAM, w), Optional.ofNullable(found.get(w))));
        }
        return view(ViewKind.PROGRAM, id.value(), ProgramView.class);
    }

    @Override
    public ProjectView project(ProjectId id) {
        return view(ViewKind.PROJECT, id.value(), ProjectView.class);
    }

    @Override
    public ProjectPlan plan(ProjectId id) {
        return view(ViewKind.PLAN, id.value(), ProjectPlan.class);
    }

    @Override
    public ProjectQualityView quality(ProjectId id) {
        return view(ViewKind.QUALITY, id.value(), ProjectQualityView.class);
    }

    @Override
    public List<ChangeRequestView> changeRequests(ProjectId id) {
        return changeRequests.computeIfAbsent(id, k -> history
                .childrenAt(atNs, ViewKind.CHANGE_REQUEST, k.value(), ChangeRequestView.class).stream()
                .sorted(Comparator.comparingLong(ChangeRequestView::position).reversed()).toList());
    }

    @Override
    public Connection<ProgramView> programsOf(PortfolioId portfolioId, PageRequest<NameKey> page) {
        return kept(ViewKind.PROGRAM, history.page(atNs, ViewKind.PROGRAM, false, portfolioId.value(), page,
                                                   Programs.LISTING, ProgramView.class), p -> p.id().value());
    }

    @Override
    public Connection<ProjectView> projectsOf(PortfolioId portfolioId, PageRequest<NameKey> page) {
        return kept(ViewKind.PROJECT, history.page(atNs, ViewKind.PROJECT, false, portfolioId.value(), page,
                                                   Projects.LISTING, ProjectView.class), p -> p.id().value());
    }

    @Override
    public Connection<ProjectView> projectsOf(ProgramId programId, PageRequest<NameKey> page) {
        return kept(ViewKind.PROJECT, history.page(atNs, ViewKind.PROJECT, true, programId.value(), page,
                                                   Projects.LISTING, ProjectView.class), p -> p.id().value());
    }

    @Override
    public List<ChangeRequestView> changeRequestInbox(ChangeRequestFilter filter,
                                                      PageRequest<ChangeRequests.InboxKey> page) {
        return history.changeRequestInbox(atNs, filter, page);
    }

    @Override
    public Map<ProjectId, Integer> pendingChangeRequests(Collection<ProjectId> projectIds) {
        return history.pendingChangeRequests(atNs, projectIds);
    }

    @Override
    public Connection<ProjectView> projects(ProjectFilter filter, PageRequest<NameKey> page) {
        return kept(ViewKind.PROJECT, history.projects(atNs, filter, page), p -> p.id().value());
    }

    @Override
    public ProjectStatusCounts projectCounts(PortfolioId portfolioId) {
        return history.projectCounts(atNs, false, portfolioId.value());
    }

    @Override
    public ProjectStatusCounts projectCounts(ProgramId programId) {
        return history.projectCounts(atNs, true, programId.value());
    }

    @Override
    public ResourceView resource(ResourceId id) {
        return view(ViewKind.RESOURCE, id.value(), ResourceView.class);
    }

    @Override
    public Connection<ResourceView> resources(ResourceFilter filter, PageRequest<NameKey> page) {
        return kept(ViewKind.RESOURCE, history.resources(atNs, filter, page), r -> r.id().value());
    }

    /** The resources read for the team are kept for the members' nested fields. */
    @Override
    public List<ResourceAllocationView> team(ProjectId projectId) {
        return teams.computeIfAbsent(projectId, id -> {
            ProjectView project = project(id);
            if (project == null) {
                return List.of();
            }
            List<ResourceView> allocated = history.allocatedAt(atNs, project.portfolioId().value(), id.value());
            allocated.forEach(r -> views.putIfAbsent(new ViewKey(ViewKind.RESOURCE, r.id().value()), Optional.of(r)));
            return ResourceAllocationView.teamOf(id, allocated);
        });
    }

    /** Read from the time entries, which carry the record times of each entry and its reversal. */
    @Override
    public Labour labour(ProjectId projectId) {
        return timeEntries.labour(List.of(projectId), atNs).get(projectId);
    }

    private <V> V view(ViewKind kind, UUID id, Class<V> type) {
        ViewKey key = new ViewKey(kind, id);
        Optional<Object> found = views.get(key);
        if (found == null) {
            found = Optional.ofNullable(history.at(atNs, kind, Set.of(id), type).get(id));
            views.put(key, found);
        }
        return type.cast(found.orElse(null));
    }

    private <V> Connection<V> kept(ViewKind kind, Connection<V> page, Function<V, UUID> id) {
        for (Edge<V> edge : page.edges()) {
            views.putIfAbsent(new ViewKey(kind, id.apply(edge.node())), Optional.of(edge.node()));
        }
        return page;
    }
}
