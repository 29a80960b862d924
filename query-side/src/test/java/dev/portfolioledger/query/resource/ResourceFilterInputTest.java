package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.ResourceAllocatedEvent;
import org.junit.jupiter.api.Test;

import static dev.portfolioledger.query.resource.ResourceFixtures.APOLLO;
import static dev.portfolioledger.query.resource.ResourceFixtures.PORTFOLIO;
import static dev.portfolioledger.query.resource.ResourceFixtures.REGISTERED;
import static dev.portfolioledger.query.resource.ResourceFixtures.RESOURCE;
import static dev.portfolioledger.query.resource.ResourceFixtures.allocation;
import static dev.portfolioledger.query.resource.ResourceFixtures.day;
import static dev.portfolioledger.query.resource.ResourceFixtures.fold;
import static dev.portfolioledger.query.resource.ResourceFixtures.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceFilterInputTest {

    private static final ResourceView ADA = fold(REGISTERED, new ResourceAllocatedEvent(
            RESOURCE, allocation(AllocationId.random(), APOLLO, 50, "2027-03-01", "2027-03-31"), null, null));

    private static ResourceFilterInput input(String skill, Integer level, Integer free, String from, String to) {
        return new ResourceFilterInput(null, null, skill, level, free, from == null ? null : day(from),
                                       to == null ? null : day(to), null);
    }

    @Test
    void skillMatchesIgnoringCaseAtTheLevelOrAbove() {
        assertThat(input("jAVA", 4, null, null, null).toFilter().matches(ADA)).isTrue();
        assertThat(input("java", 5, null, null, null).toFilter().matches(ADA)).isFalse();
        assertThat(input("sql", null, null, null, null).toFilter().matches(ADA)).isTrue();
        assertThat(input("Rust", null, null, null, null).toFilter().matches(ADA)).isFalse();
    }

    @Test
    void freeToDefaultsToFreeFrom() {
        ResourceFilter filter = input(null, null, 30, "2027-03-05", null).toFilter();

        assertThat(filter.freePeriod()).isEqualTo(period("2027-03-05", "2027-03-05"));
        assertThat(filter.matches(ADA)).isTrue();
        assertThat(input(null, null, 31, "2027-03-05", null).toFilter().matches(ADA)).isFalse();
    }

    @Test
    void portfolioRoleAndStatusMatchExactly() {
        assertThat(new ResourceFilterInput(PORTFOLIO.toString(), "Developer", null, null, null, null, null,
                                           ResourceStatus.ACTIVE).toFilter().matches(ADA)).isTrue();
        assertThat(new ResourceFilterInput(null, "developer", null, null, null, null, null, null)
                           .toFilter().matches(ADA)).isFalse();
        assertThat(new ResourceFilterInput(null, null, null, null, null, null, null, ResourceStatus.RETIRED)
                           .toFilter().matches(ADA)).isFalse();
    }

    @Test
    void cannotFilterWithALevelOutOfRangeOrWithoutASkill() {
        assertThatThrownBy(() -> input("Java", 6, null, null, null).toFilter()).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> input("Java", 0, null, null, null).toFilter()).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> input(null, 2, null, null, null).toFilter()).isInstanceOf(RuleViolation.class);
    }

    @Test
    void cannotFilterByFreeTimeWithoutAPeriodOrWithABackwardOne() {
        assertThatThrownBy(() -> input(null, null, 50, null, null).toFilter()).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> input(null, null, 50, "2027-03-05", "2027-03-04").toFilter())
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> input(null, null, 0, "2027-03-05", null).toFilter()).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> input(null, null, 101, "2027-03-05", null).toFilter())
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> input(null, null, null, "2027-03-05", null).toFilter())
                .isInstanceOf(RuleViolation.class);
    }
}
