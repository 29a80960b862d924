package dev.portfolioledger.query.program;

import dev.portfolioledger.api.program.ProgramClosedEvent;
import dev.portfolioledger.api.program.ProgramCreatedEvent;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.program.ProgramRenamedEvent;
import dev.portfolioledger.axon.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps program_view current. The state change itself lives in {@link ProgramViewEvolution};
 * each handler only loads the row, applies the event and saves the result.
 */
@Component
@ProcessingGroup(ProcessingGroups.VIEWS)
public class ProgramProjection {

    private final Programs programs;

    public ProgramProjection(Programs programs) {
        this.programs = programs;
    }

    @EventHandler
    void on(ProgramCreatedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.programId(), event, at, sequence);
    }

    @EventHandler
    void on(ProgramRenamedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.programId(), event, at, sequence);
    }

    @EventHandler
    void on(ProgramClosedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.programId(), event, at, sequence);
    }

    @ResetHandler
    void reset() {
        programs.deleteAll();
    }

    private void evolve(ProgramId id, Object event, Instant at, long sequence) {
        // an aggregate's first event has nothing before it; skip the read (a replay's upsert guard
        // keeps an existing row consistent)
        ProgramView before = sequence == 0 ? null : programs.find(id).orElse(null);
        programs.save(ProgramViewEvolution.apply(before, event, at), sequence);
    }
}
