package dev.portfolioledger.command.status;

import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.api.status.PublishStatusReportCommand;
import dev.portfolioledger.api.status.Rag;
import dev.portfolioledger.api.status.StatusReportId;
import dev.portfolioledger.api.status.StatusReportPublishedEvent;
import dev.portfolioledger.command.project.InMemoryProjectDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static dev.portfolioledger.api.ErrorCode.ALREADY_EXISTS;
import static dev.portfolioledger.api.ErrorCode.CONFLICT;
import static dev.portfolioledger.api.ErrorCode.NOT_FOUND;
import static dev.portfolioledger.api.ErrorCode.VALIDATION_FAILED;
import static dev.portfolioledger.command.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of publishing status reports, one test each. */
class StatusReportTest {

    private static final PortfolioId PORTFOLIO = new PortfolioId(uuid("f0"));
    private static final ProjectId ACTIVE = new ProjectId(uuid("a1"));
    private static final ProjectId OTHER = new ProjectId(uuid("a2"));
    private static final StatusReportId REPORT = new StatusReportId(uuid("51"));
    private static final StatusReportId CORRECTION = new StatusReportId(uuid("52"));
    private static final StatusReportId SECOND_CORRECTION = new StatusReportId(uuid("53"));
    private static final LocalDate START = LocalDate.of(2026, 11, 1);
    private static final LocalDate END = LocalDate.of(2026, 11, 30);

    private AggregateTestFixture<StatusReport> fixture;
    private InMemoryProjectDirectory projects;
    private InMemoryStatusReportDirectory reports;

    @BeforeEach
    void setUp() {
        projects = new InMemoryProjectDirectory();
        projects.add(ACTIVE, PORTFOLIO, ProjectStatus.ACTIVE);
        projects.add(OTHER, PORTFOLIO, ProjectStatus.ON_HOLD);
        reports = new InMemoryStatusReportDirectory();
        fixture = new AggregateTestFixture<>(StatusReport.class);
        fixture.registerAnnotatedCommandHandler(new StatusReportCommandHandler(fixture.getRepository(), projects,
                                                                                reports));
    }

    private static UUID uuid(String suffix) {
        return UUID.fromString("00000000-0000-0000-0000-" + "0".repeat(12 - suffix.length()) + suffix);
    }

    private static PublishStatusReportCommand report(StatusReportId id, ProjectId project, StatusReportId supersedes) {
        return new PublishStatusReportCommand(id, project, START, END, Rag.GREEN, Rag.GREEN, Rag.AMBER, Rag.RED,
                "Design signed off; the supplier is late.", List.of("Design review passed"),
                List.of("Start the build"), List.of("Approve the extra budget"), supersedes);
    }

    private static StatusReportPublishedEvent published(PublishStatusReportCommand c) {
        return new StatusReportPublishedEvent(c.statusReportId(), c.projectId(), c.periodStart(), c.periodEnd(),
                c.overall(), c.scope(), c.schedule(), c.cost(), c.summary(), c.accomplishments(), c.nextSteps(),
                c.decisionsNeeded(), c.supersedes());
    }

    @Test
    void publishesAReportOfARunningProject() {
        var command = report(REPORT, ACTIVE, null);
        fixture.givenNoPriorActivity().when(command).expectSuccessfulHandlerExecution()
                .expectEvents(published(command));
        assertThat(reports.find(REPORT)).hasValueSatisfying(entry -> assertThat(entry.projectId()).isEqualTo(ACTIVE));
    }

    @Test
    void publishesForApprovedAndOnHoldProjects() {
        ProjectId approved = projects.add(new ProjectId(uuid("a3")), PORTFOLIO, ProjectStatus.APPROVED);
        var command = report(REPORT, approved, null);
        fixture.givenNoPriorActivity().when(command).expectEvents(published(command));
        var onHold = report(CORRECTION, OTHER, null);
        fixture.givenNoPriorActivity().when(onHold).expectEvents(published(onHold));
    }

    @Test
    void refusesAnUnknownProject() {
        fixture.givenNoPriorActivity().when(report(REPORT, new ProjectId(uuid("ee")), null))
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void refusesAProposedProject() {
        ProjectId proposed = projects.add(new ProjectId(uuid("a4")), PORTFOLIO, ProjectStatus.PROPOSED);
        fixture.givenNoPriorActivity().when(report(REPORT, proposed, null)).expectException(refusedWith(CONFLICT));
    }

    @Test
    void refusesACancelledProject() {
        ProjectId cancelled = projects.add(new ProjectId(uuid("a5")), PORTFOLIO, ProjectStatus.CANCELLED);
        fixture.givenNoPriorActivity().when(report(REPORT, cancelled, null)).expectException(refusedWith(CONFLICT));
    }

    @Test
    void refusesATakenId() {
        reports.claim(REPORT, ACTIVE);
        fixture.givenNoPriorActivity().when(report(REPORT, ACTIVE, null)).expectException(refusedWith(ALREADY_EXISTS));
    }

    @Test
    void aCorrectionSupersedesAReportOfItsProject() {
        reports.claim(REPORT, ACTIVE);
        var correction = report(CORRECTION, ACTIVE, REPORT);
        fixture.givenNoPriorActivity().when(correction).expectEvents(published(correction));
        assertThat(reports.find(REPORT)).hasValueSatisfying(entry ->
                assertThat(entry.supersededBy()).isEqualTo(CORRECTION));
    }

    @Test
    void refusesToSupersedeAnUnknownReport() {
        fixture.givenNoPriorActivity().when(report(CORRECTION, ACTIVE, REPORT)).expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void refusesToSupersedeAReportOfAnotherProject() {
        reports.claim(REPORT, OTHER);
        fixture.givenNoPriorActivity().when(report(CORRECTION, ACTIVE, REPORT))
                .expectException(refusedWith(VALIDATION_FAILED));
    }

    @Test
    void aReportIsSupersededAtMostOnce() {
        reports.claim(REPORT, ACTIVE);
        reports.claim(CORRECTION, ACTIVE);
        reports.supersede(REPORT, CORRECTION);
        fixture.givenNoPriorActivity().when(report(SECOND_CORRECTION, ACTIVE, REPORT))
                .expectException(refusedWith(CONFLICT));
    }

    @Test
    void theCommandRefusesAPeriodEndingBeforeItStarts() {
        assertThatThrownBy(() -> new PublishStatusReportCommand(REPORT, ACTIVE, END, START, Rag.GREEN, Rag.GREEN,
                Rag.GREEN, Rag.GREEN, "Fine", List.of(), List.of(), List.of(), null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("ends (2026-11-01) before it starts");
    }

    @Test
    void theCommandRefusesAReportSupersedingItself() {
        assertThatThrownBy(() -> report(REPORT, ACTIVE, REPORT)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("cannot supersede itself");
    }

    @Test
    void theCommandRefusesABlankSummaryAndTooManyItems() {
        assertThatThrownBy(() -> new PublishStatusReportCommand(REPORT, ACTIVE, START, END, Rag.GREEN, Rag.GREEN,
                Rag.GREEN, Rag.GREEN, "  ", List.of(), List.of(), List.of(), null)).isInstanceOf(RuleViolation.class);
        List<String> tooMany = Collections.nCopies(PublishStatusReportCommand.ITEMS_MAX + 1, "item");
        assertThatThrownBy(() -> new PublishStatusReportCommand(REPORT, ACTIVE, START, END, Rag.GREEN, Rag.GREEN,
                Rag.GREEN, Rag.GREEN, "Fine", tooMany, List.of(), List.of(), null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("at most 50");
    }
}
