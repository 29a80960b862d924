package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.portfolio.PortfolioId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A resource joined a portfolio's pool: its role, skills, capacity (percent of full time, from the
 * start) and cost rate per hour from a date.
 */
@Revision("1")
public record ResourceRegisteredEvent(
        ResourceId resourceId,
        PortfolioId portfolioId,
        String name,
        String role,
        List<Skill> skills,
        int capacityPercent,
        Money costRate,
        LocalDate rateEffectiveFrom) implements ResourceEvent {
}
