package dev.portfolioledger.query.project;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectFilterInputTest {

    @Test
    void parsesTheGivenCriteria() {
        PortfolioId portfolio = PortfolioId.random();

        ProjectFilter filter = new ProjectFilterInput(portfolio.toString(), null, ProjectStatus.ACTIVE,
                                                      Methodology.LEAN, "alice").toFilter();

        assertThat(filter).isEqualTo(new ProjectFilter(portfolio, null, ProjectStatus.ACTIVE, Methodology.LEAN,
                                                       "alice"));
    }

    @Test
    void refusesAMalformedProgramId() {
        assertThatThrownBy(() -> new ProjectFilterInput(null, "42", null, null, null).toFilter())
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }
}
