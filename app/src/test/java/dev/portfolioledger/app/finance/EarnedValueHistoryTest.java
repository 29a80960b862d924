package dev.portfolioledger.app.finance;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.finance.CostEntryId;
import dev.portfolioledger.api.finance.CostLedgerId;
import dev.portfolioledger.api.finance.CostReversedEvent;
import dev.portfolioledger.api.finance.ExpenseRecordedEvent;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.BudgetLine;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DeliverableFinishForecastEvent;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.DeliverableProgressReportedEvent;
import dev.portfolioledger.api.project.MilestoneCompletedEvent;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.api.resource.ResourceRegisteredEvent;
import dev.portfolioledger.api.resource.Skill;
import dev.portfolioledger.api.resource.TimeEntryId;
import dev.portfolioledger.api.resource.TimeLogReversedEvent;
import dev.portfolioledger.api.resource.TimeLoggedEvent;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.Processors;
import dev.portfolioledger.app.support.ResourceEvents;
import dev.portfolioledger.app.support.StreamEvents;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.query.asof.AggregateEvents;
import dev.portfolioledger.query.asof.AggregateViews;
import dev.portfolioledger.query.asof.RecordTime;
import dev.portfolioledger.query.asof.RecordedEvent;
import dev.portfolioledger.query.finance.DeliverableFigures;
import dev.portfolioledger.query.finance.EarnedValue;
import dev.portfolioledger.query.finance.EarnedValueFigures;
import dev.portfolioledger.query.finance.EarnedValueQueryController;
import dev.portfolioledger.query.finance.EarnedValueReads;
import dev.portfolioledger.query.finance.ProjectEarnedValue;
import dev.portfolioledger.query.project.ProjectPlan;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pattern of {@code ResourceHistoryTest} for earned value. Three projects of one portfolio
 * (two in a program, one without deliverables or budget) are planned, approved and rescoped by a
 * change request through real mutations; then a random sequence of expenses, reversals, progress
 * reports, forecasts, a milestone completion and logged and reversed time is appended to the
 * event store. After every decision the live GraphQL answer (portfolio earned value, dashboard
 * and series, program earned value, the project's earned value, actual cost, ledger and progress
 * fields) is captured with the instant it was read. Afterwards:
 * <ul>
 *   <li>as of every captured instant the GraphQL answer equals the capture exactly, later costs,
 *       reversals and progress notwithstanding;</li>
 *   <li>at every decision's record time, and one nanosecond before it, the stored rows give what a
 *       fold of the stored events through the same pure functions gives, per deliverable, per
 *       project and for the portfolio, at two status dates;</li>
 *   <li>rebuilding the views gives the finance rows back row for row, and the live answer.</li>
 * </ul>
 * The seed is printed and can be fixed with {@code -Dfinance.seed=...}.
 */
class EarnedValueHistoryTest extends GraphQlIntegrationTest {

