package dev.portfolioledger.query.portfolio;

import dev.portfolioledger.api.portfolio.PortfolioArchivedEvent;
import dev.portfolioledger.api.portfolio.PortfolioCreatedEvent;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioRenamedEvent;
import dev.portfolioledger.api.portfolio.PortfolioStatus;
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortfolioViewEvolutionTest {

    private static final PortfolioId PORTFOLIO = PortfolioId.random();
    private static final Instant CREATED_AT = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-02-10T14:30:00Z");

    private static PortfolioView created() {
        return PortfolioViewEvolution.apply(null, new PortfolioCreatedEvent(
                PORTFOLIO, "Digital", "Customer-facing change", Currency.getInstance("EUR"), "olivia"), CREATED_AT);
    }

    @Test
    void canApplyPortfolioCreated() {
        assertThat(created()).isEqualTo(new PortfolioView(
                PORTFOLIO, "Digital", "Customer-facing change", "EUR", "olivia", PortfolioStatus.ACTIVE,
                CREATED_AT, CREATED_AT));
    }

    @Test
    void canApplyPortfolioRenamed() {
        PortfolioView view = PortfolioViewEvolution.apply(
                created(), new PortfolioRenamedEvent(PORTFOLIO, "Digital", "Digital & Data"), LATER);

        assertThat(view).isEqualTo(new PortfolioView(
                PORTFOLIO, "Digital & Data", "Customer-facing change", "EUR", "olivia", PortfolioStatus.ACTIVE,
                CREATED_AT, LATER));
    }

    @Test
    void canApplyPortfolioArchived() {
        PortfolioView view = PortfolioViewEvolution.apply(created(), new PortfolioArchivedEvent(PORTFOLIO), LATER);

        assertThat(view).isEqualTo(new PortfolioView(
                PORTFOLIO, "Digital", "Customer-facing change", "EUR", "olivia", PortfolioStatus.ARCHIVED,
                CREATED_AT, LATER));
    }

    @Test
    void ignoresEventsThatDoNotChangeAPortfolio() {
        PortfolioView before = created();

        assertThat(PortfolioViewEvolution.apply(before, new ProjectApprovedEvent(ProjectId.random()), LATER))
                .isSameAs(before);
    }

    @Test
    void cannotApplyAChangeToAPortfolioWithoutView() {
        assertThatThrownBy(() -> PortfolioViewEvolution.apply(null, new PortfolioArchivedEvent(PORTFOLIO), LATER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PortfolioArchivedEvent");
    }
}
