package dev.portfolioledger.command;

import dev.portfolioledger.command.quality.QualityMutationController;
import dev.portfolioledger.api.changerequest.ApproveChangeRequestCommand;
import dev.portfolioledger.api.changerequest.AssessChangeRequestCommand;
import dev.portfolioledger.api.changerequest.ChangeKind;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.changerequest.RejectChangeRequestCommand;
import dev.portfolioledger.api.changerequest.SubmitChangeRequestCommand;
import dev.portfolioledger.command.changerequest.ApproveChangeRequestInput;
import dev.portfolioledger.command.changerequest.AssessChangeRequestInput;
import dev.portfolioledger.command.changerequest.ChangeRequestMutationController;
import dev.portfolioledger.command.changerequest.DeliverablePlanInput;
import dev.portfolioledger.command.changerequest.ProposedChangeInput;
import dev.portfolioledger.command.changerequest.RejectChangeRequestInput;
import dev.portfolioledger.command.changerequest.SubmitChangeRequestInput;
import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.portfolio.ArchivePortfolioCommand;
import dev.portfolioledger.api.portfolio.CreatePortfolioCommand;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.CreateProgramCommand;
import dev.portfolioledger.api.project.AddDeliverableCommand;
import dev.portfolioledger.api.project.CancelProjectCommand;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.PlanBudgetLineCommand;
import dev.portfolioledger.api.project.ScheduleMilestoneCommand;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProposeProjectCommand;
import dev.portfolioledger.api.project.StartProjectCommand;
import dev.portfolioledger.axon.command.AuditedCommandGateway;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.axon.security.Roles;
import dev.portfolioledger.command.portfolio.ArchivePortfolioInput;
import dev.portfolioledger.command.portfolio.CreatePortfolioInput;
import dev.portfolioledger.command.portfolio.PortfolioMutationController;
import dev.portfolioledger.command.portfolio.RenamePortfolioInput;
import dev.portfolioledger.command.program.CreateProgramInput;
import dev.portfolioledger.command.program.ProgramMutationController;
import dev.portfolioledger.command.project.CancelProjectInput;
import dev.portfolioledger.command.project.AddDeliverableInput;
import dev.portfolioledger.command.project.MoneyInput;
import dev.portfolioledger.command.project.PlanBudgetLineInput;
import dev.portfolioledger.command.project.ProjectMutationController;
import dev.portfolioledger.command.project.ProjectPlanningMutationController;
import dev.portfolioledger.command.project.ScheduleMilestoneInput;
import dev.portfolioledger.command.project.ProjectTransitionInput;
import dev.portfolioledger.command.project.ProposeProjectInput;
import dev.portfolioledger.command.finance.CostLedgerMutationController;
import dev.portfolioledger.command.project.ProjectExecutionMutationController;
import dev.portfolioledger.command.project.ProjectClosureMutationController;
import dev.portfolioledger.command.resource.ResourceMutationController;
import dev.portfolioledger.command.risk.RiskMutationController;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** How mutations become commands: ids, shape checks, reasons and who may send them. */
class MutationControllerTest {

    private static final String PORTFOLIO = "00000000-0000-0000-0000-00000000000a";
    private static final String PROJECT = "00000000-0000-0000-0000-0000000000c1";
    private static final List<Class<?>> CONTROLLERS = List.of(
            PortfolioMutationController.class, ProgramMutationController.class, ProjectMutationController.class,
            ProjectPlanningMutationController.class, ChangeRequestMutationController.class,
            ResourceMutationController.class, CostLedgerMutationController.class,
            ProjectExecutionMutationController.class, ProjectClosureMutationController.class,
            RiskMutationController.class, QualityMutationController.class);

    private final AuditedCommandGateway gateway = mock(AuditedCommandGateway.class);
    private final PortfolioMutationController portfolios = new PortfolioMutationController(gateway);
    private final ProgramMutationController programs = new ProgramMutationController(gateway);
    private final ProjectMutationController projects = new ProjectMutationController(gateway);
    private final ProjectPlanningMutationController planning = new ProjectPlanningMutationController(gateway);
    private final ChangeRequestMutationController changeRequests = new ChangeRequestMutationController(gateway);

