package dev.portfolioledger.query.asof;

import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestApprovedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestAssessedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ChangeRequestRejectedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestSubmittedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestWithdrawnEvent;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.query.changerequest.ChangeRequestEvolution;
import dev.portfolioledger.query.changerequest.ChangeRequestView;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.portfolio.PortfolioView;
import dev.portfolioledger.query.portfolio.PortfolioViewEvolution;
import dev.portfolioledger.query.program.ProgramView;
import dev.portfolioledger.query.program.ProgramViewEvolution;
import dev.portfolioledger.query.project.Budget;
import dev.portfolioledger.query.project.ProjectPlan;
import dev.portfolioledger.query.project.ProjectPlanEvolution;
import dev.portfolioledger.query.project.ProjectStatusCounts;
import dev.portfolioledger.query.project.ProjectView;
import dev.portfolioledger.query.project.ProjectViewEvolution;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The read model as it was at one instant, for one GraphQL request. Each aggregate's views are
 * rebuilt on first use by folding its events recorded up to the instant with the very evolution
 * functions the live projections apply ({@link PortfolioViewEvolution}, {@link ProgramViewEvolution},
 * {@link ProjectViewEvolution}, {@link ProjectPlanEvolution}, {@link ChangeRequestEvolution}), and
 * kept for the rest of the request. A view is null (or absent) when the aggregate had no event yet.
 *
 * <p>Lists are ordered as the live lists are: by name case-insensitively, then id; change requests
 * newest submitted first.
 */
public final class PointInTime {

    /**
     * The order of the live lists: name case-insensitively, then id (compared as its text, which
     * orders UUIDs as PostgreSQL does).
     */
    public static final Comparator<NameKey> KEY_ORDER =
            Comparator.comparing(NameKey::sortName).thenComparing(k -> k.id().toString());

    private final Instant instant;
    private final AggregateEvents events;
    private final Membership membership;

    private final Map<PortfolioId, Optional<PortfolioView>> portfolios = new ConcurrentHashMap<>();
    private final Map<ProgramId, Optional<ProgramView>> programs = new ConcurrentHashMap<>();
    private final Map<ProjectId, ProjectState> projects = new ConcurrentHashMap<>();

    public PointInTime(Instant instant, AggregateEvents events, Membership membership) {
        this.instant = Objects.requireNonNull(instant, "instant");
        this.events = Objects.requireNonNull(events, "events");
        this.membership = Objects.requireNonNull(membership, "membership");
    }

    public Instant instant() {
        return instant;
    }

    public PortfolioView portfolio(PortfolioId id) {
        return portfolios.computeIfAbsent(id, k -> {
            PortfolioView view = null;
            for (RecordedEvent e : events.upTo(aggregateId(k.value()), instant)) {
                view = PortfolioViewEvolution.apply(view, e.payload(), e.at());
            }
            return Optional.ofNullable(view);
        }).orElse(null);
    }

    public ProgramView program(ProgramId id) {
        return programs.computeIfAbsent(id, k -> {
            ProgramView view = null;
            for (RecordedEvent e : events.upTo(aggregateId(k.value()), instant)) {
                view = ProgramViewEvolution.apply(view, e.payload(), e.at());
            }
            return Optional.ofNullable(view);
        }).orElse(null);
    }

    public ProjectView project(ProjectId id) {
        return projectState(id).view();
    }

    /** The project's plan (scope, schedule, budget lines, objectives, baseline version); null before its proposal. */
    public ProjectPlan plan(ProjectId id) {
        return projectState(id).plan();
    }

    /** The project's change requests, newest submitted first. */
    public List<ChangeRequestView> changeRequests(ProjectId id) {
        return projectState(id).changeRequests();
    }

    /**
     * The project's budget: its lines and their total in the portfolio's currency (the lines'
     * currency if the portfolio cannot be folded); null before the proposal.
     */
    public Budget budget(ProjectId id) {
        ProjectView project = project(id);
        ProjectPlan plan = plan(id);
        if (project == null || plan == null) {
            return null;
        }
        PortfolioView portfolio = portfolio(project.portfolioId());
        if (portfolio != null) {
            return Budget.of(plan.budget(), Currency.getInstance(portfolio.currency().trim()));
        }
        return plan.budget().isEmpty() ? null : Budget.of(plan.budget(), plan.budget().get(0).amount().currency());
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

    public ProjectStatusCounts projectCounts(PortfolioId portfolioId) {
        return counts(projectsOf(portfolioId));
    }

    public ProjectStatusCounts projectCounts(ProgramId programId) {
        return counts(projectsOf(programId));
    }

    /** The name as the lists compare it. */
    public static String sortName(String name) {
        return name.toLowerCase(Locale.ROOT);
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

    private ProjectState projectState(ProjectId id) {
        return projects.computeIfAbsent(id, k -> ProjectState.fold(events.upTo(aggregateId(k.value()), instant)));
    }

    private static String aggregateId(UUID id) {
        return id.toString();
    }

    /** Everything the project's events make, folded in one pass over its stream. */
    record ProjectState(ProjectView view, ProjectPlan plan, List<ChangeRequestView> changeRequests) {

        static ProjectState fold(List<RecordedEvent> stream) {
            ProjectView view = null;
            ProjectPlan plan = null;
            Map<ChangeRequestId, ChangeRequestView> requests = new LinkedHashMap<>();
            for (RecordedEvent e : stream) {
                Object payload = e.payload();
                view = ProjectViewEvolution.apply(view, payload, e.at());
                plan = ProjectPlanEvolution.apply(plan, payload);
                ChangeRequestId requestId = changeRequestOf(payload);
                if (requestId != null) {
                    ChangeRequestView before = requests.get(requestId);
                    requests.put(requestId, ChangeRequestEvolution.apply(before, payload, e.at(), e.sequence()));
                }
            }
            List<ChangeRequestView> newestFirst = requests.values().stream()
                    .sorted(Comparator.comparingLong(ChangeRequestView::position).reversed()).toList();
            return new ProjectState(view, plan, newestFirst);
        }

        /** The change request an event concerns, as the change request projection keys it; null for other events. */
        private static ChangeRequestId changeRequestOf(Object event) {
            if (event instanceof ChangeRequestSubmittedEvent e) {
                return e.changeRequestId();
            }
            if (event instanceof ChangeRequestAssessedEvent e) {
                return e.changeRequestId();
            }
            if (event instanceof ChangeRequestApprovedEvent e) {
                return e.changeRequestId();
            }
            if (event instanceof ChangeRequestRejectedEvent e) {
                return e.changeRequestId();
            }
            if (event instanceof ChangeRequestWithdrawnEvent e) {
                return e.changeRequestId();
            }
            if (event instanceof BaselineRevisedEvent e) {
                return e.changeRequestId();
            }
            return null;
        }
    }
}
