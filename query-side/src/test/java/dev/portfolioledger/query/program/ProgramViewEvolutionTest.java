package dev.portfolioledger.query.program;

import dev.portfolioledger.api.portfolio.PortfolioArchivedEvent;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramClosedEvent;
import dev.portfolioledger.api.program.ProgramCreatedEvent;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.program.ProgramRenamedEvent;
import dev.portfolioledger.api.program.ProgramStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramViewEvolutionTest {

    private static final ProgramId PROGRAM = ProgramId.random();
    private static final PortfolioId PORTFOLIO = PortfolioId.random();
    private static final Instant CREATED_AT = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-02-10T14:30:00Z");

    private static ProgramView created() {
        return ProgramViewEvolution.apply(null, new ProgramCreatedEvent(
                PROGRAM, PORTFOLIO, "Cloud move", "paul", List.of("Exit the data centre", "Cut hosting cost")),
                CREATED_AT);
    }

    @Test
    void canApplyProgramCreated() {
        assertThat(created()).isEqualTo(new ProgramView(
                PROGRAM, PORTFOLIO, "Cloud move", "paul", List.of("Exit the data centre", "Cut hosting cost"),
                ProgramStatus.OPEN, CREATED_AT, CREATED_AT));
    }

    @Test
    void canApplyProgramCreatedWithoutObjectives() {
        ProgramView view = ProgramViewEvolution.apply(null, new ProgramCreatedEvent(
                PROGRAM, PORTFOLIO, "Cloud move", "paul", null), CREATED_AT);

        assertThat(view.objectives()).isEmpty();
    }

    @Test
    void viewKeepsItsObjectivesWhenTheEventListChanges() {
        List<String> objectives = new ArrayList<>(List.of("Exit the data centre"));
        ProgramView view = ProgramViewEvolution.apply(null, new ProgramCreatedEvent(
                PROGRAM, PORTFOLIO, "Cloud move", "paul", objectives), CREATED_AT);

        objectives.add("Added afterwards");

        assertThat(view.objectives()).containsExactly("Exit the data centre");
    }

    @Test
    void canApplyProgramRenamed() {
        ProgramView view = ProgramViewEvolution.apply(
                created(), new ProgramRenamedEvent(PROGRAM, "Cloud move", "Cloud first"), LATER);

        assertThat(view).isEqualTo(new ProgramView(
                PROGRAM, PORTFOLIO, "Cloud first", "paul", List.of("Exit the data centre", "Cut hosting cost"),
                ProgramStatus.OPEN, CREATED_AT, LATER));
    }

    @Test
    void canApplyProgramClosed() {
        ProgramView view = ProgramViewEvolution.apply(created(), new ProgramClosedEvent(PROGRAM), LATER);

        assertThat(view.status()).isEqualTo(ProgramStatus.CLOSED);
        assertThat(view.name()).isEqualTo("Cloud move");
        assertThat(view.createdAt()).isEqualTo(CREATED_AT);
        assertThat(view.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void ignoresEventsThatDoNotChangeAProgram() {
        ProgramView before = created();

        assertThat(ProgramViewEvolution.apply(before, new PortfolioArchivedEvent(PORTFOLIO), LATER)).isSameAs(before);
    }

    @Test
    void cannotApplyAChangeToAProgramWithoutView() {
        assertThatThrownBy(() -> ProgramViewEvolution.apply(null, new ProgramClosedEvent(PROGRAM), LATER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ProgramClosedEvent");
    }
}
