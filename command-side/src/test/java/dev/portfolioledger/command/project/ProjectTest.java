package dev.portfolioledger.command.project;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioStatus;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.program.ProgramStatus;
import dev.portfolioledger.api.project.ApproveProjectCommand;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.CancelProjectCommand;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectDetailsRevisedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectPutOnHoldEvent;
import dev.portfolioledger.api.project.ProjectResumedEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.api.project.ProposeProjectCommand;
import dev.portfolioledger.api.project.PutProjectOnHoldCommand;
import dev.portfolioledger.api.project.ResumeProjectCommand;
import dev.portfolioledger.api.project.ReviseProjectDetailsCommand;
import dev.portfolioledger.api.project.StartProjectCommand;
import dev.portfolioledger.command.portfolio.InMemoryPortfolioDirectory;
import dev.portfolioledger.command.program.InMemoryProgramDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Currency;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.portfolioledger.api.ErrorCode.ALREADY_EXISTS;
import static dev.portfolioledger.api.ErrorCode.ILLEGAL_TRANSITION;
import static dev.portfolioledger.api.ErrorCode.NOT_FOUND;
import static dev.portfolioledger.api.ErrorCode.PORTFOLIO_ARCHIVED;
import static dev.portfolioledger.api.ErrorCode.PROGRAM_CLOSED;
import static dev.portfolioledger.api.ErrorCode.PROGRAM_NOT_IN_PORTFOLIO;
import static dev.portfolioledger.api.project.ProjectStatus.ACTIVE;
import static dev.portfolioledger.api.project.ProjectStatus.APPROVED;
import static dev.portfolioledger.api.project.ProjectStatus.CANCELLED;
import static dev.portfolioledger.api.project.ProjectStatus.ON_HOLD;
import static dev.portfolioledger.api.project.ProjectStatus.PROPOSED;
import static dev.portfolioledger.command.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

class ProjectTest {

    private static final PortfolioId PORTFOLIO =
            new PortfolioId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final PortfolioId OTHER_PORTFOLIO =
            new PortfolioId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
    private static final ProgramId PROGRAM = new ProgramId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    private static final ProjectId PROJECT = new ProjectId(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
    private static final LocalDate PLANNED_START = LocalDate.of(2027, 1, 4);
    private static final LocalDate PLANNED_FINISH = LocalDate.of(2027, 6, 30);

    private static final ProjectProposedEvent PROPOSED_EVENT = new ProjectProposedEvent(PROJECT, PORTFOLIO, null,
            "Web shop", "Sell online", "Pia Manager", "Sam Sponsor", Methodology.SCRUM, PLANNED_START, PLANNED_FINISH, Currency.getInstance("EUR"));

    /** An approval of a project with an empty plan emits this baseline right after the approval. */
    private static final BaselineEstablishedEvent EMPTY_BASELINE =
            new BaselineEstablishedEvent(PROJECT, 1, List.of(), List.of(), List.of());

    /** The events that bring a project into each status the lifecycle can reach today. */
    private static final Map<ProjectStatus, List<Object>> HISTORY = Map.of(
            PROPOSED, List.of(PROPOSED_EVENT),
            APPROVED, List.of(PROPOSED_EVENT, new ProjectApprovedEvent(PROJECT), EMPTY_BASELINE),
            ACTIVE, List.of(PROPOSED_EVENT, new ProjectApprovedEvent(PROJECT), EMPTY_BASELINE,
                    new ProjectStartedEvent(PROJECT)),
            ON_HOLD, List.of(PROPOSED_EVENT, new ProjectApprovedEvent(PROJECT), EMPTY_BASELINE,
                    new ProjectStartedEvent(PROJECT), new ProjectPutOnHoldEvent(PROJECT)),
            CANCELLED, List.of(PROPOSED_EVENT, new ProjectCancelledEvent(PROJECT, PROPOSED, "No budget")));

    /** Each lifecycle command and the statuses it is allowed from. */
    private enum Action {
        REVISE(id -> new ReviseProjectDetailsCommand(id, "Web shop 2", null, "Pia Manager", "Sam Sponsor",
                Methodology.KANBAN, PLANNED_START, PLANNED_FINISH), EnumSet.of(PROPOSED)),
        APPROVE(ApproveProjectCommand::new, EnumSet.of(PROPOSED)),
        START(StartProjectCommand::new, EnumSet.of(APPROVED)),
        PUT_ON_HOLD(PutProjectOnHoldCommand::new, EnumSet.of(ACTIVE)),
        RESUME(ResumeProjectCommand::new, EnumSet.of(ON_HOLD)),
        CANCEL(id -> new CancelProjectCommand(id, "Strategy changed"), EnumSet.of(PROPOSED, APPROVED, ACTIVE, ON_HOLD));

        final Function<ProjectId, Object> command;
        final Set<ProjectStatus> allowedFrom;

        Action(Function<ProjectId, Object> command, Set<ProjectStatus> allowedFrom) {
            this.command = command;
            this.allowedFrom = allowedFrom;
        }
    }

    private AggregateTestFixture<Project> fixture;
    private InMemoryPortfolioDirectory portfolios;
    private InMemoryProgramDirectory programs;
    private InMemoryProjectDirectory projects;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
        portfolios = new InMemoryPortfolioDirectory();
        programs = new InMemoryProgramDirectory();
        projects = new InMemoryProjectDirectory();
        fixture.registerAnnotatedCommandHandler(
                new ProjectCommandHandler(fixture.getRepository(), portfolios, programs, projects));
    }

