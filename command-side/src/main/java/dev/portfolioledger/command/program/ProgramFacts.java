package dev.portfolioledger.command.program;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.program.ProgramStatus;

import java.util.Objects;

/** What the command side knows about a program when deciding about projects placed in it. */
public record ProgramFacts(ProgramId programId, PortfolioId portfolioId, ProgramStatus status) {

    public ProgramFacts {
        Objects.requireNonNull(programId, "programId");
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(status, "status");
    }

    public boolean isClosed() {
        return status == ProgramStatus.CLOSED;
    }

    public boolean belongsTo(PortfolioId portfolio) {
        return portfolioId.equals(portfolio);
    }
}
