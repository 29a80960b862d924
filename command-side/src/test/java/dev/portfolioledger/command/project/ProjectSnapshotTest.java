package dev.portfolioledger.command.project;

import dev.portfolioledger.api.quality.AcceptanceCapacity;
import dev.portfolioledger.api.quality.CommunicationChannel;
import dev.portfolioledger.api.quality.DeliverableAcceptedEvent;
import dev.portfolioledger.api.quality.QualityReviewRecordedEvent;
import dev.portfolioledger.api.quality.ReviewKind;
import dev.portfolioledger.api.quality.ReviewOutcome;
import dev.portfolioledger.api.quality.StakeholderDetails;
import dev.portfolioledger.api.quality.StakeholderId;
import dev.portfolioledger.api.quality.StakeholderRegisteredEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.changerequest.ChangeRequestAssessedEvent;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ChangeRequestSubmittedEvent;
import dev.portfolioledger.api.changerequest.ProposedChange;
import dev.portfolioledger.api.changerequest.WithdrawChangeRequestCommand;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.BaselineEstablishedEvent;
import dev.portfolioledger.api.project.BudgetLine;
import dev.portfolioledger.api.project.BudgetLinePlannedEvent;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.DeliverableAddedEvent;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.MilestonePlan;
import dev.portfolioledger.api.project.MilestoneScheduledEvent;
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectObjectivesDefinedEvent;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.api.project.DeliverableProgressReportedEvent;
import dev.portfolioledger.api.project.MilestoneCompletedEvent;
import dev.portfolioledger.axon.config.AxonInfrastructureConfiguration;
import dev.portfolioledger.api.risk.RiskId;
import dev.portfolioledger.api.risk.RiskIdentifiedEvent;
import dev.portfolioledger.api.risk.RiskReassessedEvent;
import dev.portfolioledger.api.risk.RiskResponse;
import org.axonframework.serialization.Revision;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots of {@link Project} store its fields and its members' as JSON (Axon's snapshotter with
 * the general Jackson serializer). What is written reads back to the same state, and the fields
 * are pinned to the snapshot revision: change them, and this test asks for a new revision.
 */
class ProjectSnapshotTest {

    private static final ProjectId PROJECT = ProjectId.of("00000000-0000-0000-0000-0000000000c1");
    private static final DeliverableId DESIGN = DeliverableId.of("00000000-0000-0000-0000-0000000000d1");
    private static final DeliverableId BUILD = DeliverableId.of("00000000-0000-0000-0000-0000000000d2");
    private static final MilestoneId GO_LIVE = MilestoneId.of("00000000-0000-0000-0000-0000000000e1");
    private static final ChangeRequestId CR1 = ChangeRequestId.of("00000000-0000-0000-0000-0000000000f1");
    private static final ChangeRequestId CR2 = ChangeRequestId.of("00000000-0000-0000-0000-0000000000f2");
    private static final RiskId RISK = RiskId.of("00000000-0000-0000-0000-0000000000a7");
    private static final StakeholderId CFO = StakeholderId.of("00000000-0000-0000-0000-0000000000a1");
    private static final LocalDate START = LocalDate.of(2027, 1, 4);
    private static final LocalDate FINISH = LocalDate.of(2027, 6, 30);

    private final ObjectMapper mapper = new AxonInfrastructureConfiguration().defaultAxonObjectMapper();

    @Test
    void snapshotJsonReadsBackToTheSameState() {
        var build = new DeliverablePlan(BUILD, "Build", null, null, Money.of("48000", "EUR"), START, FINISH);
        var design = new DeliverablePlan(DESIGN, "Design", "UX", "Signed off", Money.of("12000", "EUR"), START,
                LocalDate.of(2027, 2, 26));
        var goLive = new MilestonePlan(GO_LIVE, "Go live", FINISH, List.of(BUILD, DESIGN));
        var fixture = new AggregateTestFixture<>(Project.class);
        fixture.given(new ProjectProposedEvent(PROJECT, PortfolioId.of("00000000-0000-0000-0000-00000000000a"), null,
                                "Web shop", null, "Pia", "Sam", Methodology.SCRUM, START, FINISH,
                                Currency.getInstance("EUR")),
                        new DeliverableAddedEvent(PROJECT, build), new DeliverableAddedEvent(PROJECT, design),
                        new MilestoneScheduledEvent(PROJECT, goLive),
                        new ProjectObjectivesDefinedEvent(PROJECT, List.of("Sell online", "Halve returns")),
                        new BudgetLinePlannedEvent(PROJECT, new BudgetLine(CostCategory.LABOUR, Money.of("60000", "EUR"))),
                        new ProjectApprovedEvent(PROJECT),
                        new BaselineEstablishedEvent(PROJECT, 1, List.of(build, design), List.of(goLive),
                                List.of(new BudgetLine(CostCategory.LABOUR, Money.of("60000", "EUR")))),
                        new ChangeRequestSubmittedEvent(PROJECT, CR1, "Drop build", "Too dear",
                                List.of(ProposedChange.removeDeliverable(BUILD)), "alice"),
                        new ChangeRequestAssessedEvent(PROJECT, CR1, Money.of("-48000", "EUR"), 0, null, "bob"),
                        new ChangeRequestSubmittedEvent(PROJECT, CR2, "Later", "Slack",
                                List.of(ProposedChange.moveMilestone(GO_LIVE, FINISH.minusDays(1))), "alice"),
                        new ProjectStartedEvent(PROJECT),
                        new DeliverableProgressReportedEvent(PROJECT, DESIGN, 40, 0, START.plusDays(7), null),
                        new MilestoneCompletedEvent(PROJECT, GO_LIVE, FINISH, FINISH.minusDays(2)),
                        new RiskIdentifiedEvent(PROJECT, RISK, "Supplier late", null, "Supplier", 3, 4, "Pia",
                                RiskResponse.MITIGATE, null, FINISH),
                        new RiskReassessedEvent(PROJECT, RISK, 3, 4, 2, 5, "Second supplier found", START),
                        new StakeholderRegisteredEvent(PROJECT, CFO, new StakeholderDetails("Carla", "CFO", 4, 5,
                                CommunicationChannel.MEETING, true, "carla")),
                        new QualityReviewRecordedEvent(PROJECT, DESIGN, ReviewKind.UAT, ReviewOutcome.PASSED, null,
                                "Quinn", "pia"),
                        new DeliverableAcceptedEvent(PROJECT, DESIGN, "carla", AcceptanceCapacity.STAKEHOLDER, CFO,
                                ReviewKind.UAT, null))
                .andGivenCommands()
                .when(new WithdrawChangeRequestCommand(PROJECT, CR2), Map.of("actor", "alice"))
                .expectSuccessfulHandlerExecution()
                .expectState(project -> {
                    String written = write(project);
                    assertThat(written).contains("\"status\":\"ACTIVE\"", "\"baselineVersion\":1",
                            "\"percentComplete\":40", "\"completedMilestones\":[\"" + GO_LIVE + "\"]",
                            "\"currency\":\"EUR\"", "\"" + CR1 + "\":{", "\"status\":\"ASSESSED\"",
                            "\"status\":\"WITHDRAWN\"", "\"usedDeliverableIds\"",
                            "\"objectives\":[\"Sell online\",\"Halve returns\"]",
                            "\"" + RISK + "\":{", "\"probability\":2", "\"impact\":5",
                            "\"response\":\"MITIGATE\"",
                            "\"sponsor\":\"Sam\"",
                            "\"" + CFO + "\":{", "\"username\":\"carla\"", "\"UAT\":\"PASSED\"",
                            "\"accepted\":[\"" + DESIGN + "\"]");
                    assertThat(written.indexOf("\"" + BUILD + "\":{")).isLessThan(written.indexOf("\"" + DESIGN + "\":{"));
                    Project read = read(written);
                    assertThat(write(read)).isEqualTo(written);
                });
    }