    private static ProposeProjectCommand propose(ProgramId programId) {
        return new ProposeProjectCommand(PROJECT, PORTFOLIO, programId, "Web shop", "Sell online", "Pia Manager",
                "Sam Sponsor", Methodology.SCRUM, PLANNED_START, PLANNED_FINISH);
    }

    // --- proposal ---

    @Test
    void canProposeProjectDirectlyInPortfolio() {
        portfolios.add(PORTFOLIO, "Growth", PortfolioStatus.ACTIVE);

        fixture.givenNoPriorActivity()
                .when(propose(null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(PROPOSED_EVENT);
    }

    @Test
    void canProposeProjectInOpenProgramOfSamePortfolio() {
        portfolios.add(PORTFOLIO, "Growth", PortfolioStatus.ACTIVE);
        programs.add(PROGRAM, PORTFOLIO, ProgramStatus.OPEN);

        fixture.givenNoPriorActivity()
                .when(propose(PROGRAM))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProjectProposedEvent(PROJECT, PORTFOLIO, PROGRAM, "Web shop", "Sell online",
                        "Pia Manager", "Sam Sponsor", Methodology.SCRUM, PLANNED_START, PLANNED_FINISH, Currency.getInstance("EUR")));
    }

    @Test
    void cannotProposeProjectWithExistingId() {
        portfolios.add(PORTFOLIO, "Growth", PortfolioStatus.ACTIVE);
        projects.claim(PROJECT, PORTFOLIO, null);

        fixture.givenNoPriorActivity()
                .when(propose(null))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(ALREADY_EXISTS))
                .expectNoEvents();
    }

    @Test
    void cannotProposeIntoUnknownPortfolio() {
        fixture.givenNoPriorActivity()
                .when(propose(null))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotProposeIntoArchivedPortfolio() {
        portfolios.add(PORTFOLIO, "Growth", PortfolioStatus.ARCHIVED);

        fixture.givenNoPriorActivity()
                .when(propose(null))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(PORTFOLIO_ARCHIVED))
                .expectNoEvents();
    }

    @Test
    void cannotProposeIntoUnknownProgram() {
        portfolios.add(PORTFOLIO, "Growth", PortfolioStatus.ACTIVE);

        fixture.givenNoPriorActivity()
                .when(propose(PROGRAM))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotProposeIntoProgramOfAnotherPortfolio() {
        portfolios.add(PORTFOLIO, "Growth", PortfolioStatus.ACTIVE);
        portfolios.add(OTHER_PORTFOLIO, "Efficiency", PortfolioStatus.ACTIVE);
        programs.add(PROGRAM, OTHER_PORTFOLIO, ProgramStatus.OPEN);

        fixture.givenNoPriorActivity()
                .when(propose(PROGRAM))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(PROGRAM_NOT_IN_PORTFOLIO))
                .expectNoEvents();
    }

