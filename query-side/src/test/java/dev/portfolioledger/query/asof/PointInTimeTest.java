package dev.portfolioledger.query.asof;

import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;
import dev.portfolioledger.query.project.ProjectFilter;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.changerequest.ChangeRequestApprovedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ChangeRequestStatus;
import dev.portfolioledger.api.changerequest.ChangeRequestSubmittedEvent;
import dev.portfolioledger.api.portfolio.PortfolioCreatedEvent;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioRenamedEvent;
import dev.portfolioledger.api.program.ProgramCreatedEvent;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.BudgetLine;
import dev.portfolioledger.api.project.BudgetLinePlannedEvent;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DeliverableAddedEvent;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.query.changerequest.ChangeRequestEvolution;
import dev.portfolioledger.query.changerequest.ChangeRequestView;
import dev.portfolioledger.query.portfolio.PortfolioView;
import dev.portfolioledger.query.portfolio.PortfolioViewEvolution;
import dev.portfolioledger.query.program.ProgramView;
import dev.portfolioledger.query.project.ProjectPlan;
import dev.portfolioledger.query.project.ProjectPlanEvolution;
import dev.portfolioledger.query.project.ProjectStatusCounts;
import dev.portfolioledger.query.project.ProjectView;
import dev.portfolioledger.query.project.ProjectViewEvolution;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A point in time folds each aggregate's events up to the instant with the projections' own
 * evolution functions: at every instant it equals what the live projection had written after the
 * last event recorded by then. No Spring, no database: the events come from memory.
 */
class PointInTimeTest {

    private static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");

    private final PortfolioId portfolio = PortfolioId.random();
    private final ProgramId program = ProgramId.random();
    private final ProjectId project = ProjectId.random();
    private final ProjectId secondProject = ProjectId.random();
    private final ChangeRequestId request = ChangeRequestId.random();
    private final DeliverablePlan design = new DeliverablePlan(DeliverableId.random(), "Design", null, null,
                                                               Money.of("1000.00", "EUR"), LocalDate.of(2027, 1, 4),
                                                               LocalDate.of(2027, 2, 1));
    private final DeliverablePlan build = new DeliverablePlan(DeliverableId.random(), "Build", null, null,
                                                              Money.of("5000.00", "EUR"), LocalDate.of(2027, 2, 1),
                                                              LocalDate.of(2027, 5, 1));

    private final FakeEvents events = new FakeEvents();
    private final FakeMembership membership = new FakeMembership();

    /** One event per minute, across the aggregates, in the order given. */
    private void history() {
        events.add(portfolio, new PortfolioCreatedEvent(portfolio, "Growth", null, Currency.getInstance("EUR"), "olivia"));
        events.add(program, new ProgramCreatedEvent(program, portfolio, "Sales", "pat", List.of("Sell more")));
        events.add(project, new ProjectProposedEvent(project, portfolio, program, "CRM rollout", null, "max", "sam",
                                                     Methodology.SCRUM, LocalDate.of(2027, 1, 4),
                                                     LocalDate.of(2027, 6, 30), Currency.getInstance("EUR")));
        events.add(project, new DeliverableAddedEvent(project, design));
        events.add(project, new BudgetLinePlannedEvent(project, new BudgetLine(CostCategory.LABOUR,
                                                                                Money.of("800.00", "EUR"))));
        events.add(secondProject, new ProjectProposedEvent(secondProject, portfolio, null, "audit prep", null, "max",
                                                           "sam", Methodology.KANBAN, LocalDate.of(2027, 1, 4),
                                                           LocalDate.of(2027, 3, 31), Currency.getInstance("EUR")));
        events.add(project, new ProjectApprovedEvent(project));
        events.add(project, new BaselineEstablishedEvent(project, 1, List.of(design), List.of(),
                                                         List.of(new BudgetLine(CostCategory.LABOUR,
                                                                                Money.of("800.00", "EUR")))));
        events.add(portfolio, new PortfolioRenamedEvent(portfolio, "Growth", "Growth 2027"));
        events.add(project, new ChangeRequestSubmittedEvent(project, request, "Add build", "Needed", List.of(), "max"));
        events.add(project, new ProjectStartedEvent(project));
        events.add(project, new ChangeRequestApprovedEvent(project, request, "cleo"));
        membership.programs.put(portfolio, List.of(program));
        membership.portfolioProjects.put(portfolio, List.of(project, secondProject));
        membership.programProjects.put(program, List.of(project));
    }

