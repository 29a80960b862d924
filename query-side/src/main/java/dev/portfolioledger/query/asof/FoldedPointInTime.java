package dev.portfolioledger.query.asof;

import dev.portfolioledger.query.changerequest.ChangeRequests;
import dev.portfolioledger.query.changerequest.ChangeRequestFilter;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.query.project.ProjectFilter;
import dev.portfolioledger.query.changerequest.ChangeRequestView;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;
import dev.portfolioledger.query.program.Programs;
import dev.portfolioledger.query.project.Projects;
import dev.portfolioledger.query.portfolio.PortfolioView;
import dev.portfolioledger.query.portfolio.PortfolioViewEvolution;
import dev.portfolioledger.query.program.ProgramView;
import dev.portfolioledger.query.program.ProgramViewEvolution;
import dev.portfolioledger.query.project.ProjectPlan;
import dev.portfolioledger.query.quality.ProjectQualityView;
import dev.portfolioledger.query.project.ProjectStatusCounts;
import dev.portfolioledger.query.project.ProjectView;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.query.resource.Labour;
import dev.portfolioledger.query.resource.ResourceAllocationView;
import dev.portfolioledger.query.resource.ResourceFilter;
import dev.portfolioledger.query.resource.ResourceView;
import dev.portfolioledger.query.resource.ResourceViewEvolution;
import dev.portfolioledger.query.resource.Resources;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The read model as it was at one instant, folded from the event store: the reference the stored
 * history ({@code ViewHistory}) is tested against, and what as-of reads use while the history is
 * being rebuilt. Each aggregate's views are rebuilt on first use by folding the events of its
 * decisions recorded up to the instant with the very evolution
 * functions the live projections apply ({@link PortfolioViewEvolution}, {@link ProgramViewEvolution},
 * {@link ProjectViewEvolution}, {@link ProjectPlanEvolution}, {@link ChangeRequestEvolution}), and
 * kept for the rest of the request. A view is null (or absent) when the aggregate had no event yet.
 *
 * <p>Lists are ordered as the live lists are: by name case-insensitively, then id; change requests
 * newest submitted first.
 */
public final class FoldedPointInTime implements PointInTime {

    private final Instant instant;
    private final AggregateEvents events;
    private final Membership membership;

    private final Map<PortfolioId, Optional<PortfolioView>> portfolios = new ConcurrentHashMap<>();
    private final Map<ProgramId, Optional<ProgramView>> programs = new ConcurrentHashMap<>();
    private final Map<ProjectId, ProjectState> projects = new ConcurrentHashMap<>();
    private final Map<ResourceId, Optional<ResourceView>> resources = new ConcurrentHashMap<>();

    public FoldedPointInTime(Instant instant, AggregateEvents events, Membership membership) {
        this.instant = Objects.requireNonNull(instant, "instant");
        this.events = Objects.requireNonNull(events, "events");
        this.membership = Objects.requireNonNull(membership, "membership");
    }

    @Override
    public Instant instant() {
        return instant;
    }

    @Override
    public PortfolioView portfolio(PortfolioId id) {
        return portfolios.computeIfAbsent(id, k -> {
            PortfolioView view = null;
            for (RecordedEvent e : events.upTo(aggregateId(k.value()), instant)) {
                view = PortfolioViewEvolution.apply(view, e.payload(), e.at());
            }
            return Optional.ofNullable(view);
        }).orElse(null);
    }

    @Override
    public ProgramView program(ProgramId id) {
        return programs.computeIfAbsent(id, k -> {
            ProgramView view = null;
            for (RecordedEvent e : events.upTo(aggregateId(k.value()), instant)) {
                view = ProgramViewEvolution.apply(view, e.payload(), e.at());
            }
            return Optional.ofNullable(view);
        }).orElse(null);
    }

    @Override
    public ProjectView project(ProjectId id) {
        return projectState(id).view();
    }

    /** The project's plan (scope, schedule, budget lines, objectives, baseline version); null before its proposal. */
    @Override
    public ProjectPlan plan(ProjectId id) {
        return projectState(id).plan();
    }

    @Override
    public ProjectQualityView quality(ProjectId id) {
        return projectState(id).quality();
    }

    /** The project's change requests, newest submitted first. */
    @Override
    public List<ChangeRequestView> changeRequests(ProjectId id) {
        return projectState(id).changeRequests();
    }

