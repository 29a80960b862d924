package dev.portfolioledger.api.program;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.portfolio.PortfolioId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Create a program inside an active portfolio. */
public record CreateProgramCommand(
        @TargetAggregateIdentifier ProgramId programId,
        PortfolioId portfolioId,
        String name,
        String manager,
        List<String> objectives) {

    public static final int MAX_OBJECTIVES = 50;

    public CreateProgramCommand {
        Checks.required(programId, "programId");
        Checks.required(portfolioId, "portfolioId");
        name = Checks.name(name, "name");
        manager = Checks.person(manager, "manager");
        objectives = Checks.texts(objectives, "objectives", MAX_OBJECTIVES);
    }
}