    @Test
    void everyViewAtEveryInstantIsTheLiveFoldOfTheEventsRecordedByThen() {
        history();
        for (int minute = -1; minute <= events.count(); minute++) {
            Instant at = T0.plusSeconds(60L * minute);
            PointInTime pointInTime = new FoldedPointInTime(at, events, membership);

            assertThat(pointInTime.portfolio(portfolio)).as("portfolio at %s", at).isEqualTo(livePortfolio(at));
            assertThat(pointInTime.project(project)).as("project at %s", at).isEqualTo(liveProject(project, at));
            assertThat(pointInTime.plan(project)).as("plan at %s", at).isEqualTo(livePlan(at));
            assertThat(pointInTime.changeRequests(project)).as("requests at %s", at).isEqualTo(liveRequests(at));
            assertThat(pointInTime.project(secondProject)).isEqualTo(liveProject(secondProject, at));
        }
    }

    @Test
    void anAggregateWithoutEventsByThenIsNull() {
        history();
        FoldedPointInTime beforeAll = new FoldedPointInTime(T0.minusMillis(1), events, membership);

        assertThat(beforeAll.portfolio(portfolio)).isNull();
        assertThat(beforeAll.program(program)).isNull();
        assertThat(beforeAll.project(project)).isNull();
        assertThat(beforeAll.plan(project)).isNull();
        assertThat(beforeAll.budget(project)).isNull();
        assertThat(beforeAll.changeRequests(project)).isEmpty();
        assertThat(beforeAll.programsOf(portfolio)).isEmpty();
        assertThat(beforeAll.projectCounts(portfolio)).isEqualTo(ProjectStatusCounts.NONE);
    }

    @Test
    void membersAreTheOnesThatExistedThenInListOrderAndCountedByTheirStatusThen() {
        history();
        // after the first project's proposal (minute 2), before the second's (minute 5)
        FoldedPointInTime early = new FoldedPointInTime(T0.plusSeconds(60 * 3), events, membership);
        assertThat(early.projectsOf(portfolio)).extracting(ProjectView::id).containsExactly(project);
        assertThat(early.projectCounts(portfolio).proposed()).isEqualTo(1);
        assertThat(early.programsOf(portfolio)).extracting(ProgramView::name).containsExactly("Sales");

        // after the approval (minute 6): "audit prep" sorts before "CRM rollout" case-insensitively
        FoldedPointInTime later = new FoldedPointInTime(T0.plusSeconds(60 * 6), events, membership);
        assertThat(later.projectsOf(portfolio)).extracting(ProjectView::id).containsExactly(secondProject, project);
        assertThat(later.projectCounts(portfolio)).isEqualTo(new ProjectStatusCounts(1, 1, 0, 0, 0, 0));
        assertThat(later.projectCounts(program)).isEqualTo(new ProjectStatusCounts(0, 1, 0, 0, 0, 0));
        assertThat(later.budget(project).total()).isEqualTo(Money.of("800.00", "EUR"));

        // projects(filter): the members that existed then, with the status they had then
        PageRequest<NameKey> firstPage = PageRequest.of(null, 20, null, cursor -> null);
        assertThat(later.projects(new ProjectFilter(null, null, ProjectStatus.APPROVED, null, null), firstPage).edges())
                .extracting(edge -> edge.node().id()).containsExactly(project);
        assertThat(later.projects(ProjectFilter.ofPortfolio(portfolio), firstPage).edges())
                .extracting(edge -> edge.node().id()).containsExactly(secondProject, project);
        assertThat(early.projects(new ProjectFilter(null, null, ProjectStatus.APPROVED, null, null), firstPage).edges())
                .isEmpty();
    }

    @Test
    void aChangeRequestIsAsItWasThen() {
        history();
        PointInTime submitted = new FoldedPointInTime(T0.plusSeconds(60 * 9), events, membership);
        PointInTime approved = new FoldedPointInTime(T0.plusSeconds(60 * 11), events, membership);

        assertThat(submitted.changeRequests(project)).extracting(ChangeRequestView::status)
                .containsExactly(ChangeRequestStatus.SUBMITTED);
        assertThat(approved.changeRequests(project)).extracting(ChangeRequestView::status)
                .containsExactly(ChangeRequestStatus.APPROVED);
        assertThat(approved.project(project).status()).isEqualTo(ProjectStatus.ACTIVE);
    }

