package dev.portfolioledger.query.status;

import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.api.status.Rag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PortfolioHealthTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static ProjectHealth project(String name, Rag reported, String spi, String cpi, int pending) {
        SuggestedRag suggested = SuggestedRag.of(SuggestedRagThresholds.DEFAULTS, DAY, NOW,
                                                 spi == null ? null : new BigDecimal(spi),
                                                 cpi == null ? null : new BigDecimal(cpi), pending);
        StatusReportView report = reported == null ? null : new StatusReportView(
                UUID.randomUUID(), UUID.randomUUID(), DAY.minusDays(13), DAY,
                new RagRatings(reported, reported, reported, reported), name + " is fine", List.of(), List.of(),
                List.of(), null, null, "pm", 1L, null, null);
        return new ProjectHealth(UUID.randomUUID(), name, ProjectStatus.ACTIVE, report, suggested,
                                 suggested.greenWhereRed(report == null ? null : report.reported()));
    }

    @Test
    void groupsByReportedAndBySuggestedOverallRagAndListsTheDisagreements() {
        ProjectHealth greenButRed = project("Apollo", Rag.GREEN, "0.5", "1.0", 0);
        ProjectHealth honest = project("Gemini", Rag.AMBER, "0.9", "1.0", 0);
        ProjectHealth unreported = project("Mercury", null, "1.0", "1.0", 1);
        ProjectHealth greenAndGreen = project("Skylab", Rag.GREEN, "1.0", "1.0", 0);

        PortfolioHealth health = PortfolioHealth.of(DAY, NOW, List.of(greenButRed, honest, unreported, greenAndGreen));

        assertThat(health.projectCount()).isEqualTo(4);
        assertThat(health.byReported().green().projects()).containsExactly(greenButRed, greenAndGreen);
        assertThat(health.byReported().amber().count()).isEqualTo(1);
        assertThat(health.byReported().red().count()).isZero();
        assertThat(health.byReported().none().projects()).containsExactly(unreported);
        assertThat(health.bySuggested().red().projects()).containsExactly(greenButRed);
        assertThat(health.bySuggested().amber().projects()).containsExactly(honest, unreported);
        assertThat(health.bySuggested().green().projects()).containsExactly(greenAndGreen);
        assertThat(health.bySuggested().none().count()).isZero();
        assertThat(health.disagreements()).containsExactly(greenButRed);
        assertThat(health.disagreementCount()).isEqualTo(1);
        assertThat(greenButRed.disagreements()).containsExactly(RagDimension.OVERALL, RagDimension.SCHEDULE);
    }

    @Test
    void anEmptyPortfolioHasEmptyGroups() {
        PortfolioHealth health = PortfolioHealth.of(DAY, NOW, List.of());
        assertThat(health.projectCount()).isZero();
        assertThat(health.byReported().green().count()).isZero();
        assertThat(health.bySuggested().none().projects()).isEmpty();
        assertThat(health.disagreements()).isEmpty();
    }
}