    @Test
    void cannotProposeIntoClosedProgram() {
        portfolios.add(PORTFOLIO, "Growth", PortfolioStatus.ACTIVE);
        programs.add(PROGRAM, PORTFOLIO, ProgramStatus.CLOSED);

        fixture.givenNoPriorActivity()
                .when(propose(PROGRAM))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(PROGRAM_CLOSED))
                .expectNoEvents();
    }

    @Test
    void proposingRecordsTheProjectsPlacement() {
        portfolios.add(PORTFOLIO, "Growth", PortfolioStatus.ACTIVE);

        fixture.givenNoPriorActivity()
                .when(propose(null))
                .expectEvents(PROPOSED_EVENT);

        assertThat(projects.placementOf(PROJECT)).contains(new InMemoryProjectDirectory.Placement(PORTFOLIO, null));
    }


    // --- revision ---

    @Test
    void canReviseProposedProject() {
        fixture.given(HISTORY.get(PROPOSED))
                .when(Action.REVISE.command.apply(PROJECT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProjectDetailsRevisedEvent(PROJECT, "Web shop 2", null, "Pia Manager",
                        "Sam Sponsor", Methodology.KANBAN, PLANNED_START, PLANNED_FINISH));
    }

    @Test
    void cannotReviseApprovedProject() {
        fixture.given(HISTORY.get(APPROVED))
                .when(Action.REVISE.command.apply(PROJECT))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    // --- lifecycle ---

    @Test
    void canApproveProposedProject() {
        fixture.given(HISTORY.get(PROPOSED))
                .when(new ApproveProjectCommand(PROJECT))
                .expectEvents(new ProjectApprovedEvent(PROJECT), EMPTY_BASELINE);
    }

    @Test
    void cannotApproveCancelledProject() {
        fixture.given(HISTORY.get(CANCELLED))
                .when(new ApproveProjectCommand(PROJECT))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void canStartApprovedProject() {
        fixture.given(HISTORY.get(APPROVED))
                .when(new StartProjectCommand(PROJECT))
                .expectEvents(new ProjectStartedEvent(PROJECT));
    }

    @Test
    void cannotStartProposedProject() {
        fixture.given(HISTORY.get(PROPOSED))
                .when(new StartProjectCommand(PROJECT))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void canPutActiveProjectOnHold() {
        fixture.given(HISTORY.get(ACTIVE))
                .when(new PutProjectOnHoldCommand(PROJECT))
                .expectEvents(new ProjectPutOnHoldEvent(PROJECT));
    }

    @Test
    void cannotPutApprovedProjectOnHold() {
        fixture.given(HISTORY.get(APPROVED))
                .when(new PutProjectOnHoldCommand(PROJECT))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void canResumeProjectOnHold() {
        fixture.given(HISTORY.get(ON_HOLD))
                .when(new ResumeProjectCommand(PROJECT))
                .expectEvents(new ProjectResumedEvent(PROJECT));
    }

    @Test
    void canPutResumedProjectOnHoldAgain() {
        List<Object> resumed = new ArrayList<>(HISTORY.get(ON_HOLD));
        resumed.add(new ProjectResumedEvent(PROJECT));

        fixture.given(resumed)
                .when(new PutProjectOnHoldCommand(PROJECT))
                .expectEvents(new ProjectPutOnHoldEvent(PROJECT));
    }

    @Test
    void cannotResumeActiveProject() {
        fixture.given(HISTORY.get(ACTIVE))
                .when(new ResumeProjectCommand(PROJECT))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStatus.class, names = {"PROPOSED", "APPROVED", "ACTIVE", "ON_HOLD"})
    void canCancelOpenProjectAndRecordsWhereItWas(ProjectStatus status) {
        fixture.given(HISTORY.get(status))
                .when(new CancelProjectCommand(PROJECT, "Strategy changed"))
                .expectEvents(new ProjectCancelledEvent(PROJECT, status, "Strategy changed"));
    }

    @Test
    void cannotCancelCancelledProject() {
        fixture.given(HISTORY.get(CANCELLED))
                .when(new CancelProjectCommand(PROJECT, "Again"))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void refusedTransitionNamesCurrentStatusAndAttemptedAction() {
        fixture.given(HISTORY.get(ACTIVE))
                .when(new ApproveProjectCommand(PROJECT))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectExceptionMessage(allOf(containsString("approve"), containsString("ACTIVE")));
    }

    static Stream<Arguments> transitionsOutsideTheLifecycle() {
        return HISTORY.keySet().stream().flatMap(status -> Stream.of(Action.values())
                .filter(action -> !action.allowedFrom.contains(status))
                .map(action -> Arguments.of(status, action)));
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("transitionsOutsideTheLifecycle")
    void everyTransitionOutsideTheLifecycleIsRefused(ProjectStatus status, Action action) {
        fixture.given(HISTORY.get(status))
                .when(action.command.apply(PROJECT))
                .expectException(RuleViolation.class)
                .expectException(refusedWith(ErrorCode.ILLEGAL_TRANSITION))
                .expectExceptionMessage(containsString(status.name()))
                .expectNoEvents();
    }
}
