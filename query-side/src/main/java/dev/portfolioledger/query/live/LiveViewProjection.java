package dev.portfolioledger.query.live;

import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.ProjectClosedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.axon.audit.AuditMetadata;
import dev.portfolioledger.axon.deadletter.BatchedWrites;
import dev.portfolioledger.query.asof.AggregateViews;
import dev.portfolioledger.query.asof.CommittedStates;
import dev.portfolioledger.query.changerequest.BaselineVersion;
import dev.portfolioledger.query.changerequest.ChangeRequestView;
import dev.portfolioledger.query.changerequest.ChangeRequests;
import dev.portfolioledger.query.closure.ProjectClosureView;
import dev.portfolioledger.query.closure.ProjectClosures;
import dev.portfolioledger.query.finance.FinanceRows;
import dev.portfolioledger.query.portfolio.PortfolioView;
import dev.portfolioledger.query.portfolio.Portfolios;
import dev.portfolioledger.query.program.ProgramView;
import dev.portfolioledger.query.program.Programs;
import dev.portfolioledger.query.project.ProjectPlan;
import dev.portfolioledger.query.project.ProjectPlans;
import dev.portfolioledger.query.project.ProjectView;
import dev.portfolioledger.query.project.Projects;
import dev.portfolioledger.query.quality.ProjectQualities;
import dev.portfolioledger.query.quality.ProjectQualityView;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.api.resource.TimeLogReversedEvent;
import dev.portfolioledger.api.resource.TimeLoggedEvent;
import dev.portfolioledger.query.asof.RecordTime;
import dev.portfolioledger.query.resource.ResourceView;
import dev.portfolioledger.query.resource.Resources;
import dev.portfolioledger.query.resource.TimeEntries;
import dev.portfolioledger.api.status.StatusReportPublishedEvent;
import dev.portfolioledger.axon.audit.AuditMetadata;
import dev.portfolioledger.query.status.StatusReports;
import dev.portfolioledger.query.risk.RiskRows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Keeps the live views current: portfolio_view, program_view, project_view with its plan rows,
 * change_request_view and baseline_version_view, project_quality_view, resource_view with its allocation rows, and
 * time_entry_view (each entry with the record time of its event and of its reversal), the closures
 * with their lessons ({@link ProjectClosures}, stamped with the closure's record time), the finance
 * rows ({@link FinanceRows}: cost ledger, execution reports, versions of planned cost), the risk
 * rows ({@link RiskRows}: versions of every risk and its history), and the published status reports
 * ({@link StatusReports}, each with its record time). The state change itself lives in the pure
 * evolution functions ({@link AggregateViews} applies them, as the history and the as-of reference
 * do); this class only loads, applies and saves, a batch at a time: the events of a processor batch
 * are collected ({@link BatchedWrites}) and, when the batch commits, the current rows of the
 * batch's aggregates are read with one query per table, the events applied in memory, and every
 * changed row written with one batched statement per table.
 *
 * <p>Each root row (portfolio, program, project) carries the sequence number of the newest event
 * of its aggregate it reflects: events at or below it are skipped, so a redelivered or replayed
 * event never moves a view backwards, and upserts never replace a row with an older one.
 */
@Component
@ProcessingGroup(ProcessingGroups.VIEWS)
public class LiveViewProjection {

    private final Portfolios portfolios;
    private final Programs programs;
    private final Projects projects;
    private final ProjectPlans plans;
    private final ChangeRequests changeRequests;
    private final ProjectQualities qualities;
    private final Resources resources;
    private final TimeEntries timeEntries;
    private final FinanceRows finance;
    private final StatusReports statusReports;
    private final ProjectClosures closures;
    private final RiskRows risks;
    private final LiveViewPositions positions;
    private final CommittedStates<List<Object>> committed;
    private final BatchedWrites<DomainEventMessage<?>> writes;

    /**
     * @param stateCacheSize how many aggregates' views are kept in memory between batches
     *                       ({@link CommittedStates}); 0 reads them for every batch
     */
    public LiveViewProjection(Portfolios portfolios, Programs programs, Projects projects, ProjectPlans plans,
                              ChangeRequests changeRequests, ProjectQualities qualities, Resources resources,
                              TimeEntries timeEntries, FinanceRows finance, StatusReports statusReports,
                              ProjectClosures closures, RiskRows risks, LiveViewPositions positions,
                              @Value("${portfolio.projections.state-cache-size:10000}") int stateCacheSize) {
        this.portfolios = portfolios;
        this.programs = programs;
        this.projects = projects;
        this.plans = plans;
        this.changeRequests = changeRequests;
        this.qualities = qualities;
        this.resources = resources;
        this.timeEntries = timeEntries;
        this.finance = finance;
        this.statusReports = statusReports;
        this.closures = closures;
        this.risks = risks;
        this.positions = positions;
        this.committed = new CommittedStates<>(stateCacheSize);
        this.writes = new BatchedWrites<>(LiveViewProjection.class.getName(), this::record);
    }

    @EventHandler
    void on(EventMessage<?> event, UnitOfWork<?> unitOfWork) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            writes.add(domainEvent, unitOfWork);
        }
    }

    @ResetHandler
    void reset() {
        committed.clear();
        changeRequests.deleteAll();
        qualities.deleteAll();
        timeEntries.deleteAll();
        finance.deleteAll();
        statusReports.deleteAll();
        closures.deleteAll();
        risks.deleteAll();
        resources.deleteAll();
        plans.deleteAll();
        projects.deleteAll();
        programs.deleteAll();
        portfolios.deleteAll();
    }

    /** Applies events (in stream order per aggregate) to the live views. */
    void record(List<DomainEventMessage<?>> events) {
        Map<UUID, List<DomainEventMessage<?>>> byAggregate = new LinkedHashMap<>();
        for (DomainEventMessage<?> event : events) {
            UUID id = uuidOrNull(event.getAggregateIdentifier());
            if (id != null) {
                byAggregate.computeIfAbsent(id, k -> new ArrayList<>()).add(event);
            }
        }
        if (byAggregate.isEmpty()) {
            return;
        }
        Stored stored = load(byAggregate.keySet());
        FinanceRows.Batch financeRows = finance.batch(byAggregate.keySet());
        RiskRows.Batch riskRows = risks.batch(events);
        Map<PortfolioView, Long> portfolioRows = new LinkedHashMap<>();
        Map<ProgramView, Long> programRows = new LinkedHashMap<>();
        Map<ProjectView, Long> projectRows = new LinkedHashMap<>();
        Map<ProjectId, ProjectPlan> projectPlans = new HashMap<>();
        List<ProjectPlans.Change> changedPlans = new ArrayList<>();
        Map<ChangeRequestView, Long> requestRows = new LinkedHashMap<>();
        List<BaselineVersion> versions = new ArrayList<>();
        List<ProjectQualityView> changedQualities = new ArrayList<>();
        Map<ResourceView, Long> resourceRows = new LinkedHashMap<>();
        List<ResourceView> allocationsChanged = new ArrayList<>();
        List<TimeEntries.Logged> logged = new ArrayList<>();
        List<TimeEntries.Reversed> reversed = new ArrayList<>();
        List<StatusReports.Published> published = new ArrayList<>();
        List<ProjectClosures.Closed> closed = new ArrayList<>();
        Map<String, CommittedStates.Entry<List<Object>>> after = new HashMap<>();

        byAggregate.forEach((id, stream) -> {
            stream.sort(Comparator.comparingLong(DomainEventMessage::getSequenceNumber));
            List<Object> current = stored.viewsOf(id);
            AggregateViews views = AggregateViews.of(current);
            ProjectPlan planBefore = views.plan();
            ProjectQualityView qualityBefore = views.quality();
            ResourceView resourceBefore = views.resource();
            financeRows.begin(id, views.project(), planBefore);
            Map<Object, ChangeRequestView> requestsBefore = new HashMap<>();
            views.changeRequests().forEach(r -> requestsBefore.put(r.changeRequestId(), r));
            long last = stored.lastSequence.getOrDefault(id, -1L);
            long applied = last;
            // per request, the newest event that concerned it: its row's last_sequence, the same in every replay
            Map<ChangeRequestId, Long> requestSequences = new HashMap<>();
            for (DomainEventMessage<?> event : stream) {
                if (event.getSequenceNumber() <= last) {
                    continue; // redelivered, or replayed over views that have it
                }
                views.apply(event.getPayload(), event.getTimestamp(), event.getSequenceNumber());
                financeRows.apply(event, RecordTime.nanos(event.getTimestamp()), views.project(), views.plan());
                riskRows.apply(event, RecordTime.nanos(event.getTimestamp()),
                               views.project() == null ? null : views.project().portfolioId().value());
                ChangeRequestId requestId = AggregateViews.changeRequestOf(event.getPayload());
                if (requestId != null) {
                    requestSequences.put(requestId, event.getSequenceNumber());
                }
                if (event.getPayload() instanceof BaselineEstablishedEvent e) {
                    versions.add(BaselineVersion.of(e, event.getTimestamp()));
                } else if (event.getPayload() instanceof BaselineRevisedEvent e) {
                    versions.add(BaselineVersion.of(e, event.getTimestamp()));
                } else if (event.getPayload() instanceof TimeLoggedEvent e) {
                    // a time log command stores this one event: its record time is its decision's
                    logged.add(new TimeEntries.Logged(e, RecordTime.nanos(event.getTimestamp())));
                } else if (event.getPayload() instanceof TimeLogReversedEvent e) {
                    reversed.add(new TimeEntries.Reversed(e, RecordTime.nanos(event.getTimestamp())));
                } else if (event.getPayload() instanceof StatusReportPublishedEvent e) {
                    // a publication stores this one event: its record time is its decision's
                    published.add(new StatusReports.Published(e, text(event, AuditMetadata.ACTOR),
                                                              text(event, AuditMetadata.REASON),
                                                              RecordTime.nanos(event.getTimestamp())));
                } else if (event.getPayload() instanceof ProjectClosedEvent e) {
                    // closeProject stores this event first (and alone): its record time is its decision's
                    closed.add(new ProjectClosures.Closed(ProjectClosureView.of(e, event.getTimestamp(),
                            (String) event.getMetaData().get(AuditMetadata.ACTOR)), views.project(),
                            RecordTime.nanos(event.getTimestamp())));
                }
                applied = event.getSequenceNumber();
            }
            if (applied == last) {
                return;
            }
            after.put(id.toString(), new CommittedStates.Entry<>(applied, List.copyOf(views.views().values())));
            if (views.portfolio() != null) {
                portfolioRows.put(views.portfolio(), applied);
            }
            if (views.program() != null) {
                programRows.put(views.program(), applied);
            }
            if (views.resource() != null) {
                resourceRows.put(views.resource(), applied);
                if (resourceBefore == null || !resourceBefore.allocations().equals(views.resource().allocations())) {
                    allocationsChanged.add(views.resource());
                }
            }
            if (views.project() != null) {
                projectRows.put(views.project(), applied);
                projectPlans.put(views.project().id(), views.plan());
                if (!Objects.equals(planBefore, views.plan()) && views.plan() != null) {
                    changedPlans.add(new ProjectPlans.Change(planBefore, views.plan()));
                }
                if (views.quality() != null && !views.quality().equals(qualityBefore)) {
                    changedQualities.add(views.quality());
                }
                for (ChangeRequestView request : views.changeRequests()) {
                    if (!request.equals(requestsBefore.get(request.changeRequestId()))) {
                        requestRows.put(request, requestSequences.getOrDefault(request.changeRequestId(), applied));
                    }
                }
            }
        });
        portfolios.saveAll(portfolioRows);
        programs.saveAll(programRows);
        projects.saveAll(projectRows, projectPlans);
        plans.rewrite(changedPlans);
        changeRequests.saveAll(requestRows);
        changeRequests.saveVersions(versions);
        qualities.saveAll(changedQualities);
        resources.saveAll(resourceRows, allocationsChanged);
        timeEntries.record(logged, reversed);
        closures.record(closed);
        financeRows.write();
        statusReports.record(published);
        riskRows.write();
        committed.putOnCommit(after);
    }

    /**
     * The stored views of the batch's aggregates: as committed by an earlier batch where that is
     * held at the stored position, otherwise read with one query per table.
     */
    private Stored load(java.util.Set<UUID> ids) {
        Stored stored = new Stored();
        stored.lastSequence.putAll(positions.of(ids));
        List<UUID> toRead = new ArrayList<>();
        stored.lastSequence.forEach((id, last) -> {
            List<Object> held = committed.at(id.toString(), last);
            if (held == null) {
                toRead.add(id);
            } else {
                held.forEach(view -> stored.add(id, view));
            }
        });
        if (toRead.isEmpty()) {
            return stored;
        }
        portfolios.findAll(toRead.stream().map(PortfolioId::new).toList()).forEach((id, v) -> stored.add(id.value(), v));
        programs.findAll(toRead.stream().map(ProgramId::new).toList()).forEach((id, v) -> stored.add(id.value(), v));
        resources.findAll(toRead.stream().map(ResourceId::new).toList()).forEach((id, v) -> stored.add(id.value(), v));
        List<ProjectId> projectIds = toRead.stream().map(ProjectId::new).toList();
        Map<ProjectId, ProjectView> projectViews = projects.findAll(projectIds);
        if (!projectViews.isEmpty()) {
            List<ProjectId> known = List.copyOf(projectViews.keySet());
            projectViews.forEach((id, v) -> stored.add(id.value(), v));
            plans.plansOf(known).forEach((id, p) -> stored.add(id.value(), p));
            qualities.findAll(known).forEach((id, q) -> stored.add(id.value(), q));
            changeRequests.ofProjects(known).forEach((id, list) -> list.forEach(r -> stored.add(id.value(), r)));
        }
        return stored;
    }

    /** Rows read for a batch, by aggregate. */
    private static final class Stored {

        final Map<UUID, Long> lastSequence = new HashMap<>();
        final Map<UUID, List<Object>> views = new HashMap<>();

        void add(UUID aggregateId, Object view) {
            views.computeIfAbsent(aggregateId, k -> new ArrayList<>()).add(view);
        }

        List<Object> viewsOf(UUID aggregateId) {
            return views.getOrDefault(aggregateId, List.of());
        }
    }

    private static String text(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    private static UUID uuidOrNull(String aggregateId) {
        try {
            return UUID.fromString(aggregateId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
