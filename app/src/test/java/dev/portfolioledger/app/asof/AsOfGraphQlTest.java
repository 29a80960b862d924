package dev.portfolioledger.app.asof;

import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.query.project.ProjectFilter;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.Processors;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.query.asof.HistoryReadiness;
import dev.portfolioledger.query.asof.PointInTime;
import dev.portfolioledger.query.asof.PointsInTime;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code portfolio(id, asOf)} and {@code project(id, asOf)} over HTTP: each answers, nested fields
 * included, as the events recorded up to the instant made the views, and null before creation;
 * at the boundaries (just before, at and just after an event's record time) the stored history
 * and the fold of the event store agree.
 */
class AsOfGraphQlTest extends GraphQlIntegrationTest {

    @Autowired
    private PointsInTime pointsInTime;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private HistoryReadiness readiness;

    @Test
    void aProjectAndItsPortfolioAreAnsweredAsTheyWereAtEachInstant() throws InterruptedException {
        Instant beforeCreation = pause();
        String portfolioId = newPortfolio();
        String projectId = newProject(portfolioId, null);
        Instant proposed = pause();
        transition("approveProject", projectId, "pmo");
        Instant approved = pause();
        transition("startProject", projectId, "pm");
        Instant started = pause();

        project(projectId, beforeCreation).path("project").valueIsNull();

        GraphQlTester.Response atProposal = project(projectId, proposed);
        atProposal.path("project.id").entity(String.class).isEqualTo(projectId);
        atProposal.path("project.status").entity(String.class).isEqualTo("PROPOSED");
        atProposal.path("project.baselineVersion").valueIsNull();
        atProposal.path("project.approvedAt").valueIsNull();
        atProposal.path("project.portfolio.id").entity(String.class).isEqualTo(portfolioId);
        atProposal.path("project.portfolio.projectCounts.proposed").entity(Integer.class).isEqualTo(1);
        atProposal.path("project.portfolio.projectCounts.approved").entity(Integer.class).isEqualTo(0);

        GraphQlTester.Response atApproval = project(projectId, approved);
        atApproval.path("project.status").entity(String.class).isEqualTo("APPROVED");
        atApproval.path("project.baselineVersion").entity(Integer.class).isEqualTo(1);
        atApproval.path("project.approvedAt").hasValue();
        atApproval.path("project.startedAt").valueIsNull();
        atApproval.path("project.portfolio.projectCounts.approved").entity(Integer.class).isEqualTo(1);

        GraphQlTester.Response atStart = project(projectId, started);
        atStart.path("project.status").entity(String.class).isEqualTo("ACTIVE");
        atStart.path("project.baselineVersion").entity(Integer.class).isEqualTo(1);
        atStart.path("project.startedAt").hasValue();

        // the as-of view at the latest instant is the live view
        Map<String, Object> live = project(projectId, null).path("project").entity(Map.class).get();
        Map<String, Object> asOfNow = project(projectId, Instant.now()).path("project").entity(Map.class).get();
        assertThat(asOfNow).isEqualTo(live);

        portfolio(portfolioId, beforeCreation).path("portfolio").valueIsNull();
        GraphQlTester.Response portfolioAtProposal = portfolio(portfolioId, proposed);
        portfolioAtProposal.path("portfolio.projectCounts.proposed").entity(Integer.class).isEqualTo(1);
        portfolioAtProposal.path("portfolio.projectCounts.active").entity(Integer.class).isEqualTo(0);
        portfolioAtProposal.path("portfolio.projectCounts.total").entity(Integer.class).isEqualTo(1);
        portfolioAtProposal.path("portfolio.projects.edges[0].node.status").entity(String.class).isEqualTo("PROPOSED");
        GraphQlTester.Response portfolioNow = portfolio(portfolioId, null);
        portfolioNow.path("portfolio.projectCounts.active").entity(Integer.class).isEqualTo(1);
        portfolioNow.path("portfolio.projectCounts.proposed").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aProgramIsAnsweredAsItWasAtEachInstant() throws InterruptedException {
        String portfolioId = newPortfolio();
        Instant beforeProgram = pause();
        String programId = newProgram(portfolioId);
        Instant created = pause();
        String first = newProject(portfolioId, programId);
        Instant oneProject = pause();
        transition("approveProject", first, "pmo");
        newProject(portfolioId, programId);
        as("program").documentName("closeProgram").variable("input", java.util.Map.of("programId", programId))
                .execute().path("closeProgram.program.status").entity(String.class).isEqualTo("CLOSED");

        program(programId, beforeProgram).path("program").valueIsNull();
        GraphQlTester.Response atCreation = program(programId, created);
        atCreation.path("program.status").entity(String.class).isEqualTo("OPEN");
        atCreation.path("program.portfolio.id").entity(String.class).isEqualTo(portfolioId);
        atCreation.path("program.projects.edges").entityList(Object.class).hasSize(0);
        atCreation.path("program.projectCounts.total").entity(Integer.class).isEqualTo(0);
        GraphQlTester.Response withOne = program(programId, oneProject);
        withOne.path("program.projects.edges[*].node.id").entityList(String.class).containsExactly(first);
        withOne.path("program.projectCounts.proposed").entity(Integer.class).isEqualTo(1);
        GraphQlTester.Response now = program(programId, null);
        now.path("program.status").entity(String.class).isEqualTo("CLOSED");
        now.path("program.projectCounts.approved").entity(Integer.class).isEqualTo(1);
        now.path("program.projectCounts.total").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void atTheRecordTimeOfADecisionEveryEventOfItIsVisibleAndJustBeforeItNone() {
        String projectId = newProject(newPortfolio(), null);
        // every event Axon creates from here on is stamped 2 ms after the one before it, so the
        // approval's two events surely differ in record time (stored to the millisecond)
        Clock system = GenericEventMessage.clock;
        GenericEventMessage.clock = new SpreadClock(system);
        try {
            transition("approveProject", projectId, "pmo");
        } finally {
            GenericEventMessage.clock = system;
        }
        new Processors(processing, jdbc).awaitHead(ProcessingGroups.HISTORY);
        assertThat(readiness.ready()).as("as-of reads are answered from the stored history").isTrue();
        List<String> types = jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? "
                                                       + "ORDER BY sequencenumber", String.class, projectId);
        assertThat(types).as("the approval stores the approval and the baseline").hasSize(3);
        Instant approval = Instant.parse(jdbc.queryForObject(
                "SELECT timestamp FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 1",
                String.class, projectId));
        Instant baseline = Instant.parse(jdbc.queryForObject(
                "SELECT timestamp FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 2",
                String.class, projectId));

        for (Instant at : List.of(approval, baseline)) {
            GraphQlTester.Response response = project(projectId, at);
            response.path("project.status").entity(String.class).isEqualTo("APPROVED");
            response.path("project.baselineVersion").hasValue().entity(Integer.class).isEqualTo(1);
        }
        assertThat(baseline).as("the decision's events were recorded apart").isAfter(approval);
        GraphQlTester.Response justBefore = project(projectId, approval.minusNanos(1));
        justBefore.path("project.status").entity(String.class).isEqualTo("PROPOSED");
        justBefore.path("project.baselineVersion").valueIsNull();
    }

    @Test
    void projectsAreListedAndFilteredAsTheyWereAtAnInstant() throws InterruptedException {
        String portfolioId = newPortfolio();
        String first = newProject(portfolioId, null);
        Instant oneProposed = pause();
        String second = newProject(portfolioId, null);
        transition("approveProject", first, "pmo");
        Instant oneApproved = pause();
        transition("startProject", first, "pm");

        assertThat(projectIds(Map.of("portfolioId", portfolioId), oneProposed)).containsExactly(first);
        assertThat(projectIds(Map.of("portfolioId", portfolioId, "status", "APPROVED"), oneApproved))
                .containsExactly(first);
        assertThat(projectIds(Map.of("portfolioId", portfolioId, "status", "PROPOSED"), oneApproved))
                .containsExactly(second);
        assertThat(projectIds(Map.of("portfolioId", portfolioId, "status", "APPROVED"), null)).isEmpty();
        // nested fields answer as of the same instant
        as("auditor").document("""
                        query($filter: ProjectFilter, $asOf: DateTime) { projects(filter: $filter, asOf: $asOf) {
                          edges { node { id status portfolio { projectCounts { approved active } } } } } }""")
                .variable("filter", Map.of("portfolioId", portfolioId, "status", "APPROVED"))
                .variable("asOf", oneApproved.toString()).execute()
                .path("projects.edges[0].node.portfolio.projectCounts.approved").entity(Integer.class).isEqualTo(1);
    }

    private List<String> projectIds(Map<String, Object> filter, Instant asOf) {
        var request = as("auditor").document("""
                query($filter: ProjectFilter, $asOf: DateTime) { projects(filter: $filter, first: 50, asOf: $asOf) {
                  edges { node { id } } } }""").variable("filter", filter);
        if (asOf != null) {
            request = request.variable("asOf", asOf.toString());
        }
        return request.execute().path("projects.edges[*].node.id").entityList(String.class).get();
    }

    @Test
    void theStoredHistoryAnswersAsTheFoldOfTheEventsDoes() {
        String portfolioId = newPortfolio();
        String programId = newProgram(portfolioId);
        String projectId = newProject(portfolioId, programId);
        transition("approveProject", projectId, "pmo");
        new Processors(processing, jdbc).awaitHead(ProcessingGroups.HISTORY);
        List<Instant> recorded = jdbc.queryForList("SELECT timestamp FROM domainevententry WHERE aggregateidentifier "
                                                           + "IN (?, ?, ?) ORDER BY globalindex", String.class,
                                                   portfolioId, programId, projectId)
                .stream().map(Instant::parse).toList();
        PageRequest<NameKey> firstPage = PageRequest.of(null, 20, null, cursor -> null);
        for (Instant at : recorded) {
            for (Instant instant : List.of(at.minusNanos(1), at, at.plusNanos(1))) {
                PointInTime stored = pointsInTime.stored(instant);
                PointInTime folded = pointsInTime.folded(instant);
                // the project first: the program is then read with the programs of the projects read so far
                assertThat(stored.project(ProjectId.of(projectId))).isEqualTo(folded.project(ProjectId.of(projectId)));
                assertThat(stored.portfolio(PortfolioId.of(portfolioId))).isEqualTo(folded.portfolio(PortfolioId.of(portfolioId)));
                assertThat(stored.program(ProgramId.of(programId))).isEqualTo(folded.program(ProgramId.of(programId)));
                assertThat(stored.plan(ProjectId.of(projectId))).isEqualTo(folded.plan(ProjectId.of(projectId)));
                assertThat(stored.projectsOf(ProgramId.of(programId), firstPage))
                        .isEqualTo(folded.projectsOf(ProgramId.of(programId), firstPage));
                assertThat(stored.programsOf(PortfolioId.of(portfolioId), firstPage))
                        .isEqualTo(folded.programsOf(PortfolioId.of(portfolioId), firstPage));
                assertThat(stored.projectCounts(ProgramId.of(programId)))
                        .isEqualTo(folded.projectCounts(ProgramId.of(programId)));
                for (ProjectFilter filter : List.of(ProjectFilter.ofPortfolio(PortfolioId.of(portfolioId)),
                        new ProjectFilter(null, ProgramId.of(programId), ProjectStatus.APPROVED, null, null),
                        new ProjectFilter(PortfolioId.of(portfolioId), null, ProjectStatus.PROPOSED, Methodology.SCRUM,
                                          null))) {
                    assertThat(stored.projects(filter, firstPage)).as("projects(%s) as of %s", filter, instant)
                            .isEqualTo(folded.projects(filter, firstPage));
                }
            }
        }
    }

    /** A clock at least 2 ms ahead of the instant it last gave. */
    private static final class SpreadClock extends Clock {

        private final Clock system;
        private Instant last = Instant.EPOCH;

        SpreadClock(Clock system) {
            this.system = system;
        }

        @Override
        public synchronized Instant instant() {
            Instant now = system.instant();
            last = now.isAfter(last.plusMillis(2)) ? now : last.plusMillis(2);
            return last;
        }

        @Override
        public ZoneId getZone() {
            return system.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private GraphQlTester.Response program(String id, Instant asOf) {
        return as("pm").documentName("asOfProgram").variable("id", id)
                .variable("asOf", asOf == null ? null : asOf.toString()).execute();
    }

    private GraphQlTester.Response project(String id, Instant asOf) {
        return as("pm").documentName("asOfProject").variable("id", id)
                .variable("asOf", asOf == null ? null : asOf.toString()).execute();
    }

    private GraphQlTester.Response portfolio(String id, Instant asOf) {
        return as("pm").documentName("asOfPortfolio").variable("id", id)
                .variable("asOf", asOf == null ? null : asOf.toString()).execute();
    }

    /** The current instant, a little apart from the events before and after it (stored to the millisecond). */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(20);
        Instant now = Instant.now();
        Thread.sleep(20);
        return now;
    }
}
