package dev.portfolioledger.api.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Currency;

/**
 * A project was proposed; programId is null for a project directly under the portfolio.
 * <p>
 * Revision 2 carries the portfolio's currency, which all of the project's money uses (a
 * portfolio's currency never changes), so the project decides about money without a lookup.
 * Revision 1 events, stored without it, are upcast on reading ({@code ProjectProposedEventUpcaster}
 * in the command side).
 */
@Revision("2")
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
        LocalDate plannedFinish,
        Currency currency) implements ProjectEvent {
}
