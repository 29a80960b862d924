package dev.portfolioledger.command.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.ProjectId;


/**
 * The command side's own record of which project ids are taken and where the projects sit.
 * It lets a duplicate client-supplied id be refused before any event insert is attempted.
 */
public interface ProjectDirectory {

    /**
     * Records where a new project sits, unless its id is taken already. Called in the proposing
     * command's transaction before the event is applied, so a taken id is refused without a
     * rolled-back insert into the event table.
     *
     * @param programId null for a project directly under its portfolio
     * @return false when a project with this id exists
     */
    boolean claim(ProjectId projectId, PortfolioId portfolioId, ProgramId programId);
}
