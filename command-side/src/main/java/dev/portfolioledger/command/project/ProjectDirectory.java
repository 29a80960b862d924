package dev.portfolioledger.command.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectStatus;

import java.util.Optional;


/**
 * The command side's own record of which project ids are taken, where the projects sit and which
 * status they are in. It lets a duplicate client-supplied id be refused before any event insert is
 * attempted, and other aggregates (a resource allocated to a project) check a project without
 * loading it or asking a read model.
 */
public interface ProjectDirectory {

    /**
     * Records where a new project sits, as PROPOSED, unless its id is taken already. Called in the
     * proposing command's transaction before the event is applied, so a taken id is refused
     * without a rolled-back insert into the event table.
     *
     * @param programId null for a project directly under its portfolio
     * @return false when a project with this id exists
     */
    boolean claim(ProjectId projectId, PortfolioId portfolioId, ProgramId programId);

    /**
     * The project's facts. Implementations backed by a database hold a shared lock on the row
     * until the command's transaction ends, so a cancellation cannot slip in between this check
     * and the events that rely on it.
     */
    Optional<ProjectFacts> find(ProjectId projectId);

    /** Records the project's new lifecycle status (in the transaction of the command that changed it). */
    void markStatus(ProjectId projectId, ProjectStatus status);
}
