package dev.portfolioledger.query.program;

import dev.portfolioledger.api.program.ProgramClosedEvent;
import dev.portfolioledger.api.program.ProgramCreatedEvent;
import dev.portfolioledger.api.program.ProgramRenamedEvent;

import java.time.Instant;

/**
 * The program view as a left fold over its events: used by the live projection one event at a
 * time, and usable over a stored event stream to rebuild the view as of any instant.
 */
public final class ProgramViewEvolution {

    private ProgramViewEvolution() {
    }

    /**
     * The view after {@code event}, recorded at {@code at}. Events that do not change a program
     * view leave {@code before} as it is, so a whole aggregate stream can be folded.
     *
     * @param before the view before the event, null before the program was created
     * @throws IllegalStateException when a change arrives for a program that has no view yet:
     *                               applying it to nothing would hide a lost creation event
     */
    public static ProgramView apply(ProgramView before, Object event, Instant at) {
        if (event instanceof ProgramCreatedEvent e) {
            return ProgramView.created(e, at);
        }
        if (event instanceof ProgramRenamedEvent e) {
            return existing(before, event).on(e, at);
        }
        if (event instanceof ProgramClosedEvent e) {
            return existing(before, event).on(e, at);
        }
        return before;
    }

    private static ProgramView existing(ProgramView before, Object event) {
        if (before == null) {
            throw new IllegalStateException(
                    "No program view to apply " + event.getClass().getSimpleName() + " to");
        }
        return before;
    }
}
