package dev.portfolioledger.command.program;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.program.ProgramStatus;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The program directory without a database, for aggregate fixtures. */
public class InMemoryProgramDirectory implements ProgramDirectory {

    private final Map<ProgramId, ProgramFacts> programs = new HashMap<>();

    @Override
    public Optional<ProgramFacts> find(ProgramId programId) {
        return Optional.ofNullable(programs.get(programId));
    }

    @Override
    public void add(ProgramId programId, PortfolioId portfolioId) {
        if (programs.putIfAbsent(programId, new ProgramFacts(programId, portfolioId, ProgramStatus.OPEN)) != null) {
            throw new IllegalStateException("program " + programId + " already recorded");
        }
    }

    @Override
    public void markClosed(ProgramId programId) {
        ProgramFacts facts = programs.get(programId);
        if (facts == null) {
            throw new IllegalStateException("no program " + programId);
        }
        programs.put(programId, new ProgramFacts(programId, facts.portfolioId(), ProgramStatus.CLOSED));
    }

    /** Test convenience: a program known to the directory, as if created earlier. */
    public ProgramId add(ProgramId programId, PortfolioId portfolioId, ProgramStatus status) {
        programs.put(programId, new ProgramFacts(programId, portfolioId, status));
        return programId;
    }
}
