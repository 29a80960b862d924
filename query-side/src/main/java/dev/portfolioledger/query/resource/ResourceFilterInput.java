package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.resource.Period;
import dev.portfolioledger.api.resource.Skill;

import java.time.LocalDate;

/** The GraphQL ResourceFilter input as sent: checked and turned into a {@link ResourceFilter}. */
public record ResourceFilterInput(
        String portfolioId,
        String role,
        String skill,
        Integer minSkillLevel,
        Integer minFreePercent,
        LocalDate freeFrom,
        LocalDate freeTo,
        ResourceStatus status) {

    /**
     * @throws dev.portfolioledger.api.RuleViolation VALIDATION_FAILED for a level or percent out of
     *         range, a level without a skill, a free percent without its period (freeTo defaults to
     *         freeFrom: one day), or a period that ends before it starts
     */
    public ResourceFilter toFilter() {
        if (minSkillLevel != null && skill == null) {
            throw Checks.invalid("filter.minSkillLevel needs filter.skill");
        }
        int level = minSkillLevel == null ? Skill.MIN_LEVEL : minSkillLevel;
        if (level < Skill.MIN_LEVEL || level > Skill.MAX_LEVEL) {
            throw Checks.invalid("filter.minSkillLevel must be between " + Skill.MIN_LEVEL + " and " + Skill.MAX_LEVEL);
        }
        Period free = null;
        if (minFreePercent != null) {
            if (minFreePercent < 1 || minFreePercent > 100) {
                throw Checks.invalid("filter.minFreePercent must be between 1 and 100");
            }
            if (freeFrom == null) {
                throw Checks.invalid("filter.minFreePercent needs filter.freeFrom");
            }
            LocalDate to = freeTo == null ? freeFrom : freeTo;
            Checks.date(freeFrom, "filter.freeFrom");
            Checks.date(to, "filter.freeTo");
            if (to.isBefore(freeFrom)) {
                throw Checks.invalid("filter.freeTo must not be before filter.freeFrom");
            }
            free = new Period(freeFrom, to);
        } else if (freeFrom != null || freeTo != null) {
            throw Checks.invalid("filter.freeFrom and filter.freeTo need filter.minFreePercent");
        }
        return new ResourceFilter(portfolioId == null ? null : PortfolioId.of(portfolioId),
                                  Checks.filterText(role, "filter.role"), status,
                                  Checks.filterText(skill, "filter.skill"), level, minFreePercent, free);
    }
}
