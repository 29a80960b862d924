package dev.portfolioledger.api.program;

import dev.portfolioledger.api.portfolio.PortfolioId;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A program was created in a portfolio. */
@Revision("1")
public record ProgramCreatedEvent(
        ProgramId programId,
        PortfolioId portfolioId,
        String name,
        String manager,
        List<String> objectives) {
}
