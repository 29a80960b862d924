package dev.portfolioledger.command.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.ProjectId;

/**
 * The command side's own record of which project ids are taken and where the projects sit.
 * It lets a duplicate client-supplied id be refused before any event insert is attempted.
 */
public interface ProjectDirectory {

    boolean contains(ProjectId projectId);

    /** @param programId null for a project directly under its portfolio */
    void add(ProjectId projectId, PortfolioId portfolioId, ProgramId programId);
}