    private static void assertValidationFailed(ThrowingCallable mutation) {
        assertThatThrownBy(mutation).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void createPortfolioReturnsTheReceipt() {
        var receipt = new CommandReceipt(PORTFOLIO, 42, "corr-1");
        when(gateway.create(any(), any(), any())).thenReturn(receipt);

        assertThat(portfolios.createPortfolio(
                new CreatePortfolioInput(PORTFOLIO, "Growth", null, "EUR", "Olivia Owner", "Kick-off")))
                .isSameAs(receipt);
        verify(gateway).create(new CreatePortfolioCommand(PortfolioId.of(PORTFOLIO), "Growth", null,
                Currency.getInstance("EUR"), "Olivia Owner"), PortfolioId.of(PORTFOLIO), "Kick-off");
    }

    @Test
    void serverChoosesPortfolioIdWhenClientGivesNone() {
        var command = ArgumentCaptor.forClass(Object.class);
        var aggregateId = ArgumentCaptor.forClass(Object.class);

        portfolios.createPortfolio(new CreatePortfolioInput(null, "Growth", null, "EUR", "Olivia Owner", null));

        verify(gateway).create(command.capture(), aggregateId.capture(), eq(null));
        assertThat(command.getValue()).isInstanceOfSatisfying(CreatePortfolioCommand.class,
                created -> assertThat(created.portfolioId()).isNotNull().isEqualTo(aggregateId.getValue()));
    }

    @Test
    void createPortfolioRefusesUnknownCurrency() {
        assertValidationFailed(() -> portfolios.createPortfolio(
                new CreatePortfolioInput(null, "Growth", null, "EUX", "Olivia Owner", null)));
        verifyNoInteractions(gateway);
    }

    @Test
    void malformedIdIsRefusedBeforeAnyCommandIsSent() {
        assertValidationFailed(() -> portfolios.renamePortfolio(new RenamePortfolioInput("42", "Growth", null)));
        assertValidationFailed(() -> projects.startProject(new ProjectTransitionInput("not-a-uuid", null)));
        verifyNoInteractions(gateway);
    }

    @Test
    void archivePortfolioPassesTheReasonToTheAuditTrail() {
        portfolios.archivePortfolio(new ArchivePortfolioInput(PORTFOLIO, "Strategy review"));

        verify(gateway).send(new ArchivePortfolioCommand(PortfolioId.of(PORTFOLIO)), PortfolioId.of(PORTFOLIO),
                "Strategy review");
    }

    @Test
    void createProgramWithoutObjectivesSendsAnEmptyList() {
        var command = ArgumentCaptor.forClass(Object.class);

        programs.createProgram(new CreateProgramInput(null, PORTFOLIO, "Digital", "Max Manager", null, null));

        verify(gateway).create(command.capture(), any(), eq(null));
        assertThat(command.getValue()).isInstanceOfSatisfying(CreateProgramCommand.class, created -> {
            assertThat(created.portfolioId()).isEqualTo(PortfolioId.of(PORTFOLIO));
            assertThat(created.objectives()).isEmpty();
        });
    }

    @Test
    void proposeProjectWithoutProgramPlacesItDirectlyInThePortfolio() {
        LocalDate start = LocalDate.of(2027, 1, 4);
        LocalDate finish = LocalDate.of(2027, 6, 30);

        projects.proposeProject(new ProposeProjectInput(PROJECT, PORTFOLIO, null, "Web shop", null, "Pia Manager",
                "Sam Sponsor", Methodology.HYBRID, start, finish, "Board request"));

        verify(gateway).create(new ProposeProjectCommand(ProjectId.of(PROJECT), PortfolioId.of(PORTFOLIO), null,
                "Web shop", null, "Pia Manager", "Sam Sponsor", Methodology.HYBRID, start, finish),
                ProjectId.of(PROJECT), "Board request");
    }

    @Test
    void proposeProjectRefusesFinishBeforeStart() {
        assertValidationFailed(() -> projects.proposeProject(new ProposeProjectInput(null, PORTFOLIO, null,
                "Web shop", null, "Pia Manager", "Sam Sponsor", Methodology.HYBRID,
                LocalDate.of(2027, 6, 30), LocalDate.of(2027, 1, 4), null)));
        verifyNoInteractions(gateway);
    }

    @Test
    void startProjectTargetsTheProject() {
        projects.startProject(new ProjectTransitionInput(PROJECT, null));

        verify(gateway).send(new StartProjectCommand(ProjectId.of(PROJECT)), ProjectId.of(PROJECT), null);
    }

    @Test
    void cancelProjectKeepsTheReasonInTheEventAndTheAuditTrail() {
        projects.cancelProject(new CancelProjectInput(PROJECT, "No budget"));

        verify(gateway).send(new CancelProjectCommand(ProjectId.of(PROJECT), "No budget"), ProjectId.of(PROJECT),
                "No budget");
    }

    @Test
    void cancelProjectRefusesBlankReason() {
        assertValidationFailed(() -> projects.cancelProject(new CancelProjectInput(PROJECT, " ")));
        verifyNoInteractions(gateway);
    }

    @Test
    void addDeliverableTurnsMoneyInputIntoMoneyAndChoosesTheId() {
        var command = ArgumentCaptor.forClass(Object.class);
        LocalDate start = LocalDate.of(2027, 1, 4);
        LocalDate finish = LocalDate.of(2027, 2, 26);

        planning.addDeliverable(new AddDeliverableInput(PROJECT, null, "Design", null, "Signed off",
                new MoneyInput(new BigDecimal("12000.50"), "EUR"), start, finish, "Scope workshop"));

        verify(gateway).send(command.capture(), eq(ProjectId.of(PROJECT)), eq("Scope workshop"));
        assertThat(command.getValue()).isInstanceOfSatisfying(AddDeliverableCommand.class, added -> {
            assertThat(added.deliverableId()).isNotNull();
            assertThat(added.plannedCost()).isEqualTo(Money.of("12000.50", "EUR"));
            assertThat(added.plan().plannedFinish()).isEqualTo(finish);
        });
    }

    @Test
    void addDeliverableRefusesUnknownCurrencyBeforeAnyCommandIsSent() {
        assertValidationFailed(() -> planning.addDeliverable(new AddDeliverableInput(PROJECT, null, "Design", null,
                null, new MoneyInput(BigDecimal.TEN, "EUX"), LocalDate.of(2027, 1, 4), LocalDate.of(2027, 2, 26),
                null)));
        verifyNoInteractions(gateway);
    }

    @Test
    void scheduleMilestoneParsesLinkedDeliverableIds() {
        String milestone = "00000000-0000-0000-0000-0000000000e1";
        String deliverable = "00000000-0000-0000-0000-0000000000d1";
        LocalDate due = LocalDate.of(2027, 6, 1);

        planning.scheduleMilestone(new ScheduleMilestoneInput(PROJECT, milestone, "Go live", due,
                List.of(deliverable), null));

        verify(gateway).send(new ScheduleMilestoneCommand(ProjectId.of(PROJECT), MilestoneId.of(milestone),
                "Go live", due, List.of(DeliverableId.of(deliverable))), ProjectId.of(PROJECT), null);
    }

    @Test
    void scheduleMilestoneRefusesMalformedDeliverableId() {
        assertValidationFailed(() -> planning.scheduleMilestone(new ScheduleMilestoneInput(PROJECT, null, "Go live",
                LocalDate.of(2027, 6, 1), List.of("d1"), null)));
        verifyNoInteractions(gateway);
    }

    @Test
    void planBudgetLineSendsTheCategoryAndAmount() {
        planning.planBudgetLine(new PlanBudgetLineInput(PROJECT, CostCategory.LABOUR,
                new MoneyInput(new BigDecimal("0"), "EUR"), "Descoped"));

        verify(gateway).send(new PlanBudgetLineCommand(ProjectId.of(PROJECT), CostCategory.LABOUR,
                Money.of("0", "EUR")), ProjectId.of(PROJECT), "Descoped");
    }

    @Test
    void planBudgetLineRefusesNegativeAmount() {
        assertValidationFailed(() -> planning.planBudgetLine(new PlanBudgetLineInput(PROJECT, CostCategory.LABOUR,
                new MoneyInput(new BigDecimal("-1"), "EUR"), null)));
        verifyNoInteractions(gateway);
    }

    // --- change requests ---

    private static final String CHANGE_REQUEST = "00000000-0000-0000-0000-0000000000f1";
    private static final String BUILD = "00000000-0000-0000-0000-0000000000d2";

    @Test
    void submitChangeRequestTurnsEachKindIntoAProposedChange() {
        var command = ArgumentCaptor.forClass(Object.class);
        LocalDate due = LocalDate.of(2027, 6, 15);
        var training = new DeliverablePlanInput(null, "Training", null, null,
                new MoneyInput(new BigDecimal("5000"), "EUR"), LocalDate.of(2027, 6, 1), LocalDate.of(2027, 6, 30));

        changeRequests.submitChangeRequest(new SubmitChangeRequestInput(PROJECT, CHANGE_REQUEST, "Training",
                "Users need it", List.of(
                        new ProposedChangeInput(ChangeKind.ADD_DELIVERABLE, training, null, null, null, null, null),
                        new ProposedChangeInput(ChangeKind.REMOVE_DELIVERABLE, null, BUILD, null, null, null, null),
                        new ProposedChangeInput(ChangeKind.MOVE_MILESTONE, null, null,
                                "00000000-0000-0000-0000-0000000000e1", due, null, null),
                        new ProposedChangeInput(ChangeKind.CHANGE_BUDGET, null, null, null, null,
                                CostCategory.LABOUR, new MoneyInput(new BigDecimal("65000"), "EUR"))),
                "CCB meeting"));

        verify(gateway).send(command.capture(), eq(ProjectId.of(PROJECT)), eq("CCB meeting"));
        assertThat(command.getValue()).isInstanceOfSatisfying(SubmitChangeRequestCommand.class, submitted -> {
            assertThat(submitted.changeRequestId()).isEqualTo(ChangeRequestId.of(CHANGE_REQUEST));
            assertThat(submitted.changes()).extracting(ProposedChange::kind).containsExactly(
                    ChangeKind.ADD_DELIVERABLE, ChangeKind.REMOVE_DELIVERABLE, ChangeKind.MOVE_MILESTONE,
                    ChangeKind.CHANGE_BUDGET);
            assertThat(submitted.changes().get(0).deliverable().deliverableId()).as("server-chosen id").isNotNull();
            assertThat(submitted.changes().get(1)).isEqualTo(ProposedChange.removeDeliverable(DeliverableId.of(BUILD)));
        });
    }

    @Test
    void submitChangeRequestRefusesFieldsOfAnotherKindBeforeAnyCommandIsSent() {
        assertValidationFailed(() -> changeRequests.submitChangeRequest(new SubmitChangeRequestInput(PROJECT, null,
                "Training", "Users need it", List.of(new ProposedChangeInput(ChangeKind.REMOVE_DELIVERABLE, null,
                        BUILD, null, LocalDate.of(2027, 6, 15), null, null)), null)));
        verifyNoInteractions(gateway);
    }

    @Test
    void modifyDeliverableNeedsTheDeliverableId() {
        var plan = new DeliverablePlanInput(null, "Build", null, null, new MoneyInput(BigDecimal.TEN, "EUR"),
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 6, 30));
        assertValidationFailed(() -> changeRequests.submitChangeRequest(new SubmitChangeRequestInput(PROJECT, null,
                "Build more", "Returns", List.of(new ProposedChangeInput(ChangeKind.MODIFY_DELIVERABLE, plan, null,
                        null, null, null, null)), null)));
        verifyNoInteractions(gateway);
    }