    private static final int STEPS = 40;
    private static final LocalDate AT = LocalDate.of(2027, 3, 15);
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2027, 1, 3), AT, LocalDate.of(2027, 7, 1));
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final List<String> TABLES = List.of("cost_entry_view", "project_execution_view",
                                                       "project_cost_version", "deliverable_cost_version",
                                                       "finance_position");

    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private AggregateEvents aggregateEvents;
    @Autowired
    private EarnedValueQueryController earnedValue;
    @Autowired
    private EarnedValueReads reads;

    private Random random;
    private StreamEvents streams;
    private ResourceEvents resourceEvents;
    private Processors processors;
    private String portfolio;
    private String program;
    private final List<ProjectId> projects = new ArrayList<>();
    private final Map<DeliverableId, ProjectId> deliverables = new LinkedHashMap<>();
    private final Map<DeliverableId, int[]> progress = new HashMap<>();
    private final Map<DeliverableId, LocalDate> progressDates = new HashMap<>();
    private final List<ExpenseRecordedEvent> standing = new ArrayList<>();
    private final List<TimeLoggedEvent> logged = new ArrayList<>();
    private final ResourceId resource = ResourceId.random();
    private String milestone;
    private final List<Capture> captures = new ArrayList<>();
    private final List<Instant> recorded = new ArrayList<>();

    private record Capture(Instant at, Map<String, Object> answer, String step) {
    }

    @Test
    void asOfReproducesEveryCapturedReportAndTheRowsEqualTheFoldOfTheEvents() {
        long seed = Long.getLong("finance.seed", System.nanoTime());
        System.out.println("EarnedValueHistoryTest seed: " + seed);
        random = new Random(seed);
        streams = new StreamEvents(eventStore, jdbc);
        resourceEvents = new ResourceEvents(eventStore, jdbc);
        processors = new Processors(processing, jdbc);
        plan();
        for (int step = 0; step < STEPS; step++) {
            randomStep();
        }
        System.out.println("EarnedValueHistoryTest steps: " + captures.stream().map(Capture::step).toList());

        for (Capture capture : captures) {
            assertThat(answerAt(capture.at())).as("as of %s after '%s', seed %d", capture.at(), capture.step(), seed)
                    .isEqualTo(capture.answer());
        }
        for (Instant at : recorded) {
            assertRowsEqualFold(at, "at a decision's record time " + at + ", seed " + seed);
            assertRowsEqualFold(at.minusNanos(1), "just before a decision's record time " + at + ", seed " + seed);
        }
        assertRowsEqualFold(Instant.now(), "now, seed " + seed);

        Map<String, List<Map<String, Object>>> rows = rows();
        Map<String, Object> live = answerAt(null);
        processors.rebuild(ProcessingGroups.VIEWS, jdbc -> {
        });
        assertThat(rows()).as("finance rows after rebuilding the views (seed %d)", seed).isEqualTo(rows);
        assertThat(answerAt(null)).as("live answer after rebuilding the views (seed %d)", seed).isEqualTo(live);
    }

    /** The plan through real mutations, a live capture after each. */
    private void plan() {
        portfolio = newPortfolio();
        program = newProgram(portfolio);
        ProjectId apollo = ProjectId.of(newProject(portfolio, program));
        ProjectId gemini = ProjectId.of(newProject(portfolio, program));
        ProjectId mercury = ProjectId.of(newProject(portfolio, null));
        projects.addAll(List.of(apollo, gemini, mercury));
        capture("proposed");
        String design = addDeliverable(apollo, "Design", "12000.50", "2027-01-04", "2027-02-28");
        String build = addDeliverable(apollo, "Build", "30000", "2027-02-01", "2027-04-30");
        addDeliverable(apollo, "Rollout", "7500.25", "2027-04-01", "2027-06-30");
        addDeliverable(gemini, "Study", "20000", "2027-01-04", "2027-03-31");
        budget(apollo, "LABOUR", "40000");
        budget(apollo, "MATERIALS", "10000.75");
        budget(gemini, "SERVICES", "25000");
        milestone = UUID.randomUUID().toString();
        as("pm").documentName("scheduleMilestone").variable("input", Map.of(
                "projectId", apollo.toString(), "milestoneId", milestone, "name", "Design signed off",
                "dueDate", "2027-02-28", "deliverableIds", List.of(design))).execute()
                .path("scheduleMilestone.project.id").hasValue();
        capture("milestone");
        transition("approveProject", apollo.toString(), "pmo");
        capture("approve apollo");
        transition("approveProject", gemini.toString(), "pmo");
        transition("startProject", apollo.toString(), "pm");
        capture("start apollo");
        rescope(apollo, build);
        capture("rescope build");
        resourceEvents.append(new ResourceRegisteredEvent(resource, PortfolioId.of(portfolio), unique("Res"),
                                                          "Developer", List.of(new Skill("Java", 3)), 100,
                                                          Money.of("90.00", "EUR"), LocalDate.of(2027, 1, 1)));
    }

    private String addDeliverable(ProjectId project, String name, String cost, String start, String finish) {
        String id = UUID.randomUUID().toString();
        as("pm").documentName("addDeliverable").variable("input", Map.of(
                "projectId", project.toString(), "deliverableId", id, "name", name,
                "plannedCost", Map.of("amount", cost, "currency", "EUR"),
                "plannedStart", start, "plannedFinish", finish))
                .execute().path("addDeliverable.project.id").hasValue();
        deliverables.put(DeliverableId.of(id), project);
        capture("add " + name);
        return id;
    }

    private void budget(ProjectId project, String category, String amount) {
        as("pm").documentName("planBudgetLine").variable("input", Map.of(
                "projectId", project.toString(), "category", category,
                "amount", Map.of("amount", amount, "currency", "EUR")))
                .execute().path("planBudgetLine.project.id").hasValue();
        capture("budget " + category);
    }

    /** An approved change request that makes Build dearer and longer: one decision with the revised baseline. */
    private void rescope(ProjectId project, String build) {
        String request = UUID.randomUUID().toString();
        as("pm").documentName("submitChangeRequest").variable("input", Map.of(
                "projectId", project.toString(), "changeRequestId", request, "title", "Bigger build",
                "justification", "Discovery", "changes", List.of(Map.of(
                        "kind", "MODIFY_DELIVERABLE",
                        "deliverable", Map.of("deliverableId", build, "name", "Build",
                                              "plannedCost", Map.of("amount", "36000", "currency", "EUR"),
                                              "plannedStart", "2027-02-01", "plannedFinish", "2027-05-31")))))
                .execute().path("submitChangeRequest.project.id").hasValue();
        as("program").documentName("assessChangeRequest").variable("input", Map.of(
                "projectId", project.toString(), "changeRequestId", request,
                "costImpact", Map.of("amount", "6000", "currency", "EUR"), "scheduleImpactDays", 31,
                "riskNotes", "none")).execute().path("assessChangeRequest.project.id").hasValue();
        as("approver").documentName("approveChangeRequest").variable("input", Map.of(
                "projectId", project.toString(), "changeRequestId", request))
                .execute().path("approveChangeRequest.project.id").hasValue();
    }

    private void randomStep() {
        int pick = random.nextInt(100);
        ProjectId project = projects.get(random.nextInt(projects.size()));
        if (pick < 30 || standing.isEmpty()) {
            ExpenseRecordedEvent expense = new ExpenseRecordedEvent(
                    CostLedgerId.of(project), project, CostEntryId.random(),
                    Money.of((1 + random.nextInt(5000)) + "." + random.nextInt(10) + "5", "EUR"),
                    CostCategory.values()[random.nextInt(CostCategory.values().length)], date(),
                    random.nextBoolean() ? "=HYPERLINK(\"x\")" : "ACME, Inc.", "Invoice \"" + pick + "\"");
            standing.add(expense);
            ledger(project, "expense", expense);
        } else if (pick < 42) {
            ExpenseRecordedEvent expense = standing.remove(random.nextInt(standing.size()));
            ledger(expense.projectId(), "reverse", new CostReversedEvent(
                    expense.ledgerId(), expense.projectId(), CostEntryId.random(), expense.entryId(),
                    expense.amount(), expense.category(), expense.incurredOn(), "Booked twice"));
        } else if (pick < 72) {
            List<DeliverableId> ids = List.copyOf(deliverables.keySet());
            DeliverableId deliverable = ids.get(random.nextInt(ids.size()));
            int[] last = progress.computeIfAbsent(deliverable, d -> new int[]{0});
            LocalDate lastDate = progressDates.getOrDefault(deliverable, LocalDate.of(2027, 1, 1));
            LocalDate on = lastDate.plusDays(random.nextInt(25));
            boolean back = last[0] > 10 && random.nextInt(6) == 0;
            int percent = back ? last[0] - 10 : Math.min(100, last[0] + random.nextInt(30));
            DeliverableProgressReportedEvent report = new DeliverableProgressReportedEvent(
                    deliverables.get(deliverable), deliverable, percent, last[0], on, back ? "Rework" : null);
            last[0] = percent;
            progressDates.put(deliverable, on);
            execution(report.projectId(), "progress", report);
        } else if (pick < 80) {
            List<DeliverableId> ids = List.copyOf(deliverables.keySet());
            DeliverableId deliverable = ids.get(random.nextInt(ids.size()));
            execution(deliverables.get(deliverable), "forecast", new DeliverableFinishForecastEvent(
                    deliverables.get(deliverable), deliverable, LocalDate.of(2027, 4, 30), date(), "Supplier late"));
        } else if (pick < 84) {
            execution(projects.get(0), "complete milestone", new MilestoneCompletedEvent(
                    projects.get(0), MilestoneId.of(milestone), LocalDate.of(2027, 2, 28), date()));
        } else if (pick < 94 || logged.isEmpty()) {
            BigDecimal hours = new BigDecimal(1 + random.nextInt(8) + ".5");
            Money rate = Money.of("90.00", "EUR");
            TimeLoggedEvent entry = new TimeLoggedEvent(resource, TimeEntryId.random(), project, date(), hours, null,
                                                        rate, new Money(hours.multiply(rate.amount()).setScale(2), rate.currency()));
            logged.add(entry);
            recorded.add(resourceEvents.append(entry));
            capture("log time");
        } else {
            TimeLoggedEvent entry = logged.remove(random.nextInt(logged.size()));
            recorded.add(resourceEvents.append(new TimeLogReversedEvent(resource, entry.timeEntryId(),
                                                                        entry.projectId(), entry.date(), entry.hours(),
                                                                        entry.cost(), "Wrong project")));
            capture("reverse time");
        }
    }

    private void ledger(ProjectId project, String step, Object event) {
        recorded.add(streams.append("CostLedger", CostLedgerId.of(project).toString(), "finance", event));
        capture(step);
    }

    private void execution(ProjectId project, String step, Object event) {
        recorded.add(streams.append("Project", project.toString(), "pm", event));
        capture(step);
    }

    private LocalDate date() {
        return LocalDate.of(2027, 1, 1).plusDays(random.nextInt(180));
    }

    private void capture(String step) {
        processors.awaitHead(ProcessingGroups.VIEWS);
        Map<String, Object> answer = answerAt(null);
        Instant at = Instant.now();
        captures.add(new Capture(at, answer, step));
        // the store keeps record times in milliseconds: the next decision must fall in a later one
        while (Instant.now().toEpochMilli() <= at.toEpochMilli()) {
            Thread.onSpinWait();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> answerAt(Instant asOf) {
        var request = as("portfolio").documentName("earnedValueAt").variable("portfolioId", portfolio)
                .variable("programId", program).variable("projectId", projects.get(0).toString())
                .variable("at", AT.toString());
        if (asOf != null) {
            request = request.variable("asOf", asOf.toString());
        }
        var response = request.execute();
        response.errors().verify();
        return (Map<String, Object>) response.returnResponse().getData();
    }

    /** The stored rows at the instant, per deliverable, project and portfolio, equal the fold of the events. */
    private void assertRowsEqualFold(Instant instant, String when) {
        long atNs = RecordTime.nanos(instant);
        for (LocalDate at : DATES) {
            EarnedValueFigures portfolioFold = EarnedValueFigures.zero(at, EUR);
            for (ProjectId project : projects) {
                Folded fold = fold(project, instant, at);
                portfolioFold = portfolioFold.plus(fold.totals());
                ProjectEarnedValue stored = earnedValue.projectEarnedValue(project.value(), at, atNs);
                assertThat(stored.totals()).as("project %s on %s %s", project, at, when).isEqualTo(fold.totals());
                assertThat(stored.deliverables()).as("deliverables of %s on %s %s", project, at, when)
                        .isEqualTo(fold.deliverables());
            }
            assertThat(earnedValue.total(reads.portfolio(UUID.fromString(portfolio)).orElseThrow(), at, atNs))
                    .as("portfolio on %s %s", at, when).isEqualTo(portfolioFold);
        }
    }

    private record Folded(EarnedValueFigures totals, List<DeliverableFigures> deliverables) {
    }

    /** The reference: the project's, its ledger's and the resource's events up to the instant, folded. */
    private Folded fold(ProjectId project, Instant instant, LocalDate at) {
        AggregateViews views = AggregateViews.none();
        Map<DeliverableId, List<EarnedValue.ProgressReport>> reports = new HashMap<>();
        Map<DeliverableId, LocalDate> forecasts = new HashMap<>();
        for (RecordedEvent event : aggregateEvents.upTo(project.toString(), instant)) {
            views.apply(event.payload(), event.at(), event.sequence());
            if (event.payload() instanceof DeliverableProgressReportedEvent e) {
                reports.computeIfAbsent(e.deliverableId(), d -> new ArrayList<>())
                        .add(new EarnedValue.ProgressReport(e.percentComplete(), e.reportedOn()));
            } else if (event.payload() instanceof DeliverableFinishForecastEvent e) {
                forecasts.put(e.deliverableId(), e.expectedFinish());
            }
        }
        BigDecimal ac = BigDecimal.ZERO;
        for (RecordedEvent event : aggregateEvents.upTo(CostLedgerId.of(project).toString(), instant)) {
            if (event.payload() instanceof ExpenseRecordedEvent e && !e.incurredOn().isAfter(at)) {
                ac = ac.add(e.amount().amount());
            } else if (event.payload() instanceof CostReversedEvent e && !e.incurredOn().isAfter(at)) {
                ac = ac.subtract(e.amount().amount());
            }
        }
        // a reversed time entry drops out of the labour (time_entry_view keeps it, stamped)
        Map<TimeEntryId, BigDecimal> labour = new LinkedHashMap<>();
        for (RecordedEvent event : aggregateEvents.upTo(resource.toString(), instant)) {
            if (event.payload() instanceof TimeLoggedEvent e && e.projectId().equals(project) && !e.date().isAfter(at)) {
                labour.put(e.timeEntryId(), e.cost().amount());
            } else if (event.payload() instanceof TimeLogReversedEvent e) {
                labour.remove(e.timeEntryId());
            }
        }
        for (BigDecimal cost : labour.values()) {
            ac = ac.add(cost);
        }
        ProjectPlan plan = views.plan();
        BigDecimal bac = plan.budget().stream().map(BudgetLine::amount).map(Money::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal pv = BigDecimal.ZERO;
        BigDecimal ev = BigDecimal.ZERO;
        List<DeliverableFigures> figures = new ArrayList<>();
        List<DeliverablePlan> ordered = plan.deliverables().stream()
                .sorted(java.util.Comparator.comparing(DeliverablePlan::plannedStart)
                                .thenComparing(d -> d.deliverableId().value())).toList();
        for (DeliverablePlan deliverable : ordered) {
            BigDecimal cost = deliverable.plannedCost().amount();
            EarnedValue.ProgressReport report = EarnedValue.reportAt(
                    reports.getOrDefault(deliverable.deliverableId(), List.of()), at);
            int percent = report == null ? 0 : report.percentComplete();
            BigDecimal dpv = EarnedValue.plannedValue(cost, deliverable.plannedStart(), deliverable.plannedFinish(), at);
            BigDecimal dev = EarnedValue.earnedValue(cost, percent);
            pv = pv.add(dpv);
            ev = ev.add(dev);
            figures.add(new DeliverableFigures(deliverable.deliverableId().value(), deliverable.name(),
                                               new EarnedValueFigures(at, EUR, cost, dpv, dev, null), percent,
                                               report == null ? null : report.reportedOn(),
                                               forecasts.get(deliverable.deliverableId())));
        }
        return new Folded(new EarnedValueFigures(at, EUR, bac, pv, ev, ac), figures);
    }

    private Map<String, List<Map<String, Object>>> rows() {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, jdbc.queryForList("SELECT t::text AS row FROM " + table + " t ORDER BY t::text"));
        }
        return rows;
    }
}
