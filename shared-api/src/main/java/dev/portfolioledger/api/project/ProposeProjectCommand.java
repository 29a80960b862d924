package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Propose a project into an active portfolio and, optionally, one open program of it. */
public record ProposeProjectCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        PortfolioId portfolioId,
        ProgramId programId,
        String name,
        String description,
        String manager,
        String sponsor,
        Methodology methodology,
        LocalDate plannedStart,
        LocalDate plannedFinish) {

    public ProposeProjectCommand {
        Checks.required(projectId, "projectId");
        Checks.required(portfolioId, "portfolioId");
        name = Checks.name(name, "name");
        description = Checks.optionalText(description, "description", Checks.TEXT_MAX);
        manager = Checks.person(manager, "manager");
        sponsor = Checks.person(sponsor, "sponsor");
        Checks.required(methodology, "methodology");
        Checks.plannedWindow(plannedStart, plannedFinish);
    }
}
