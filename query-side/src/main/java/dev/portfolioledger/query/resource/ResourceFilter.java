package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.resource.Period;
import dev.portfolioledger.api.resource.Skill;

import java.util.Locale;

/**
 * Which resources a list holds; every criterion is optional and they combine with AND. Portfolio,
 * role and status are columns the lists select by in SQL; skill and free time are read from the
 * view, in Java, by {@link #matchesView} ({@link ResourcePages} keeps the paging exact).
 *
 * @param role          matched exactly
 * @param skill         matched ignoring case, at {@code minSkillLevel} or above
 * @param freePeriod    with {@code minFreePercent}: the days that must each have that much free
 */
public record ResourceFilter(
        PortfolioId portfolioId,
        String role,
        ResourceStatus status,
        String skill,
        int minSkillLevel,
        Integer minFreePercent,
        Period freePeriod) {

    public static final ResourceFilter ALL = new ResourceFilter(null, null, null, null, Skill.MIN_LEVEL, null, null);

    /** Whether a criterion must be checked on the view (not selected by SQL). */
    public boolean filtersViews() {
        return skill != null || minFreePercent != null;
    }

    /** Every criterion, in memory (what the fold lists with). */
    public boolean matches(ResourceView resource) {
        return (portfolioId == null || portfolioId.equals(resource.portfolioId()))
                && (role == null || role.equals(resource.role()))
                && (status == null || status == resource.status())
                && matchesView(resource);
    }

    /** The criteria the SQL does not select by: skill and free time. */
    public boolean matchesView(ResourceView resource) {
        if (skill != null) {
            String wanted = skill.toLowerCase(Locale.ROOT);
            boolean skilled = resource.skills().stream().anyMatch(
                    s -> s.name().toLowerCase(Locale.ROOT).equals(wanted) && s.level() >= minSkillLevel);
            if (!skilled) {
                return false;
            }
        }
        return minFreePercent == null || ResourceAvailability.isFree(resource, minFreePercent, freePeriod);
    }
}
