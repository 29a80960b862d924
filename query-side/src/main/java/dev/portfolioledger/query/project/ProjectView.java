package dev.portfolioledger.query.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectClosedEvent;
import dev.portfolioledger.api.project.ProjectDetailsRevisedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectPutOnHoldEvent;
import dev.portfolioledger.api.project.ProjectResumedEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.api.project.ProjectStatus;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A project as its events make it. The factory and the {@code on} methods are the whole
 * projection logic and are pure, so a past state is the same fold over fewer events.
 *
 * @param programId          null for a project directly under its portfolio
 * @param cancellationReason the reason given when the project was cancelled, else null
 * @param approvedAt         when the project was approved, null while proposed
 * @param startedAt          when work first started, null until then
 */
public record ProjectView(
        ProjectId id,
        PortfolioId portfolioId,
        ProgramId programId,
        String name,
        String description,
        String manager,
        String sponsor,
        Methodology methodology,
        LocalDate plannedStart,
        LocalDate plannedFinish,
        ProjectStatus status,
        String cancellationReason,
        Instant approvedAt,
        Instant startedAt,
        Instant createdAt,
        Instant updatedAt) {

    public static ProjectView proposed(ProjectProposedEvent e, Instant at) {
        return new ProjectView(e.projectId(), e.portfolioId(), e.programId(), e.name(), e.description(),
                               e.manager(), e.sponsor(), e.methodology(), e.plannedStart(), e.plannedFinish(),
                               ProjectStatus.PROPOSED, null, null, null, at, at);
    }

    public ProjectView on(ProjectDetailsRevisedEvent e, Instant at) {
        return new ProjectView(id, portfolioId, programId, e.name(), e.description(), e.manager(), e.sponsor(),
                               e.methodology(), e.plannedStart(), e.plannedFinish(), status, cancellationReason,
                               approvedAt, startedAt, createdAt, at);
    }

    public ProjectView on(ProjectApprovedEvent e, Instant at) {
        return new ProjectView(id, portfolioId, programId, name, description, manager, sponsor, methodology,
                               plannedStart, plannedFinish, ProjectStatus.APPROVED, cancellationReason,
                               at, startedAt, createdAt, at);
    }

    public ProjectView on(ProjectStartedEvent e, Instant at) {
        return new ProjectView(id, portfolioId, programId, name, description, manager, sponsor, methodology,
                               plannedStart, plannedFinish, ProjectStatus.ACTIVE, cancellationReason,
                               approvedAt, at, createdAt, at);
    }

    public ProjectView on(ProjectPutOnHoldEvent e, Instant at) {
        return inStatus(ProjectStatus.ON_HOLD, at);
    }

    public ProjectView on(ProjectResumedEvent e, Instant at) {
        return inStatus(ProjectStatus.ACTIVE, at);
    }

    public ProjectView on(ProjectCancelledEvent e, Instant at) {
        return new ProjectView(id, portfolioId, programId, name, description, manager, sponsor, methodology,
                               plannedStart, plannedFinish, ProjectStatus.CANCELLED, e.reason(),
                               approvedAt, startedAt, createdAt, at);
    }

    /** Closed for good; what it learned and its final figures are the closure's view (ProjectClosureView). */
    public ProjectView on(ProjectClosedEvent e, Instant at) {
        return inStatus(ProjectStatus.CLOSED, at);
    }

    private ProjectView inStatus(ProjectStatus newStatus, Instant at) {
        return new ProjectView(id, portfolioId, programId, name, description, manager, sponsor, methodology,
                               plannedStart, plannedFinish, newStatus, cancellationReason,
                               approvedAt, startedAt, createdAt, at);
    }
}
