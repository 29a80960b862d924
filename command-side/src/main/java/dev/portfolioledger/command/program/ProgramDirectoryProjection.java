package dev.portfolioledger.command.program;

import dev.portfolioledger.api.program.ProgramClosedEvent;
import dev.portfolioledger.api.program.ProgramCreatedEvent;
import dev.portfolioledger.axon.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the program directory in step with the events. Its group is subscribing, so this runs in
 * the command's own transaction and the directory is never behind. Nothing here can conflict:
 * {@link ProgramCommandHandler} has checked the id before the event was applied.
 */
@Component
@ProcessingGroup(ProcessingGroups.COMMAND_LOOKUPS)
class ProgramDirectoryProjection {

    private final ProgramDirectory directory;

    ProgramDirectoryProjection(ProgramDirectory directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(ProgramCreatedEvent event) {
        directory.add(event.programId(), event.portfolioId());
    }

    @EventHandler
    void on(ProgramClosedEvent event) {
        directory.markClosed(event.programId());
    }
}