    /**
     * The fields a snapshot of revision 3 holds. When this fails, the aggregate's shape changed:
     * bump {@code @Revision} on {@link Project} (older snapshots are then ignored) and update both.
     */
    @Test
    void snapshotFieldsArePinnedToTheRevision() {
        assertThat(Project.class.getAnnotation(Revision.class).value()).isEqualTo("3");
        assertThat(fields(Project.class, ProjectScope.class, ChangeRequest.class, ProjectExecution.class,
                RiskRegister.class, Risk.class, ProjectQuality.class)).containsExactly(
                "Project.projectId: ProjectId",
                "Project.status: ProjectStatus",
                "Project.sponsor: String",
                "Project.scope: ProjectScope",
                "Project.changeRequests: Map<ChangeRequestId, ChangeRequest>",
                "Project.execution: ProjectExecution",
                "Project.risks: RiskRegister",
                "Project.quality: ProjectQuality",
                "ProjectScope.projectId: ProjectId",
                "ProjectScope.currency: Currency",
                "ProjectScope.plannedStart: LocalDate",
                "ProjectScope.plannedFinish: LocalDate",
                "ProjectScope.deliverables: Map<DeliverableId, DeliverablePlan>",
                "ProjectScope.usedDeliverableIds: Set<DeliverableId>",
                "ProjectScope.milestones: Map<MilestoneId, MilestonePlan>",
                "ProjectScope.usedMilestoneIds: Set<MilestoneId>",
                "ProjectScope.budget: Map<CostCategory, Money>",
                "ProjectScope.baselineVersion: int",
                "ProjectScope.objectives: List<String>",
                "ChangeRequest.changeRequestId: ChangeRequestId",
                "ChangeRequest.projectId: ProjectId",
                "ChangeRequest.status: ChangeRequestStatus",
                "ChangeRequest.submittedBy: String",
                "ChangeRequest.changes: List<ProposedChange>",
                "ChangeRequest.currency: Currency",
                "ProjectExecution.progress: Map<DeliverableId, ProjectExecution$Progress>",
                "ProjectExecution.completedMilestones: Set<MilestoneId>",
                "RiskRegister.risks: Map<RiskId, Risk>",
                "Risk.riskId: RiskId",
                "Risk.title: String",
                "Risk.status: RiskStatus",
                "Risk.probability: int",
                "Risk.impact: int",
                "Risk.response: RiskResponse",
                "Risk.reviewDate: LocalDate",
                "ProjectQuality.projectId: ProjectId",
                "ProjectQuality.requiredReview: ReviewKind",
                "ProjectQuality.stakeholders: Map<StakeholderId, StakeholderDetails>",
                "ProjectQuality.latestReviews: Map<DeliverableId, Map<ReviewKind, ReviewOutcome>>",
                "ProjectQuality.accepted: Set<DeliverableId>");
    }

    private static List<String> fields(Class<?>... types) {
        return Arrays.stream(types).flatMap(type -> Arrays.stream(type.getDeclaredFields())
                        .filter(field -> !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic())
                        .map(field -> type.getSimpleName() + "." + field.getName() + ": " + typeName(field)))
                .toList();
    }

    private static String typeName(Field field) {
        return Stream.of(field.getGenericType().getTypeName())
                .map(name -> name.replaceAll("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*\\.", "")).findFirst().orElseThrow();
    }

    private String write(Project project) {
        try {
            return mapper.writeValueAsString(project);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Project read(String json) {
        try {
            return mapper.readValue(json, Project.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