    @Test
    void assessChangeRequestAcceptsNegativeCostImpact() {
        changeRequests.assessChangeRequest(new AssessChangeRequestInput(PROJECT, CHANGE_REQUEST,
                new MoneyInput(new BigDecimal("-250.00"), "EUR"), -3, "None", null));

        verify(gateway).send(new AssessChangeRequestCommand(ProjectId.of(PROJECT), ChangeRequestId.of(CHANGE_REQUEST),
                Money.of("-250.00", "EUR"), -3, "None"), ProjectId.of(PROJECT), null);
    }

    @Test
    void rejectChangeRequestKeepsTheReasonInTheEventAndTheAuditTrail() {
        changeRequests.rejectChangeRequest(new RejectChangeRequestInput(PROJECT, CHANGE_REQUEST, "Out of scope"));

        verify(gateway).send(new RejectChangeRequestCommand(ProjectId.of(PROJECT), ChangeRequestId.of(CHANGE_REQUEST),
                "Out of scope"), ProjectId.of(PROJECT), "Out of scope");
    }

    @Test
    void rejectChangeRequestRefusesBlankReason() {
        assertValidationFailed(() -> changeRequests.rejectChangeRequest(
                new RejectChangeRequestInput(PROJECT, CHANGE_REQUEST, " ")));
        verifyNoInteractions(gateway);
    }