    /** The programs of the portfolio that existed at the instant. */
    public List<ProgramView> programsOf(PortfolioId portfolioId) {
        return existing(membership.programsOf(portfolioId), this::program,
                        Comparator.comparing(p -> new NameKey(sortName(p.name()), p.id().value()), KEY_ORDER));
    }

    /** The projects of the portfolio that existed at the instant, with or without a program. */
    public List<ProjectView> projectsOf(PortfolioId portfolioId) {
        return existing(membership.projectsOf(portfolioId), this::project, PROJECT_ORDER);
    }

    /** The projects of the program that existed at the instant. */
    public List<ProjectView> projectsOf(ProgramId programId) {
        return existing(membership.projectsOf(programId), this::project, PROJECT_ORDER);
    }

    /** Newest submitted first, then by id as PostgreSQL orders UUIDs (their text), as the live inbox. */
    private static final Comparator<ChangeRequestView> INBOX_ORDER = Comparator
            .comparing(ChangeRequestView::submittedAt)
            .thenComparing(v -> v.changeRequestId().value().toString()).reversed();

    /** Folds the requests of the candidate projects (the program's, the portfolio's, or every one). */
    @Override
    public List<ChangeRequestView> changeRequestInbox(ChangeRequestFilter filter,
                                                      PageRequest<ChangeRequests.InboxKey> page) {
        UUID portfolio = filter.portfolio();
        UUID program = filter.program();
        List<ProjectId> candidates = program != null ? membership.projectsOf(new ProgramId(program))
                : portfolio != null ? membership.projectsOf(new PortfolioId(portfolio)) : membership.allProjects();
        return candidates.stream()
                .filter(id -> portfolio == null || program == null || portfolioOf(id, portfolio))
                .flatMap(id -> changeRequests(id).stream())
                .filter(v -> filter.status() == null || v.status() == filter.status())
                .sorted(INBOX_ORDER)
                .filter(v -> page.after() == null || olderThan(v, page.after()))
                .limit(page.fetchSize())
                .toList();
    }

    /** Folds each project's stream (the reference; the stored history counts in one query). */
    @Override
    public Map<ProjectId, Integer> pendingChangeRequests(Collection<ProjectId> projectIds) {
        Map<ProjectId, Integer> pending = new java.util.HashMap<>();
        for (ProjectId id : projectIds) {
            int count = (int) changeRequests(id).stream().filter(v -> v.status().isOpen()).count();
            if (count > 0) {
                pending.put(id, count);
            }
        }
        return pending;
    }

    private boolean portfolioOf(ProjectId id, UUID portfolio) {
        ProjectView project = project(id);
        return project != null && project.portfolioId().value().equals(portfolio);
    }

    /** Whether the request comes after the cursor's row in the inbox's order. */
    private static boolean olderThan(ChangeRequestView request, ChangeRequests.InboxKey key) {
        int byTime = request.submittedAt().compareTo(key.submittedAt());
        return byTime < 0 || byTime == 0
                && request.changeRequestId().value().toString().compareTo(key.changeRequestId().toString()) < 0;
    }

    /** Folds the candidates (the program's, the portfolio's, or every project) and keeps those matching as of the instant. */
    @Override
    public Connection<ProjectView> projects(ProjectFilter filter, PageRequest<NameKey> page) {
        List<ProjectId> candidates = filter.programId() != null ? membership.projectsOf(filter.programId())
                : filter.portfolioId() != null ? membership.projectsOf(filter.portfolioId())
                : membership.allProjects();
        List<ProjectView> matching = existing(candidates, this::project, PROJECT_ORDER).stream()
                .filter(filter::matches).toList();
        return PointInTime.pageOf(matching, page, FoldedPointInTime::key, Projects.LISTING);
    }

    @Override
    public Connection<ProgramView> programsOf(PortfolioId portfolioId, PageRequest<NameKey> page) {
        return PointInTime.pageOf(programsOf(portfolioId), page,
                                  p -> new NameKey(sortName(p.name()), p.id().value()), Programs.LISTING);
    }

    @Override
    public Connection<ProjectView> projectsOf(PortfolioId portfolioId, PageRequest<NameKey> page) {
        return PointInTime.pageOf(projectsOf(portfolioId), page, FoldedPointInTime::key, Projects.LISTING);
    }

