package dev.portfolioledger.api.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A project was proposed; programId is null for a project directly under the portfolio. */
@Revision("1")
public record ProjectProposedEvent(
        ProjectId projectId,
        PortfolioId portfolioId,
        ProgramId programId,
        String name,
        String description,
        String manager,
        String sponsor,
        Methodology methodology,
        LocalDate plannedStart,
        LocalDate plannedFinish) implements ProjectEvent {
}
