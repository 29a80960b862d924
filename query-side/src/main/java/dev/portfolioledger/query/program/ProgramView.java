package dev.portfolioledger.query.program;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramClosedEvent;
import dev.portfolioledger.api.program.ProgramCreatedEvent;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.program.ProgramRenamedEvent;
import dev.portfolioledger.api.program.ProgramStatus;

import java.time.Instant;
import java.util.List;

/**
 * A program as its events make it. The factory and the {@code on} methods are the whole
 * projection logic and are pure, so a past state is the same fold over fewer events.
 */
public record ProgramView(
        ProgramId id,
        PortfolioId portfolioId,
        String name,
        String manager,
        List<String> objectives,
        ProgramStatus status,
        Instant createdAt,
        Instant updatedAt) {

    public ProgramView {
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
    }

    public static ProgramView created(ProgramCreatedEvent e, Instant at) {
        return new ProgramView(e.programId(), e.portfolioId(), e.name(), e.manager(), e.objectives(),
                               ProgramStatus.OPEN, at, at);
    }

    public ProgramView on(ProgramRenamedEvent e, Instant at) {
        return new ProgramView(id, portfolioId, e.name(), manager, objectives, status, createdAt, at);
    }

    public ProgramView on(ProgramClosedEvent e, Instant at) {
        return new ProgramView(id, portfolioId, name, manager, objectives, ProgramStatus.CLOSED, createdAt, at);
    }
}