    @Override
    public Connection<ProjectView> projectsOf(ProgramId programId, PageRequest<NameKey> page) {
        return PointInTime.pageOf(projectsOf(programId), page, FoldedPointInTime::key, Projects.LISTING);
    }

    private static NameKey key(ProjectView project) {
        return new NameKey(sortName(project.name()), project.id().value());
    }

    @Override
    public ProjectStatusCounts projectCounts(PortfolioId portfolioId) {
        return counts(projectsOf(portfolioId));
    }

    @Override
    public ProjectStatusCounts projectCounts(ProgramId programId) {
        return counts(projectsOf(programId));
    }

    private static String sortName(String name) {
        return PointInTime.sortName(name);
    }

    private static final Comparator<ProjectView> PROJECT_ORDER =
            Comparator.comparing(p -> new NameKey(sortName(p.name()), p.id().value()), KEY_ORDER);

    private static ProjectStatusCounts counts(Collection<ProjectView> projectList) {
        return ProjectStatusCounts.of(projectList.stream().collect(Collectors.groupingBy(
                ProjectView::status, () -> new EnumMap<>(ProjectStatus.class),
                Collectors.summingInt(p -> 1))));
    }

    private static <K, V> List<V> existing(List<K> ids, Function<K, V> fold, Comparator<V> order) {
        return ids.stream().distinct().map(fold).filter(Objects::nonNull).sorted(order).toList();
    }

    @Override
    public ResourceView resource(ResourceId id) {
        return resources.computeIfAbsent(id, k -> {
            ResourceView view = null;
            for (RecordedEvent e : events.upTo(aggregateId(k.value()), instant)) {
                view = ResourceViewEvolution.apply(view, e.payload(), e.at());
            }
            return Optional.ofNullable(view);
        }).orElse(null);
    }

    /** Folds the candidates (the portfolio's pool, or every resource) and keeps those matching as of the instant. */
    @Override
    public Connection<ResourceView> resources(ResourceFilter filter, PageRequest<NameKey> page) {
        List<ResourceId> candidates = filter.portfolioId() != null ? membership.resourcesOf(filter.portfolioId())
                : membership.allResources();
        List<ResourceView> matching = existing(candidates, this::resource, RESOURCE_ORDER).stream()
                .filter(filter::matches).toList();
        return PointInTime.pageOf(matching, page, r -> new NameKey(sortName(r.name()), r.id().value()),
                                  Resources.LISTING);
    }

    /** Folds the pool of the project's portfolio. */
    @Override
    public List<ResourceAllocationView> team(ProjectId projectId) {
        ProjectView project = project(projectId);
        if (project == null) {
            return List.of();
        }
        return ResourceAllocationView.teamOf(projectId, existing(membership.resourcesOf(project.portfolioId()),
                                                                 this::resource, RESOURCE_ORDER));
    }

    /** Folds the streams of the resources that logged time on the project. */
    @Override
    public Labour labour(ProjectId projectId) {
        Labour.Ledger ledger = new Labour.Ledger(projectId);
        for (ResourceId resource : membership.resourcesLoggingOn(projectId)) {
            events.upTo(aggregateId(resource.value()), instant).forEach(e -> ledger.add(e.payload()));
        }
        return ledger.total();
    }

    private static final Comparator<ResourceView> RESOURCE_ORDER =
            Comparator.comparing(r -> new NameKey(sortName(r.name()), r.id().value()), KEY_ORDER);

    private ProjectState projectState(ProjectId id) {
        return projects.computeIfAbsent(id, k -> ProjectState.fold(events.upTo(aggregateId(k.value()), instant)));
    }

    private static String aggregateId(UUID id) {
        return id.toString();
    }

    /** Everything the project's events make, folded in one pass over its stream. */
    record ProjectState(ProjectView view, ProjectPlan plan, List<ChangeRequestView> changeRequests,
                        ProjectQualityView quality) {

        static ProjectState fold(List<RecordedEvent> stream) {
            AggregateViews views = AggregateViews.none();
            for (RecordedEvent e : stream) {
                views.apply(e.payload(), e.at(), e.sequence());
            }
            return new ProjectState(views.project(), views.plan(), views.changeRequests(), views.quality());
        }
    }
}
