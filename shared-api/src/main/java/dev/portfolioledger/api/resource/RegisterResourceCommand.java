package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.portfolio.PortfolioId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Register a person in a portfolio's resource pool; the cost rate is in the portfolio's currency. */
public record RegisterResourceCommand(
        @TargetAggregateIdentifier ResourceId resourceId,
        PortfolioId portfolioId,
        String name,
        String role,
        List<Skill> skills,
        int capacityPercent,
        Money costRate,
        LocalDate rateEffectiveFrom) {

    public RegisterResourceCommand {
        Checks.required(resourceId, "resourceId");
        Checks.required(portfolioId, "portfolioId");
        name = Checks.person(name, "name");
        role = Checks.name(role, "role");
        skills = Skill.checkedList(skills, "skills");
        ResourceChecks.percent(capacityPercent, "capacityPercent", 1);
        costRate = Checks.money(costRate, "costRate").requireNonNegative("costRate");
        Checks.date(rateEffectiveFrom, "rateEffectiveFrom");
    }
}
