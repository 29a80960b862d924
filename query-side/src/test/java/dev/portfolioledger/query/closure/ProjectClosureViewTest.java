package dev.portfolioledger.query.closure;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.project.FinalFigures;
import dev.portfolioledger.api.project.LessonCategory;
import dev.portfolioledger.api.project.LessonLearned;
import dev.portfolioledger.api.project.ObjectiveAchievement;
import dev.portfolioledger.api.project.ObjectiveOutcome;
import dev.portfolioledger.api.project.ProjectClosedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.axon.config.AxonInfrastructureConfiguration;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The closure as the view stores it: everything the event says, figures with their scale, as Money. */
class ProjectClosureViewTest {

    private static final FinalFigures FIGURES = new FinalFigures(Currency.getInstance("EUR"), new BigDecimal("12000"),
            new BigDecimal("4000.00"), new BigDecimal("5000.0000"), new BigDecimal("5166.666666666700"),
            new BigDecimal("1.2500000000"), null);
    private static final ProjectClosedEvent CLOSED = new ProjectClosedEvent(ProjectId.random(), LocalDate.of(2027, 7, 1),
            2, FIGURES, List.of(new LessonLearned(LessonCategory.RISK, "Name an owner")),
            List.of(new ObjectiveOutcome("Sell online", ObjectiveAchievement.PARTLY_MET, "Half the range")), null,
            "Done");

    private final ObjectMapper mapper = new AxonInfrastructureConfiguration().defaultAxonObjectMapper();

    @Test
    void theStoredDocumentReadsBackWithTheFiguresScale() throws Exception {
        ProjectClosureView view = ProjectClosureView.of(CLOSED, Instant.parse("2027-07-01T10:15:30.123456789Z"), "pm");

        ProjectClosureView read = mapper.readValue(mapper.writeValueAsString(view), ProjectClosureView.class);

        assertThat(read).isEqualTo(view);
        assertThat(read.finalFigures().plannedValue()).hasToString("5166.666666666700");
        assertThat(read.finalFigures().schedulePerformanceIndex()).isNull();
    }

    @Test
    void theFiguresAreMoneyOfTheStatusDate() {
        ClosureFigures figures = ClosureFigures.of(CLOSED.closedOn(), FIGURES);

        assertThat(figures.statusDate()).isEqualTo(LocalDate.of(2027, 7, 1));
        assertThat(figures.actualCost().amount()).isEqualByComparingTo("4000");
        assertThat(figures.actualCost().currency()).isEqualTo(Currency.getInstance("EUR"));
        assertThat(figures.costPerformanceIndex()).isEqualByComparingTo("1.25");
        assertThat(figures.schedulePerformanceIndex()).isNull();
    }
}
