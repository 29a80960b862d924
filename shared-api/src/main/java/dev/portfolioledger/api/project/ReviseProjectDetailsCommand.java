package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Replace a proposed project's details; refused once the project is approved. */
public record ReviseProjectDetailsCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        String name,
        String description,
        String manager,
        String sponsor,
        Methodology methodology,
        LocalDate plannedStart,
        LocalDate plannedFinish) {

    public ReviseProjectDetailsCommand {
        Checks.required(projectId, "projectId");
        name = Checks.name(name, "name");
        description = Checks.optionalText(description, "description", Checks.TEXT_MAX);
        manager = Checks.person(manager, "manager");
        sponsor = Checks.person(sponsor, "sponsor");
        Checks.required(methodology, "methodology");
        Checks.plannedWindow(plannedStart, plannedFinish);
    }
}
