package dev.portfolioledger.command.program;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;

import java.util.Optional;

/**
 * The command side's own record of which programs exist, in which portfolio, and whether they
 * are open; consulted instead of the lagging query-side views.
 */
public interface ProgramDirectory {

    /**
     * The program's facts. Implementations backed by a database hold a shared lock on the row
     * until the command's transaction ends, so a close cannot slip in between this check and the
     * events that rely on it.
     */
    Optional<ProgramFacts> find(ProgramId programId);

    void add(ProgramId programId, PortfolioId portfolioId);

    void markClosed(ProgramId programId);
}
