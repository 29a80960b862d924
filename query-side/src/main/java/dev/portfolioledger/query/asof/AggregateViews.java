package dev.portfolioledger.query.asof;

import dev.portfolioledger.api.changerequest.ChangeRequestEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.query.changerequest.ChangeRequestEvolution;
import dev.portfolioledger.query.changerequest.ChangeRequestView;
import dev.portfolioledger.query.portfolio.PortfolioView;
import dev.portfolioledger.query.portfolio.PortfolioViewEvolution;
import dev.portfolioledger.query.program.ProgramView;
import dev.portfolioledger.query.program.ProgramViewEvolution;
import dev.portfolioledger.query.project.ProjectPlan;
import dev.portfolioledger.query.project.ProjectPlanEvolution;
import dev.portfolioledger.query.project.ProjectView;
import dev.portfolioledger.query.project.ProjectViewEvolution;
import dev.portfolioledger.query.quality.ProjectQualityEvolution;
import dev.portfolioledger.query.quality.ProjectQualityView;
import dev.portfolioledger.query.resource.ResourceView;
import dev.portfolioledger.query.resource.ResourceViewEvolution;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every view one aggregate's events make, evolved one event at a time with the evolution
 * functions the live projections apply. The as-of reference folds a stored stream through it, and
 * the history projection evolves the stored current versions through it: both give the same views
 * for the same events.
 */
public final class AggregateViews {

    private PortfolioView portfolio;
    private ProgramView program;
    private ProjectView project;
    private ProjectPlan plan;
    private ProjectQualityView quality;
    private ResourceView resource;
    private final Map<ChangeRequestId, ChangeRequestView> changeRequests = new LinkedHashMap<>();

    /** The views of an aggregate with no event yet. */
    public static AggregateViews none() {
        return new AggregateViews();
    }

    /** The views of an aggregate as stored versions hold them (any mix of kinds of one aggregate). */
    public static AggregateViews of(Iterable<?> views) {
        AggregateViews state = new AggregateViews();
        for (Object view : views) {
            if (view instanceof PortfolioView v) {
                state.portfolio = v;
            } else if (view instanceof ProgramView v) {
                state.program = v;
            } else if (view instanceof ProjectView v) {
                state.project = v;
            } else if (view instanceof ProjectPlan v) {
                state.plan = v;
            } else if (view instanceof ProjectQualityView v) {
                state.quality = v;
            } else if (view instanceof ResourceView v) {
                state.resource = v;
            } else if (view instanceof ChangeRequestView v) {
                state.changeRequests.put(v.changeRequestId(), v);
            } else {
                throw new IllegalArgumentException("Not a view with history: " + view.getClass().getName());
            }
        }
        return state;
    }

    /**
     * Applies one event of the aggregate, recorded at {@code at} with this sequence number. Every
     * evolution sees every event and leaves its view as it is for events that are not its own, so
     * no routing by aggregate type is needed.
     */
    public void apply(Object payload, Instant at, long sequence) {
        portfolio = PortfolioViewEvolution.apply(portfolio, payload, at);
        program = ProgramViewEvolution.apply(program, payload, at);
        project = ProjectViewEvolution.apply(project, payload, at);
        plan = ProjectPlanEvolution.apply(plan, payload);
        quality = ProjectQualityEvolution.apply(quality, payload, at);
        resource = ResourceViewEvolution.apply(resource, payload, at);
        ChangeRequestId requestId = changeRequestOf(payload);
        if (requestId != null) {
            changeRequests.put(requestId, ChangeRequestEvolution.apply(changeRequests.get(requestId), payload, at,
                                                                       sequence));
        }
    }

    public PortfolioView portfolio() {
        return portfolio;
    }

    public ProgramView program() {
        return program;
    }

    public ProjectView project() {
        return project;
    }

    public ProjectPlan plan() {
        return plan;
    }

    public ProjectQualityView quality() {
        return quality;
    }

    public ResourceView resource() {
        return resource;
    }

    /** The change requests, newest submitted first. */
    public List<ChangeRequestView> changeRequests() {
        return changeRequests.values().stream()
                .sorted(Comparator.comparingLong(ChangeRequestView::position).reversed()).toList();
    }

    /** Every view the events made so far, by key. */
    public Map<ViewKey, Object> views() {
        Map<ViewKey, Object> views = new LinkedHashMap<>();
        if (portfolio != null) {
            views.put(new ViewKey(ViewKind.PORTFOLIO, portfolio.id().value()), portfolio);
        }
        if (program != null) {
            views.put(new ViewKey(ViewKind.PROGRAM, program.id().value()), program);
        }
        if (project != null) {
            views.put(new ViewKey(ViewKind.PROJECT, project.id().value()), project);
        }
        if (plan != null) {
            views.put(new ViewKey(ViewKind.PLAN, plan.projectId().value()), plan);
        }
        if (quality != null) {
            views.put(new ViewKey(ViewKind.QUALITY, quality.projectId().value()), quality);
        }
        if (resource != null) {
            views.put(new ViewKey(ViewKind.RESOURCE, resource.id().value()), resource);
        }
        changeRequests.values().forEach(v -> views.put(new ViewKey(ViewKind.CHANGE_REQUEST,
                                                                   v.changeRequestId().value()), v));
        return views;
    }

    /** The change request an event concerns, as the change request projection keys it; null for other events. */
    public static ChangeRequestId changeRequestOf(Object event) {
        return event instanceof ChangeRequestEvent e ? e.changeRequestId() : null;
    }
}
