package dev.portfolioledger.benchmark;

import dev.portfolioledger.api.finance.CostEntryId;
import dev.portfolioledger.api.finance.CostLedgerId;
import dev.portfolioledger.api.finance.CostReversedEvent;
import dev.portfolioledger.api.finance.ExpenseRecordedEvent;
import dev.portfolioledger.api.finance.RecordExpenseCommand;
import dev.portfolioledger.api.finance.ReverseCostCommand;
import dev.portfolioledger.api.project.CompleteMilestoneCommand;
import dev.portfolioledger.api.project.DeliverableFinishForecastEvent;
import dev.portfolioledger.api.project.DeliverableProgressReportedEvent;
import dev.portfolioledger.api.project.ForecastDeliverableFinishCommand;
import dev.portfolioledger.api.project.MilestoneCompletedEvent;
import dev.portfolioledger.api.project.ReportDeliverableProgressCommand;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.changerequest.ApproveChangeRequestCommand;
import dev.portfolioledger.api.changerequest.AssessChangeRequestCommand;
import dev.portfolioledger.api.changerequest.BaselineRevisedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestApprovedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestAssessedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ChangeRequestRejectedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestSubmittedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestWithdrawnEvent;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.changerequest.RejectChangeRequestCommand;
import dev.portfolioledger.api.changerequest.SubmitChangeRequestCommand;
import dev.portfolioledger.api.changerequest.WithdrawChangeRequestCommand;
import dev.portfolioledger.api.portfolio.CreatePortfolioCommand;
import dev.portfolioledger.api.portfolio.PortfolioCreatedEvent;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.CreateProgramCommand;
import dev.portfolioledger.api.program.ProgramCreatedEvent;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.program.ProgramRenamedEvent;
import dev.portfolioledger.api.program.RenameProgramCommand;
import dev.portfolioledger.api.project.AddDeliverableCommand;
import dev.portfolioledger.api.project.ApproveProjectCommand;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.BudgetLine;
import dev.portfolioledger.api.project.BudgetLinePlannedEvent;
import dev.portfolioledger.api.project.CancelProjectCommand;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DefineProjectObjectivesCommand;
import dev.portfolioledger.api.project.DeliverableAddedEvent;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.DeliverableRevisedEvent;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.MilestonePlan;
import dev.portfolioledger.api.project.MilestoneScheduledEvent;
import dev.portfolioledger.api.project.PlanBudgetLineCommand;
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectDetailsRevisedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectObjectivesDefinedEvent;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectPutOnHoldEvent;
import dev.portfolioledger.api.project.ProjectResumedEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.api.project.ProposeProjectCommand;
import dev.portfolioledger.api.project.PutProjectOnHoldCommand;
import dev.portfolioledger.api.project.ResumeProjectCommand;
import dev.portfolioledger.api.project.ReviseDeliverableCommand;
import dev.portfolioledger.api.project.ReviseProjectDetailsCommand;
import dev.portfolioledger.api.project.ScheduleMilestoneCommand;
import dev.portfolioledger.api.project.StartProjectCommand;
import dev.portfolioledger.api.risk.CloseRiskCommand;
import dev.portfolioledger.api.risk.IdentifyRiskCommand;
import dev.portfolioledger.api.risk.ReassessRiskCommand;
import dev.portfolioledger.api.risk.RecordRiskOccurredCommand;
import dev.portfolioledger.api.risk.RiskClosedEvent;
import dev.portfolioledger.api.risk.RiskId;
import dev.portfolioledger.api.risk.RiskIdentifiedEvent;
import dev.portfolioledger.api.risk.RiskMitigationStartedEvent;
import dev.portfolioledger.api.risk.RiskOccurredEvent;
import dev.portfolioledger.api.risk.RiskReassessedEvent;
import dev.portfolioledger.api.risk.RiskResponse;
import dev.portfolioledger.api.risk.RiskStatus;
import dev.portfolioledger.api.risk.StartRiskMitigationCommand;
import dev.portfolioledger.api.status.PublishStatusReportCommand;
import dev.portfolioledger.api.status.Rag;
import dev.portfolioledger.api.status.StatusReportId;
import dev.portfolioledger.api.status.StatusReportPublishedEvent;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The scale data set: one portfolio, its programs and projects, and about a year of their lives,
 * as the aggregates would have recorded it. Every project is played through the rules of
 * {@code Project}: the same events, in the same order and shape, that its command handlers apply
 * (approval as approval plus baseline version 1; an approved change request as the approval plus
 * the baseline revised to the next version with exactly the request's changes), with change
 * requests decided one after the other so that each change fits the baseline it meets.
 *
 * <p>A running project also reports progress (percent complete of its deliverables, milestones
 * reached, now and then a new forecast finish), as {@code Project}'s execution rules allow it:
 * only while ACTIVE, report dates never going back, a lower percent with a reason. Every approved
 * project has a cost ledger ({@code CostLedger}) with expenses from its approval on, a few of
 * them reversed later.
 *
 * <p>With risks and status reports (issue 13's phase only, {@link #generate(int, Instant, long, boolean)}):
 * every project identifies {@value #RISKS_PER_PROJECT} risks, two while it is planned and the rest
 * while it runs, of probability and impact 1-5, and some of them are reassessed, mitigated, closed or
 * recorded as occurred later, as {@code RiskRegister} allows it (a cancellation closes the open ones
 * in the cancelling command, as {@code Project} does); a project that is APPROVED, ACTIVE or ON_HOLD
 * publishes status reports now and then ({@code StatusReport} aggregates of their own, one event
 * each), now and then a correction that supersedes the previous one. Without them the data set is
 * exactly the one of the other phases: no random number is drawn for them.
 *
 * <p>Generated from a fixed seed: ids and business content are the same in every run; record
 * times end the day before the run.
 */
final class ScaleHistory {

    /**
     * One simulated command: the events it made one aggregate apply, their record times (the
     * first is the decision's instant, the others 0-2 ms later, as one unit of work stamps them),
     * who sent it and why.
     */
    record Decision(String aggregateType, String aggregateId, long firstSequence, List<Instant> times,
                    String actor, String commandName, String reason, UUID commandId, UUID requestId,
                    List<UUID> eventIds, List<Object> events) {
    }

    static final Currency EUR = Currency.getInstance("EUR");
    private static final Duration YEAR = Duration.ofDays(365);
    /** Demo users of the local profile, by the role that sends each kind of command. */
    private static final String PORTFOLIO_MANAGER = "portfolio";
    private static final String PROJECT_MANAGER = "pm";
    private static final String PMO = "pmo";
    private static final String PROGRAM_MANAGER = "program";
    private static final String APPROVER = "approver";

    private static final String[] WORDS = {"Atlas", "Beacon", "Cedar", "Delta", "Ember", "Falcon", "Granite",
            "Harbor", "Iris", "Juniper", "Keystone", "Lumen", "Meridian", "Nimbus", "Orchid", "Pioneer", "Quartz",
            "Ridge", "Summit", "Tundra", "Umbra", "Vertex", "Willow", "Zephyr"};
    private static final String[] AREAS = {"Billing", "Onboarding", "Data Platform", "Logistics", "Payments",
            "Customer Portal", "Compliance", "Warehouse", "Analytics", "Identity", "Mobile", "Procurement"};
    private static final String[] PEOPLE = {"Alex Morgan", "Sam Patel", "Jordan Lee", "Chris Novak",
            "Maria Rossi", "Kim Andersen", "Lena Fischer", "Omar Haddad", "Priya Nair", "Tomas Silva"};
    private static final String[] JUSTIFICATIONS = {"Regulatory requirement changed after the last audit.",
            "Customer feedback from the pilot asks for it.", "Supplier delivery slipped by several weeks.",
            "Estimate revised after the design review.", "Scope clarified with the business owner."};
    private static final String[] REJECTIONS = {"Not funded this quarter.", "Outside the agreed scope.",
            "Impact on the schedule is too high."};
    private static final String[] VENDORS = {"Northwind Consulting", "Contoso Hardware", "Fabrikam Services",
            "Tailspin Travel", "Litware Licences"};
    private static final String[] REWORK = {"Rework after the test phase found defects.",
            "Earlier estimate of the remaining work was too optimistic."};
    private static final String[] DELAYS = {"Supplier delivery slipped.", "Key engineer on leave.",
            "Waiting for the security review."};
    private static final String[] REVERSALS = {"Invoice booked to the wrong project.", "Duplicate invoice.",
            "Credit note from the vendor."};
    private static final String[] CANCELLATIONS = {"Business case no longer holds.",
            "Merged into another project.", "Sponsor withdrew funding."};
    /** Risks each project identifies when the data set has risks. */
    static final int RISKS_PER_PROJECT = 5;
    private static final String[] RISK_TITLES = {"Key supplier may deliver late", "Legacy interface undocumented",
            "Test environment not ready in time", "Specialist skills scarce", "Regulation may change mid-project",
            "Data migration quality unknown", "Vendor licence cost may rise", "Business owner availability",
            "Performance target may not be met", "Security review may find blocking issues"};
    private static final String[] RISK_CATEGORIES = {"Supplier", "Technical", "Resource", "Regulatory", "Schedule",
            "Cost"};
    private static final String[] RISK_PLANS = {"Weekly check-in with the supplier; second source identified.",
            "Spike in the first sprint to document the interface.", "Book the shared environment early.",
            "Contract a specialist for the critical weeks.", "Monitor the consultation; legal review each quarter."};
    private static final String[] REASSESSMENTS = {"Reviewed at the monthly risk meeting.",
            "Supplier confirmed the new dates.", "First test results are in.", "The sponsor escalated it.",
            "Mitigation is showing effect."};
    private static final String[] RISK_CLOSURES = {"No longer relevant after the design change.",
            "The supplier delivered.", "The window for it has passed."};
    private static final String[] RISK_IMPACTS = {"Two weeks of delay on the critical path.",
            "Extra cost for a second vendor.", "A release had to be rolled back."};
    private static final String[] REPORT_SUMMARIES = {"Work is on track; no new issues.",
            "Some slippage on one work package; recovery plan agreed.", "Budget pressure from supplier rates.",
            "Scope discussions with the business owner are ongoing."};
    private static final String[] ACCOMPLISHMENTS = {"Design review passed", "First increment delivered",
            "Supplier contract signed", "Test plan approved", "Data migration rehearsal completed"};
    private static final String[] NEXT_STEPS = {"Start the integration tests", "Prepare the user acceptance test",
            "Onboard the second team", "Finish the migration scripts"};
    private static final String[] DECISIONS = {"Approve the extra test environment",
            "Confirm the go-live window", "Decide on the second supplier"};
    private static final String[] CORRECTIONS = {"Cost rating corrected after the month-end close.",
            "Schedule rating corrected: the milestone date was misread."};

    private final Random random;
    private final Instant start;
    private final Instant end;
    private final List<Decision> decisions = new ArrayList<>();
    private final PortfolioId portfolioId;
    private final List<ProgramId> programIds = new ArrayList<>();
    private final List<ProjectId> projectIds = new ArrayList<>();
    /** Whether projects keep a risk register and publish status reports (issue 13's phase). */
    private final boolean registers;

    private ScaleHistory(long seed, Instant end, boolean registers) {
        this.random = new Random(seed);
        this.registers = registers;
        this.end = end;
        this.start = end.minus(YEAR);
        this.portfolioId = new PortfolioId(uuid(random));
    }

    /**
     * @param projects how many projects (1 in 40 is a program: 50 programs for 2,000 projects)
     * @param end      record time of the last decision at the latest; the history starts a year earlier
     */
    static ScaleHistory generate(int projects, Instant end, long seed) {
        return generate(projects, end, seed, false);
    }

    /**
     * @param registers with {@value #RISKS_PER_PROJECT} risks per project and status reports of the
     *                  running projects; without them the data set is the same as
     *                  {@link #generate(int, Instant, long)}'s
     */
    static ScaleHistory generate(int projects, Instant end, long seed, boolean registers) {
        ScaleHistory history = new ScaleHistory(seed, end, registers);
        history.portfolioAndPrograms(Math.max(1, projects / 40));
        for (int i = 0; i < projects; i++) {
            history.project(i);
        }
        // Several aggregates record at once in a live system; the event store holds them in commit order.
        history.decisions.sort(Comparator.comparing((Decision d) -> d.times().get(0)));
        return history;
    }

    List<Decision> decisions() {
        return decisions;
    }

    PortfolioId portfolioId() {
        return portfolioId;
    }

    List<ProgramId> programIds() {
        return programIds;
    }

    List<ProjectId> projectIds() {
        return projectIds;
    }

    private void portfolioAndPrograms(int programs) {
        Instant portfolioCreated = start.plus(Duration.ofHours(9));
        Timeline portfolio = new Timeline("Portfolio", portfolioId.toString(), portfolioCreated);
        portfolio.record(portfolioCreated, PORTFOLIO_MANAGER, CreatePortfolioCommand.class, null,
                new PortfolioCreatedEvent(portfolioId, "Scale portfolio", "One year of a large portfolio, seeded by "
                        + "the benchmark harness", EUR, "Head of PMO"));
        for (int i = 0; i < programs; i++) {
            ProgramId programId = new ProgramId(uuid(random));
            programIds.add(programId);
            Instant created = between(start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(20)));
            Timeline program = new Timeline("Program", programId.toString(), created);
            String name = String.format("Program %02d %s", i + 1, AREAS[i % AREAS.length]);
            program.record(created, PORTFOLIO_MANAGER, CreateProgramCommand.class, null,
                    new ProgramCreatedEvent(programId, portfolioId, name, pick(PEOPLE),
                            List.of("Deliver the " + AREAS[i % AREAS.length] + " roadmap", "Stay within budget")));
            if (random.nextInt(10) == 0) {
                program.record(between(start.plus(Duration.ofDays(120)), end.minus(Duration.ofDays(30))),
                        PORTFOLIO_MANAGER, RenameProgramCommand.class, null,
                        new ProgramRenamedEvent(programId, name, name + " " + pick(WORDS)));
            }
        }
    }

    /** One project's life: planning, approval, then change control and lifecycle moves until it ends or the year does. */
    private void project(int index) {
        ProjectLife life = new ProjectLife(index);
        life.plan();
        double fate = random.nextDouble();
        if (fate < 0.06) {
            // still being planned; a third of these were abandoned before approval
            life.identifyRemainingRisks();
            if (random.nextInt(3) == 0) {
                life.later(PMO, CancelProjectCommand.class, pick(CANCELLATIONS), reason -> life.cancel(reason));
            }
        } else {
            life.approve();
            life.identifyRisk();
            life.statusReport();
            boolean started = fate >= 0.10;
            int requests = started ? 10 + random.nextInt(25) : random.nextInt(4);
            int cancelAt = random.nextInt(100) < (started ? 7 : 25) ? random.nextInt(requests + 1) : -1;
            int holdAt = started && random.nextInt(10) < 3 ? random.nextInt(requests + 1) : -1;
            // a third of the holds last to the end of the year; change control goes on meanwhile
            int resumeAt = holdAt >= 0 && random.nextInt(3) > 0 ? holdAt + 2 : -1;
            if (started) {
                life.later(PMO, StartProjectCommand.class, null, reason -> {
                    life.status = ProjectStatus.ACTIVE;
                    return List.of(new ProjectStartedEvent(life.id));
                });
            }
            boolean active = started;
            for (int i = 0; i <= requests; i++) {
                if (active && i < requests && random.nextBoolean()) {
                    life.execution();
                }
                life.registerActivity();
                if (i == cancelAt) {
                    life.identifyRemainingRisks();
                    life.later(PMO, CancelProjectCommand.class, pick(CANCELLATIONS), reason -> life.cancel(reason));
                    break;
                }
                if (i == holdAt) {
                    life.putOnHold();
                    active = false;
                }
                if (i == resumeAt) {
                    life.resume();
                    active = true;
                }
                if (i < requests) {
                    life.changeRequest();
                }
            }
            life.identifyRemainingRisks();
        }
        life.record();
        life.costLedger();
    }

    /** What a project's aggregate knows, kept in step with the events the simulation emits. */
    private final class ProjectLife {

        /** A decision whose events are made when its record time is known (in order, so state stays in step). */
        /** {@code report}: the id of the status report aggregate it publishes; null for the project's own decisions. */
        private record Planned(String actor, Class<?> command, String reason, EventMaker events, boolean planning,
                               StatusReportId report) {
        }

        /** One risk of the register, as {@code RiskRegister} knows it. */
        private static final class RiskState {
            private final RiskId riskId;
            private RiskStatus status = RiskStatus.OPEN;
            private int probability;
            private int impact;
            private LocalDate reviewDate;

            RiskState(RiskId riskId, int probability, int impact, LocalDate reviewDate) {
                this.riskId = riskId;
                this.probability = probability;
                this.impact = impact;
                this.reviewDate = reviewDate;
            }
        }

        private interface EventMaker {
            List<Object> make(String reason);
        }

        private final ProjectId id = new ProjectId(uuid(random));
        private final ProgramId programId;
        private final String name;
        private final Instant proposedAt;
        private final LocalDate plannedStart;
        private final LocalDate plannedFinish;
        private final Map<DeliverableId, DeliverablePlan> deliverables = new LinkedHashMap<>();
        private final Map<MilestoneId, MilestonePlan> milestones = new LinkedHashMap<>();
        private final Map<CostCategory, Money> budget = new EnumMap<>(CostCategory.class);
        private final List<Planned> planned = new ArrayList<>();
        private final Map<DeliverableId, Integer> percentComplete = new HashMap<>();
        private final Set<MilestoneId> reached = new HashSet<>();
        private ProjectStatus status = ProjectStatus.PROPOSED;
        private int baselineVersion;
        private int changeNumber;
        /** Record time of the decision whose events are being made (report and actual dates are its day). */
        private Instant recording;
        private Instant approvedAt;
        /** The register, in the order identified (state as of the decision being made). */
        private final List<RiskState> register = new ArrayList<>();
        private int risksPlanned;
        /** Change requests submitted so far (an occurred risk may link one). */
        private final List<ChangeRequestId> submitted = new ArrayList<>();
        /** The newest status report, which a correction supersedes; null before the first. */
        private StatusReportId latestReport;

        ProjectLife(int index) {
            projectIds.add(id);
            programId = random.nextInt(10) == 0 ? null : programIds.get(random.nextInt(programIds.size()));
            name = String.format("Project %04d %s %s", index + 1, pick(WORDS), pick(AREAS));
            proposedAt = between(start.plus(Duration.ofDays(30)), end.minus(Duration.ofDays(60)));
            plannedStart = date(proposedAt).plusDays(30 + random.nextInt(30));
            plannedFinish = plannedStart.plusDays(180 + random.nextInt(540));
        }

        void plan() {
            Methodology methodology = Methodology.values()[random.nextInt(Methodology.values().length)];
            String manager = pick(PEOPLE);
            String sponsor = pick(PEOPLE);
            now(ProposeProjectCommand.class, reason -> List.of(new ProjectProposedEvent(id, portfolioId, programId,
                    name, "Delivers " + name.substring(13) + " for the business", manager, sponsor, methodology,
                    plannedStart, plannedFinish, EUR)));
            now(DefineProjectObjectivesCommand.class, reason -> List.of(new ProjectObjectivesDefinedEvent(id,
                    List.of("Go live by " + plannedFinish, "Keep the cost within the approved budget",
                            "Retire the legacy " + pick(AREAS) + " process"))));
            if (random.nextInt(5) == 0) {
                now(ReviseProjectDetailsCommand.class, reason -> List.of(new ProjectDetailsRevisedEvent(id, name,
                        "Delivers " + name.substring(13) + "; scope agreed with the sponsor", manager, sponsor,
                        methodology, plannedStart, plannedFinish)));
            }
            int count = 10 + random.nextInt(11);
            List<DeliverableId> added = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                DeliverablePlan plan = deliverable(new DeliverableId(uuid(random)), "Deliverable " + (i + 1));
                added.add(plan.deliverableId());
                now(AddDeliverableCommand.class, reason -> {
                    deliverables.put(plan.deliverableId(), plan);
                    return List.of(new DeliverableAddedEvent(id, plan));
                });
            }
            for (int i = random.nextInt(4); i > 0; i--) {
                DeliverableId target = added.get(random.nextInt(added.size()));
                now(ReviseDeliverableCommand.class, reason -> {
                    DeliverablePlan revised = revise(deliverables.get(target));
                    deliverables.put(target, revised);
                    return List.of(new DeliverableRevisedEvent(id, revised));
                });
            }
            for (int i = 0, milestoneCount = 2 + random.nextInt(5); i < milestoneCount; i++) {
                MilestonePlan plan = new MilestonePlan(new MilestoneId(uuid(random)), "Milestone " + (i + 1),
                        dateInWindow(), List.of(added.get(random.nextInt(added.size()))));
                now(ScheduleMilestoneCommand.class, reason -> {
                    milestones.put(plan.milestoneId(), plan);
                    return List.of(new MilestoneScheduledEvent(id, plan));
                });
            }
            List<CostCategory> categories = new ArrayList<>(List.of(CostCategory.values()));
            categories.remove(CostCategory.LABOUR);
            categories.add(0, CostCategory.LABOUR);
            for (int i = 0, lines = 2 + random.nextInt(3); i < lines; i++) {
                CostCategory category = categories.get(i);
                Money amount = money(10_000 + random.nextInt(490) * 1_000);
                now(PlanBudgetLineCommand.class, reason -> {
                    budget.put(category, amount);
                    return List.of(new BudgetLinePlannedEvent(id, new BudgetLine(category, amount)));
                });
            }
            // risks are identified while the project is planned, too
            identifyRisk(true);
            identifyRisk(true);
        }

        /** Exactly what {@code Project.handle(ApproveProjectCommand)} applies. */
        void approve() {
            later(PMO, ApproveProjectCommand.class, null, reason -> {
                status = ProjectStatus.APPROVED;
                approvedAt = recording;
                baselineVersion = 1;
                return List.of(new ProjectApprovedEvent(id), new BaselineEstablishedEvent(id, 1,
                        List.copyOf(deliverables.values()), List.copyOf(milestones.values()), budgetLines()));
            });
        }

        /** As {@code Project.handle(CancelProjectCommand)}: the cancellation, then every open risk closed with it. */
        List<Object> cancel(String reason) {
            ProjectStatus previous = status;
            status = ProjectStatus.CANCELLED;
            List<Object> events = new ArrayList<>();
            events.add(new ProjectCancelledEvent(id, previous, reason));
            for (RiskState risk : register) {
                if (risk.status.isOpen()) {
                    events.add(new RiskClosedEvent(id, risk.riskId, risk.status, "Project cancelled: " + reason));
                    risk.status = RiskStatus.CLOSED;
                }
            }
            return events;
        }

        /**
         * One risk identified (by the project manager), unless all {@value #RISKS_PER_PROJECT} are;
         * while planning when {@code planning}, else among the later decisions. Its ratings, response
         * and review date (2-10 weeks after it) are drawn when it is recorded.
         */
        void identifyRisk(boolean planning) {
            if (!registers || risksPlanned == RISKS_PER_PROJECT) {
                return;
            }
            int number = ++risksPlanned;
            EventMaker identify = reason -> {
                if (!status.isOpen()) {
                    return List.of();
                }
                RiskId riskId = new RiskId(uuid(random));
                int probability = 1 + random.nextInt(5);
                int impact = 1 + random.nextInt(5);
                RiskResponse response = RiskResponse.values()[random.nextInt(RiskResponse.values().length)];
                LocalDate reviewDate = date(recording).plusDays(14 + random.nextInt(57));
                register.add(new RiskState(riskId, probability, impact, reviewDate));
                String title = RISK_TITLES[random.nextInt(RISK_TITLES.length)];
                return List.of(new RiskIdentifiedEvent(id, riskId, "R" + number + " " + title,
                        random.nextBoolean() ? title + " (" + name + ")" : null, pick(RISK_CATEGORIES), probability,
                        impact, pick(PEOPLE), response, response == RiskResponse.ACCEPT ? null : pick(RISK_PLANS),
                        reviewDate));
            };
            if (planning) {
                now(IdentifyRiskCommand.class, identify);
            } else {
                later(PROJECT_MANAGER, IdentifyRiskCommand.class, null, identify);
            }
        }

        void identifyRisk() {
            identifyRisk(false);
        }

        /** The risks not identified yet, before the project may end. */
        void identifyRemainingRisks() {
            while (registers && risksPlanned < RISKS_PER_PROJECT) {
                identifyRisk(false);
            }
        }

        /**
         * What a register sees between two change requests: now and then a new risk, a decision
         * on one (half of them reassessments, then mitigation started, closure, occurrence), a
         * status report.
         */
        void registerActivity() {
            if (!registers) {
                return;
            }
            if (random.nextInt(3) == 0) {
                identifyRisk(false);
            }
            if (random.nextInt(3) == 0) {
                riskDecision();
            }
            if (random.nextInt(4) == 0) {
                statusReport();
            }
        }

        /** One decision on a risk of the register, chosen when it is recorded; none when no risk fits. */
        private void riskDecision() {
            double kind = random.nextDouble();
            if (kind < 0.5) {
                later(PROJECT_MANAGER, ReassessRiskCommand.class, pick(REASSESSMENTS), reason -> {
                    RiskState risk = pickRisk(r -> r.status.isOpen());
                    if (risk == null) {
                        return List.of();
                    }
                    int previousProbability = risk.probability;
                    int previousImpact = risk.impact;
                    risk.probability = Math.max(1, Math.min(5, risk.probability + random.nextInt(3) - 1));
                    risk.impact = Math.max(1, Math.min(5, risk.impact + random.nextInt(3) - 1));
                    if (random.nextBoolean()) {
                        risk.reviewDate = date(recording).plusDays(14 + random.nextInt(57));
                    }
                    return List.of(new RiskReassessedEvent(id, risk.riskId, previousProbability, previousImpact,
                            risk.probability, risk.impact, reason, risk.reviewDate));
                });
            } else if (kind < 0.7) {
                later(PROJECT_MANAGER, StartRiskMitigationCommand.class, null, reason -> {
                    RiskState risk = pickRisk(r -> r.status == RiskStatus.OPEN);
                    if (risk == null) {
                        return List.of();
                    }
                    risk.status = RiskStatus.MITIGATING;
                    return List.of(new RiskMitigationStartedEvent(id, risk.riskId));
                });
            } else if (kind < 0.88) {
                later(PROJECT_MANAGER, CloseRiskCommand.class, pick(RISK_CLOSURES), reason -> {
                    RiskState risk = pickRisk(r -> r.status.isOpen());
                    if (risk == null) {
                        return List.of();
                    }
                    RiskStatus previous = risk.status;
                    risk.status = RiskStatus.CLOSED;
                    return List.of(new RiskClosedEvent(id, risk.riskId, previous, reason));
                });
            } else {
                later(PROJECT_MANAGER, RecordRiskOccurredCommand.class, null, reason -> {
                    RiskState risk = pickRisk(r -> r.status.isOpen());
                    if (risk == null) {
                        return List.of();
                    }
                    RiskStatus previous = risk.status;
                    risk.status = RiskStatus.OCCURRED;
                    ChangeRequestId linked = submitted.isEmpty() || random.nextBoolean() ? null
                            : submitted.get(submitted.size() - 1);
                    return List.of(new RiskOccurredEvent(id, risk.riskId, previous, pick(RISK_IMPACTS), linked));
                });
            }
        }

        private RiskState pickRisk(java.util.function.Predicate<RiskState> fits) {
            List<RiskState> candidates = register.stream().filter(fits).toList();
            return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
        }

        /**
         * A status report of the four weeks up to its day, published while the project is APPROVED,
         * ACTIVE or ON_HOLD (not sent otherwise); one in ten corrects the newest report instead (a
         * {@code supersedes} with a reason). Ratings mostly green, the overall the worst of the
         * three, or now and then green regardless (what the health view flags).
         */
        void statusReport() {
            if (!registers) {
                return;
            }
            StatusReportId reportId = new StatusReportId(uuid(random));
            boolean correction = random.nextInt(10) == 0;
            String reason = correction ? pick(CORRECTIONS) : null;
            planned.add(new Planned(PROJECT_MANAGER, PublishStatusReportCommand.class, reason, ignored -> {
                if (status != ProjectStatus.APPROVED && status != ProjectStatus.ACTIVE
                        && status != ProjectStatus.ON_HOLD) {
                    return List.of();
                }
                StatusReportId supersedes = correction ? latestReport : null;
                latestReport = reportId;
                LocalDate periodEnd = date(recording);
                Rag scope = rag();
                Rag schedule = rag();
                Rag cost = rag();
                Rag worst = Collections.max(List.of(scope, schedule, cost));
                Rag overall = random.nextInt(6) == 0 ? Rag.GREEN : worst;
                return List.of(new StatusReportPublishedEvent(reportId, id, periodEnd.minusDays(27), periodEnd,
                        overall, scope, schedule, cost, pick(REPORT_SUMMARIES), List.of(pick(ACCOMPLISHMENTS)),
                        List.of(pick(NEXT_STEPS), pick(NEXT_STEPS)),
                        random.nextInt(3) == 0 ? List.of(pick(DECISIONS)) : List.of(), supersedes));
            }, false, reportId));
        }

        private Rag rag() {
            int draw = random.nextInt(20);
            return draw < 12 ? Rag.GREEN : draw < 17 ? Rag.AMBER : Rag.RED;
        }

        /** Only for a started project, which is ACTIVE when the hold is planned. */
        void putOnHold() {
            later(PMO, PutProjectOnHoldCommand.class, "Waiting for the funding review", reason -> {
                status = ProjectStatus.ON_HOLD;
                return List.of(new ProjectPutOnHoldEvent(id));
            });
        }

        void resume() {
            later(PMO, ResumeProjectCommand.class, null, reason -> {
                status = ProjectStatus.ACTIVE;
                return List.of(new ProjectResumedEvent(id));
            });
        }

        /**
         * Submitted, then assessed and approved, rejected or withdrawn. The changes are chosen when
         * the request is submitted, against the baseline as it then is; as requests are decided one
         * after the other, that is also the baseline the approval meets.
         */
        void changeRequest() {
            ChangeRequestId requestId = new ChangeRequestId(uuid(random));
            int number = ++changeNumber;
            double outcome = random.nextDouble();
            List<ProposedChange> changes = new ArrayList<>();
            later(PROJECT_MANAGER, SubmitChangeRequestCommand.class, null, reason -> {
                changes.addAll(proposedChanges());
                submitted.add(requestId);
                return List.of(new ChangeRequestSubmittedEvent(id, requestId, "Change " + number + ": "
                        + changes.get(0).kind().name().toLowerCase().replace('_', ' '), pick(JUSTIFICATIONS),
                        changes, PROJECT_MANAGER));
            });
            if (outcome < 0.10) {
                later(PROJECT_MANAGER, WithdrawChangeRequestCommand.class, null,
                        reason -> List.of(new ChangeRequestWithdrawnEvent(id, requestId)));
                return;
            }
            later(PROGRAM_MANAGER, AssessChangeRequestCommand.class, null,
                    reason -> List.of(new ChangeRequestAssessedEvent(id, requestId, money(500 + random.nextInt(40) * 500),
                            random.nextInt(30), "Low risk; reviewed with the team", PROGRAM_MANAGER)));
            if (outcome < 0.20) {
                later(PROJECT_MANAGER, WithdrawChangeRequestCommand.class, null,
                        reason -> List.of(new ChangeRequestWithdrawnEvent(id, requestId)));
            } else if (outcome < 0.35) {
                later(APPROVER, RejectChangeRequestCommand.class, pick(REJECTIONS), reason -> List.of(
                        new ChangeRequestRejectedEvent(id, requestId, reason, APPROVER)));
            } else {
                // exactly what Project.handle(ApproveChangeRequestCommand) applies
                later(APPROVER, ApproveChangeRequestCommand.class, null, reason -> {
                    changes.forEach(this::applyToBaseline);
                    baselineVersion++;
                    return List.of(new ChangeRequestApprovedEvent(id, requestId, APPROVER),
                            new BaselineRevisedEvent(id, baselineVersion, requestId, changes));
                });
            }
        }

        /**
         * What a running project reports between two change requests: one deliverable's progress,
         * and now and then a milestone reached or a new forecast finish; as {@code Project}'s
         * execution member applies them, the previous percent and the planned dates included.
         */
        void execution() {
            boolean rework = random.nextInt(25) == 0;
            later(PROJECT_MANAGER, ReportDeliverableProgressCommand.class, rework ? pick(REWORK) : null, reason -> {
                DeliverableId target = pickKey(deliverables.keySet());
                int before = percentComplete.getOrDefault(target, 0);
                int after = rework && before > 0 ? Math.max(0, before - 5 - random.nextInt(10))
                        : Math.min(100, before + 5 + random.nextInt(30));
                percentComplete.put(target, after);
                return List.of(new DeliverableProgressReportedEvent(id, target, after, before, date(recording),
                        after < before ? reason : null));
            });
            if (random.nextInt(4) == 0) {
                later(PROJECT_MANAGER, CompleteMilestoneCommand.class, null, reason -> {
                    List<MilestoneId> open = milestones.keySet().stream().filter(m -> !reached.contains(m)).toList();
                    if (open.isEmpty()) {
                        return List.of();
                    }
                    MilestoneId target = pickKey(open);
                    reached.add(target);
                    return List.of(new MilestoneCompletedEvent(id, target, milestones.get(target).dueDate(),
                            date(recording)));
                });
            }
            if (random.nextInt(8) == 0) {
                later(PROJECT_MANAGER, ForecastDeliverableFinishCommand.class, pick(DELAYS), reason -> {
                    List<DeliverableId> open = deliverables.keySet().stream()
                            .filter(d -> percentComplete.getOrDefault(d, 0) < 100).toList();
                    if (open.isEmpty()) {
                        return List.of();
                    }
                    DeliverableId target = pickKey(open);
                    DeliverablePlan plan = deliverables.get(target);
                    return List.of(new DeliverableFinishForecastEvent(id, target, plan.plannedFinish(),
                            plan.plannedFinish().plusDays(7 + random.nextInt(60)), reason));
                });
            }
        }

        /**
         * The project's cost ledger, once approved: 4-12 expenses spread from the approval to the
         * end of the year, incurred on their record day or up to two weeks before, one in twenty
         * reversed later.
         */
        void costLedger() {
            if (approvedAt == null) {
                return;
            }
            CostLedgerId ledger = CostLedgerId.of(id);
            record Entry(Instant at, Object event, Class<?> command, String reason) {
            }
            List<Entry> entries = new ArrayList<>();
            for (Instant at : sortedInstants(approvedAt.plus(Duration.ofHours(1)), end, 4 + random.nextInt(9))) {
                List<CostCategory> categories = List.copyOf(budget.keySet());
                ExpenseRecordedEvent expense = new ExpenseRecordedEvent(ledger, id, new CostEntryId(uuid(random)),
                        money(200 + random.nextInt(198) * 100), categories.get(random.nextInt(categories.size())),
                        date(at).minusDays(random.nextInt(15)), pick(VENDORS), "Invoice " + (1000 + random.nextInt(9000)));
                entries.add(new Entry(at, expense, RecordExpenseCommand.class, null));
                if (random.nextInt(20) == 0) {
                    String reason = pick(REVERSALS);
                    entries.add(new Entry(between(at.plusSeconds(60), end.plusSeconds(120)), new CostReversedEvent(ledger,
                            id, new CostEntryId(uuid(random)), expense.entryId(), expense.amount(), expense.category(),
                            expense.incurredOn(), reason), ReverseCostCommand.class, reason));
                }
            }
            entries.sort(Comparator.comparing(Entry::at));
            Timeline timeline = new Timeline("CostLedger", ledger.toString(), entries.get(0).at());
            for (Entry entry : entries) {
                timeline.record(entry.at(), PROJECT_MANAGER, entry.command(), entry.reason(), entry.event());
            }
        }

        private <T> T pickKey(Collection<T> keys) {
            List<T> list = List.copyOf(keys);
            return list.get(random.nextInt(list.size()));
        }

        /** One to three changes to distinct deliverables, milestones or budget lines that exist now. */
        private List<ProposedChange> proposedChanges() {
            List<ProposedChange> changes = new ArrayList<>();
            List<DeliverableId> touched = new ArrayList<>();
            for (int i = 0, count = 1 + random.nextInt(3); i < count; i++) {
                int kind = random.nextInt(10);
                List<DeliverableId> untouched = deliverables.keySet().stream().filter(d -> !touched.contains(d))
                        .toList();
                if (kind < 5 && !untouched.isEmpty()) {
                    DeliverableId target = untouched.get(random.nextInt(untouched.size()));
                    touched.add(target);
                    changes.add(ProposedChange.modifyDeliverable(revise(deliverables.get(target))));
                } else if (kind < 7) {
                    changes.add(ProposedChange.addDeliverable(deliverable(new DeliverableId(uuid(random)),
                            "Added deliverable " + (deliverables.size() + 1))));
                } else if (kind == 7 && untouched.size() > 5) {
                    DeliverableId target = untouched.get(random.nextInt(untouched.size()));
                    touched.add(target);
                    changes.add(ProposedChange.removeDeliverable(target));
                } else if (kind == 8 && !milestones.isEmpty() && changes.stream()
                        .noneMatch(c -> c.milestoneId() != null)) {
                    List<MilestoneId> ids = List.copyOf(milestones.keySet());
                    changes.add(ProposedChange.moveMilestone(ids.get(random.nextInt(ids.size())), dateInWindow()));
                } else if (changes.stream().noneMatch(c -> c.category() != null)) {
                    List<CostCategory> lines = List.copyOf(budget.keySet());
                    changes.add(ProposedChange.changeBudget(lines.get(random.nextInt(lines.size())),
                            money(10_000 + random.nextInt(490) * 1_000)));
                }
            }
            if (changes.isEmpty()) {
                changes.add(ProposedChange.addDeliverable(deliverable(new DeliverableId(uuid(random)),
                        "Added deliverable " + (deliverables.size() + 1))));
            }
            return changes;
        }

        /** As {@code Project.on(BaselineRevisedEvent)} applies one change. */
        private void applyToBaseline(ProposedChange change) {
            switch (change.kind()) {
                case ADD_DELIVERABLE, MODIFY_DELIVERABLE -> deliverables.put(change.deliverable().deliverableId(),
                        change.deliverable());
                case REMOVE_DELIVERABLE -> {
                    deliverables.remove(change.deliverableId());
                    milestones.replaceAll((milestoneId, milestone) -> new MilestonePlan(milestoneId,
                            milestone.name(), milestone.dueDate(), milestone.deliverableIds().stream()
                            .filter(linked -> !linked.equals(change.deliverableId())).toList()));
                }
                case MOVE_MILESTONE -> milestones.computeIfPresent(change.milestoneId(),
                        (milestoneId, milestone) -> new MilestonePlan(milestoneId, milestone.name(),
                                change.newDueDate(), milestone.deliverableIds()));
                case CHANGE_BUDGET -> budget.put(change.category(), change.newAmount());
            }
        }

        private List<BudgetLine> budgetLines() {
            return budget.entrySet().stream().map(line -> new BudgetLine(line.getKey(), line.getValue())).toList();
        }

        private DeliverablePlan deliverable(DeliverableId deliverableId, String deliverableName) {
            LocalDate from = dateInWindow();
            LocalDate to = from.plusDays(14 + random.nextInt(90));
            return new DeliverablePlan(deliverableId, deliverableName, "Part of " + name,
                    random.nextBoolean() ? "Signed off by the business owner" : null,
                    money(5_000 + random.nextInt(115) * 1_000), from, to.isAfter(plannedFinish) ? plannedFinish : to);
        }

        private DeliverablePlan revise(DeliverablePlan plan) {
            LocalDate finish = plan.plannedFinish().plusDays(random.nextInt(30));
            return new DeliverablePlan(plan.deliverableId(), plan.name(), plan.description(),
                    plan.acceptanceCriteria(), money(plan.plannedCost().amount().intValue() + 1_000 * (1
                    + random.nextInt(20))), plan.plannedStart(), finish.isAfter(plannedFinish) ? plannedFinish : finish);
        }

        private LocalDate dateInWindow() {
            return plannedStart.plusDays(random.nextInt((int) (plannedFinish.toEpochDay() - plannedStart.toEpochDay())));
        }

        /** A planning decision (before approval); made by the project manager. */
        private void now(Class<?> command, EventMaker events) {
            planned.add(new Planned(PROJECT_MANAGER, command, null, events, true, null));
        }

        private void later(String actor, Class<?> command, String reason, EventMaker events) {
            planned.add(new Planned(actor, command, reason, events, false, null));
        }

        /**
         * Gives the decisions their record times and makes their events in order: planning within
         * a few weeks of the proposal, the rest spread over the months until the end of the year.
         */
        void record() {
            long planningCount = planned.stream().filter(Planned::planning).count();
            Instant planningEnd = proposedAt.plus(Duration.ofDays(7 + random.nextInt(35)));
            List<Instant> planningTimes = sortedInstants(proposedAt, planningEnd, (int) planningCount);
            List<Instant> laterTimes = sortedInstants(planningEnd.plus(Duration.ofDays(2)), end,
                    planned.size() - (int) planningCount);
            Timeline timeline = new Timeline("Project", id.toString(), proposedAt);
            int planningIndex = 0;
            int laterIndex = 0;
            for (Planned decision : planned) {
                // the first decision, the proposal, is at proposedAt exactly
                Instant at = decision.planning() ? (planningIndex == 0 ? proposedAt : planningTimes.get(planningIndex))
                        : laterTimes.get(laterIndex++);
                if (decision.planning()) {
                    planningIndex++;
                }
                recording = at;
                List<Object> events = decision.events().make(decision.reason());
                if (events.isEmpty()) {
                    // an execution decision with nothing left to report (every milestone reached) is not sent
                    continue;
                }
                if (decision.report() != null) {
                    // a report aggregate of its own, recorded after what the project recorded before it
                    Instant published = at.isAfter(timeline.last) ? at : timeline.last.plusMillis(1);
                    new Timeline("StatusReport", decision.report().toString(), published).record(published,
                            decision.actor(), decision.command(), decision.reason(), events.toArray());
                } else {
                    timeline.record(at, decision.actor(), decision.command(), decision.reason(), events.toArray());
                }
            }
        }
    }

    /** One aggregate's stream: sequence numbers and strictly increasing record times. */
    private final class Timeline {
        private final String type;
        private final String id;
        private long sequence;
        private Instant last;

        Timeline(String type, String id, Instant first) {
            this.type = type;
            this.id = id;
            this.last = first.minusMillis(10);
        }

        void record(Instant at, String actor, Class<?> command, String reason, Object... events) {
            Instant first = at.isAfter(last.plusMillis(3)) ? at : last.plusMillis(3 + random.nextInt(50));
            List<Instant> times = new ArrayList<>();
            List<UUID> eventIds = new ArrayList<>();
            Instant time = first;
            for (int i = 0; i < events.length; i++) {
                times.add(time);
                eventIds.add(uuid(random));
                time = time.plusMillis(random.nextInt(3));
            }
            decisions.add(new Decision(type, id, sequence, times, actor, command.getSimpleName(), reason,
                    uuid(random), uuid(random), eventIds, List.of(events)));
            sequence += events.length;
            last = times.get(times.size() - 1);
        }
    }

    private List<Instant> sortedInstants(Instant from, Instant to, int count) {
        List<Instant> instants = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            instants.add(between(from, to));
        }
        instants.sort(Comparator.naturalOrder());
        return instants;
    }

    /** Millisecond precision, as Axon stamps events. */
    private Instant between(Instant from, Instant to) {
        long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        return Instant.ofEpochMilli(from.toEpochMilli() + (long) (random.nextDouble() * span));
    }

    private static LocalDate date(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static Money money(long amount) {
        return new Money(BigDecimal.valueOf(amount), EUR);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** A version-4 UUID from the seeded generator, so the data set is the same in every run. */
    private static UUID uuid(Random random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