    // --- the live projections' way: apply each event recorded by then, one at a time -------------

    private PortfolioView livePortfolio(Instant at) {
        PortfolioView view = null;
        for (RecordedEvent e : events.all(portfolio.value().toString())) {
            if (!e.at().isAfter(at)) {
                view = PortfolioViewEvolution.apply(view, e.payload(), e.at());
            }
        }
        return view;
    }

    private ProjectView liveProject(ProjectId id, Instant at) {
        ProjectView view = null;
        for (RecordedEvent e : events.all(id.value().toString())) {
            if (!e.at().isAfter(at)) {
                view = ProjectViewEvolution.apply(view, e.payload(), e.at());
            }
        }
        return view;
    }

    private ProjectPlan livePlan(Instant at) {
        ProjectPlan plan = null;
        for (RecordedEvent e : events.all(project.value().toString())) {
            if (!e.at().isAfter(at)) {
                plan = ProjectPlanEvolution.apply(plan, e.payload());
            }
        }
        return plan;
    }

    private List<ChangeRequestView> liveRequests(Instant at) {
        ChangeRequestView view = null;
        for (RecordedEvent e : events.all(project.value().toString())) {
            boolean concernsRequest = e.payload() instanceof ChangeRequestSubmittedEvent
                    || e.payload() instanceof ChangeRequestApprovedEvent;
            if (!e.at().isAfter(at) && concernsRequest) {
                view = ChangeRequestEvolution.apply(view, e.payload(), e.at(), e.sequence());
            }
        }
        return view == null ? List.of() : List.of(view);
    }

    /** Events in memory, each recorded one minute after the one before (across aggregates). */
    private static final class FakeEvents implements AggregateEvents {

        private final Map<String, List<RecordedEvent>> streams = new HashMap<>();
        private int count;

        void add(Object aggregateId, Object payload) {
            String id;
            if (aggregateId instanceof PortfolioId p) {
                id = p.value().toString();
            } else if (aggregateId instanceof ProgramId p) {
                id = p.value().toString();
            } else {
                id = ((ProjectId) aggregateId).value().toString();
            }
            List<RecordedEvent> stream = streams.computeIfAbsent(id, k -> new ArrayList<>());
            stream.add(new RecordedEvent(payload, T0.plusSeconds(60L * count++), stream.size()));
        }

        int count() {
            return count;
        }

        List<RecordedEvent> all(String aggregateId) {
            return streams.getOrDefault(aggregateId, List.of());
        }

        @Override
        public List<RecordedEvent> upTo(String aggregateId, Instant asOf) {
            return all(aggregateId).stream().takeWhile(e -> !e.at().isAfter(asOf)).toList();
        }
    }

    private static final class FakeMembership implements Membership {

        final Map<PortfolioId, List<ProgramId>> programs = new HashMap<>();
        final Map<PortfolioId, List<ProjectId>> portfolioProjects = new HashMap<>();
        final Map<ProgramId, List<ProjectId>> programProjects = new HashMap<>();

        @Override
        public List<ProgramId> programsOf(PortfolioId portfolioId) {
            return programs.getOrDefault(portfolioId, List.of());
        }

        @Override
        public List<ProjectId> projectsOf(PortfolioId portfolioId) {
            return portfolioProjects.getOrDefault(portfolioId, List.of());
        }

        @Override
        public List<ProjectId> projectsOf(ProgramId programId) {
            return programProjects.getOrDefault(programId, List.of());
        }

        @Override
        public List<ProjectId> allProjects() {
            return portfolioProjects.values().stream().flatMap(List::stream).distinct().toList();
        }

        @Override
        public List<dev.portfolioledger.api.resource.ResourceId> resourcesOf(PortfolioId portfolioId) {
            return List.of();
        }

        @Override
        public List<dev.portfolioledger.api.resource.ResourceId> allResources() {
            return List.of();
        }

        @Override
        public List<dev.portfolioledger.api.resource.ResourceId> resourcesLoggingOn(ProjectId projectId) {
            return List.of();
        }
    }
}
