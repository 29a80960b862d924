package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.Allocation;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.Period;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.api.resource.ResourceRegisteredEvent;
import dev.portfolioledger.api.resource.Skill;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Events and helpers the resource tests share. */
final class ResourceFixtures {

    static final ResourceId RESOURCE = ResourceId.random();
    static final PortfolioId PORTFOLIO = PortfolioId.random();
    static final ProjectId APOLLO = ProjectId.random();
    static final ProjectId GEMINI = ProjectId.random();
    static final Instant AT = Instant.parse("2027-01-04T09:00:00Z");

    static final ResourceRegisteredEvent REGISTERED = new ResourceRegisteredEvent(
            RESOURCE, PORTFOLIO, "Ada Lovelace", "Developer", List.of(new Skill("Java", 4), new Skill("SQL", 2)),
            80, Money.of("95.00", "EUR"), LocalDate.of(2027, 1, 1));

    private ResourceFixtures() {
    }

    static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    static Period period(String start, String end) {
        return new Period(day(start), day(end));
    }

    static Allocation allocation(AllocationId id, ProjectId project, int percent, String start, String end) {
        return new Allocation(id, project, percent, period(start, end));
    }

    static ResourceView fold(Object... events) {
        ResourceView view = null;
        for (Object event : events) {
            view = ResourceViewEvolution.apply(view, event, AT);
        }
        return view;
    }
}
