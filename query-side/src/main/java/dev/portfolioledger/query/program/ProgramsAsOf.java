package dev.portfolioledger.query.program;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;

/**
 * The programs as the decisions recorded up to an instant made them, as the program queries read
 * them; the as-of history implements it ({@code asof.PointInTime}).
 */
public interface ProgramsAsOf {

    /** The program at the instant; null before it was created. */
    ProgramView program(ProgramId id);

    /** A page of the programs of the portfolio that existed at the instant. */
    Connection<ProgramView> programsOf(PortfolioId portfolioId, PageRequest<NameKey> page);
}
