package dev.portfolioledger.command.project;

import dev.portfolioledger.api.project.CloseProjectCommand;
import dev.portfolioledger.api.project.FinalFigures;
import dev.portfolioledger.api.project.LessonCategory;
import dev.portfolioledger.api.project.LessonLearned;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.axon.command.AuditedCommandGateway;
import dev.portfolioledger.command.Today;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** How closeProject becomes a command: closed today (UTC), with the figures of that day from the port. */
class ProjectClosureMutationControllerTest {

    private static final String PROJECT = "00000000-0000-0000-0000-0000000000c1";
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    private final AuditedCommandGateway gateway = mock(AuditedCommandGateway.class);
    private final ProjectFinalFigures figures = mock(ProjectFinalFigures.class);
    private final ProjectClosureMutationController controller = new ProjectClosureMutationController(gateway,
            new Today(Clock.fixed(Instant.parse("2026-12-03T23:30:00Z"), ZoneOffset.UTC)), figures);

    @Test
    void closesTodayWithTheFiguresOfToday() {
        var finalFigures = new FinalFigures(Currency.getInstance("EUR"), BigDecimal.TEN, BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, null);
        when(figures.at(ProjectId.of(PROJECT), TODAY)).thenReturn(finalFigures);
        var lessons = List.of(new LessonLearned(LessonCategory.RISK, "Name an owner for every risk"));

        controller.closeProject(new CloseProjectInput(PROJECT, lessons, List.of(), " Handover ", null, "Done"));

        verify(gateway).send(new CloseProjectCommand(ProjectId.of(PROJECT), TODAY, lessons, List.of(), "Handover", null,
                finalFigures), ProjectId.of(PROJECT), "Done");
    }
}