    @Test
    void approveChangeRequestCarriesNoActorArgument() {
        changeRequests.approveChangeRequest(new ApproveChangeRequestInput(PROJECT, CHANGE_REQUEST, null));

        verify(gateway).send(new ApproveChangeRequestCommand(ProjectId.of(PROJECT), ChangeRequestId.of(CHANGE_REQUEST)),
                ProjectId.of(PROJECT), null);
    }

    @Test
    void everyMutationNamesItsAuthorizationRule() {
        Map<String, String> expected = Map.ofEntries(
                entry("createPortfolio", Roles.MANAGE_PORTFOLIOS),
                entry("renamePortfolio", Roles.MANAGE_PORTFOLIOS),
                entry("archivePortfolio", Roles.MANAGE_PORTFOLIOS),
                entry("createProgram", Roles.MANAGE_PROGRAMS),
                entry("renameProgram", Roles.MANAGE_PROGRAMS),
                entry("closeProgram", Roles.MANAGE_PROGRAMS),
                entry("proposeProject", Roles.PLAN_PROJECTS),
                entry("reviseProjectDetails", Roles.PLAN_PROJECTS),
                entry("approveProject", Roles.GOVERN_PROJECTS),
                entry("cancelProject", Roles.GOVERN_PROJECTS),
                entry("startProject", Roles.RUN_PROJECTS),
                entry("putProjectOnHold", Roles.RUN_PROJECTS),
                entry("resumeProject", Roles.RUN_PROJECTS),
                entry("addDeliverable", Roles.PLAN_PROJECTS),
                entry("reviseDeliverable", Roles.PLAN_PROJECTS),
                entry("removeDeliverable", Roles.PLAN_PROJECTS),
                entry("scheduleMilestone", Roles.PLAN_PROJECTS),
                entry("reviseMilestone", Roles.PLAN_PROJECTS),
                entry("removeMilestone", Roles.PLAN_PROJECTS),
                entry("planBudgetLine", Roles.PLAN_PROJECTS),
                entry("defineProjectObjectives", Roles.PLAN_PROJECTS),
                entry("submitChangeRequest", Roles.PLAN_PROJECTS),
                entry("assessChangeRequest", Roles.ASSESS_CHANGE_REQUESTS),
                entry("approveChangeRequest", Roles.DECIDE_CHANGE_REQUESTS),
                entry("rejectChangeRequest", Roles.DECIDE_CHANGE_REQUESTS),
                entry("withdrawChangeRequest", Roles.PLAN_PROJECTS),
                entry("registerResource", Roles.MANAGE_RESOURCES),
                entry("updateResourceSkills", Roles.MANAGE_RESOURCES),
                entry("changeResourceCapacity", Roles.MANAGE_RESOURCES),
                entry("changeResourceCostRate", Roles.MANAGE_RESOURCES),
                entry("recordResourceLeave", Roles.MANAGE_RESOURCES),
                entry("retireResource", Roles.MANAGE_RESOURCES),
                entry("allocateResource", Roles.MANAGE_RESOURCES),
                entry("reallocateResource", Roles.MANAGE_RESOURCES),
                entry("releaseResource", Roles.MANAGE_RESOURCES),
                entry("logTime", Roles.LOG_TIME),
                entry("reverseTimeLog", Roles.CORRECT_TIME),
                entry("recordExpense", Roles.RECORD_COSTS),
                entry("reverseCost", Roles.RECORD_COSTS),
                entry("reportDeliverableProgress", Roles.REPORT_PROGRESS),
                entry("completeMilestone", Roles.REPORT_PROGRESS),
                entry("forecastDeliverableFinish", Roles.REPORT_PROGRESS),
                entry("closeProject", Roles.RUN_PROJECTS),
                entry("identifyRisk", Roles.RUN_PROJECTS),
                entry("reassessRisk", Roles.RUN_PROJECTS),
                entry("startRiskMitigation", Roles.RUN_PROJECTS),
                entry("closeRisk", Roles.RUN_PROJECTS),
                entry("recordRiskOccurred", Roles.RUN_PROJECTS),
                entry("registerStakeholder", Roles.PLAN_PROJECTS),
                entry("updateStakeholder", Roles.PLAN_PROJECTS),
                entry("requireAcceptanceReview", Roles.PLAN_PROJECTS),
                entry("recordQualityReview", Roles.REPORT_PROGRESS),
                entry("acceptDeliverable", Roles.ACCEPT_DELIVERABLES));

        Map<String, String> actual = new HashMap<>();
        for (Method method : mutationMethods()) {
            PreAuthorize rule = method.getAnnotation(PreAuthorize.class);
            actual.put(method.getName(), rule == null ? "<none>" : rule.value());
            // Method security proxies intercept public methods only.
            assertThat(Modifier.isPublic(method.getModifiers())).as(method.getName() + " is public").isTrue();
        }
        assertThat(actual).isEqualTo(expected);
    }

    static List<Method> mutationMethods() {
        return CONTROLLERS.stream()
                .flatMap(controller -> Arrays.stream(controller.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(MutationMapping.class))
                .toList();
    }
}
